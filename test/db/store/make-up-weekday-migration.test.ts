// Issue 17: make-up days saved without the weekday they follow are filled by
// migration 1765700000000 from the rule the registers and reports used.
import { expect } from "chai";
import { CalendarDay, Term } from "../../../src/db/entities";
import { MakeUpWeekday1765700000000 } from "../../../src/db/migrations/common/1765700000000-MakeUpWeekday";
import { forEachDatabase } from "../../support/databases";

forEachDatabase("make-up weekday migration", (ctx) => {
  it("When old make-up rows name no weekday, then a weekday date gets its own weekday, a weekend one becomes a noted day, good rows stay", async () => {
    const ds = ctx.db.ds;
    const term = await ds
      .getRepository(Term)
      .save({ name: "2026 秋", startDate: "2026-09-01", endDate: "2027-01-20", current: true });
    const rows = await ds.getRepository(CalendarDay).save([
      { termId: term.id, date: "2026-09-21", kind: "makeup" as const, runsWeekday: null, name: "旧调休 Mon" },
      { termId: term.id, date: "2026-09-26", kind: "makeup" as const, runsWeekday: null, name: "旧调休 Sat" },
      { termId: term.id, date: "2026-10-10", kind: "makeup" as const, runsWeekday: 7, name: "旧调休 Sat 7" },
      { termId: term.id, date: "2026-09-20", kind: "makeup" as const, runsWeekday: 5, name: "调休" },
      { termId: term.id, date: "2026-10-01", kind: "holiday" as const, runsWeekday: null, name: "国庆节" },
    ]);
    const runner = ds.createQueryRunner();
    try {
      await new MakeUpWeekday1765700000000().up(runner);
    } finally {
      await runner.release();
    }
    const after = await ds.getRepository(CalendarDay).find({ where: { termId: term.id }, order: { date: "ASC" } });
    expect(after.map((d) => [d.date, d.kind, d.runsWeekday, d.name])).to.deep.equal([
      ["2026-09-20", "makeup", 5, "调休"],
      ["2026-09-21", "makeup", 1, "旧调休 Mon"],
      ["2026-09-26", "event", null, "旧调休 Sat"],
      ["2026-10-01", "holiday", null, "国庆节"],
      ["2026-10-10", "event", null, "旧调休 Sat 7"],
    ]);
    expect(after.map((d) => d.id).sort()).to.deep.equal(rows.map((r) => r.id).sort());
  });
});
