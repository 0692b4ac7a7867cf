import { expect } from "chai";
import { renderFile } from "ejs";
import { join } from "node:path";
import { forEachDatabase } from "../../support/databases";
import { seedDemo } from "../../../seeds/demo";
import { Period, SchoolClass, Staff, Term, TimetableEntry, Venue } from "../../../src/db/entities";
import { inTransaction } from "../../../src/db/transaction";
import { nowIso } from "../../../src/db/entities/columns";
import { projectRoot } from "../../../src/config";
import { translator } from "../../../src/http/i18n";
import { tempRulesDir } from "../../fixtures/policy/temp-rules";
import { loadPolicyInput } from "../../../src/policy/store/policy-input";
import { runPolicy } from "../../../src/policy/service";
import { gridIssues } from "../../../src/policy/core/grid-issues";
import { policyBlockers } from "../../../src/policy/blockers-service";
import { assertRulesLoad, useRulesDir } from "../../../src/policy/rules-registry";

forEachDatabase("policy over the demo school", (ctx) => {
  let termId: number;
  // The grid's cells as the whole-school view of the draft shows them.
  const cellsOf = async (ds: typeof ctx.db.ds) => {
    const { violations } = await runPolicy(ds, termId);
    const entryIds = new Set((await ds.getRepository(TimetableEntry).findBy({ termId })).map((e) => e.id));
    return gridIssues(violations, "zh-CN", { entryIds, by: "all" }).cells;
  };
  before(async function () {
    this.timeout(120_000);
    await seedDemo(ctx.db.ds);
    termId = (await ctx.db.ds.getRepository(Term).findOneByOrFail({ current: true })).id;
  });

  it("When the demo database is mapped, then the policy input carries its calendar, timetable, sizes and people", async () => {
    const { input } = await loadPolicyInput(ctx.db.ds, termId);
    expect(input.grades).to.deep.equal([1, 2, 3, 4, 5, 6]);
    expect(input.classes).to.have.length(24);
    expect(input.periods.map((p) => [p.start, p.end])).to.deep.equal([
      ["15:40", "16:40"],
      ["16:50", "17:50"],
    ]);
    expect(input.term.specialDays.find((d) => d.date === "2026-10-10")).to.include({ kind: "makeup", runsWeekday: 3 });
    // 24 classes × 5 days of homework help, 6 grades × 4 days, 23 clubs and 6 grades' supervised activity on Thursday.
    expect(input.entries).to.have.length(24 * 5 + 6 * 4 + 23 + 6);
    expect(input.staff.filter((s) => s.kind === "external").every((s) => s.vettedOn)).to.equal(true);
    expect(input.staff.find((s) => s.name && input.entries.every((e) => e.staffId !== s.id))).to.equal(undefined);
    const sport = input.entries.find((e) => e.kind === "sport" && e.grades[0] === 3)!;
    expect(sport.expectedSize).to.equal(160);
    const homework = input.entries.find((e) => e.kind === "homework")!;
    expect(homework.expectedSize).to.be.within(39, 40);
  });

  it("When the seeded demo school is checked, then it passes every error-level rule", async () => {
    const { violations, summary } = await runPolicy(ctx.db.ds, termId);
    const errors = violations.filter((v) => v.severity === "error");
    expect(errors.map((v) => v.message.en)).to.deep.equal([]);
    expect(summary.filter((s) => s.severity === "error").map((s) => s.status)).to.deep.equal(Array(9).fill("ok"));
    expect((await policyBlockers(ctx.db.ds, termId)).errors).to.equal(0);
  });

  // Before any allocation is published a club is expected at its capacity, and the seed's rooms fit
  // them; the demo's own warning comes with its allocation (policy-demo-allocation.test.ts). This
  // is the other realistic one: the games area really holds 50, and the sports-games club takes 60.
  it("When the games area is marked at a realistic 50 places, then venue-capacity warns about Thursday's 60-child club", async () => {
    const repo = ctx.db.ds.getRepository(Venue);
    const area = await repo.findOneByOrFail({ name: "游戏场地" });
    await inTransaction(ctx.db.ds, (em) => em.getRepository(Venue).update({ id: area.id }, { capacity: 50 }));
    try {
      const { violations } = await runPolicy(ctx.db.ds, termId);
      const warnings = violations.filter((v) => v.severity === "warning");
      expect(warnings.map((v) => v.ruleId)).to.deep.equal(["venue-capacity"]);
      expect(warnings[0].message["zh-CN"]).to.equal("周四 社团 / 体育：游戏场地 容纳 50 人，预计 60 人。");
      const cells = await cellsOf(ctx.db.ds);
      expect([...cells.keys()]).to.deep.equal([`4-${warnings[0].target.periodId}`]);
      expect(cells.get(`4-${warnings[0].target.periodId}`)?.map((c) => c.severity)).to.deep.equal(["warning"]);
      const blockers = await policyBlockers(ctx.db.ds, termId);
      expect(blockers).to.include({ errors: 0, warnings: 1 });
    } finally {
      await inTransaction(ctx.db.ds, (em) =>
        em.getRepository(Venue).update({ id: area.id }, { capacity: area.capacity }),
      );
    }
  });

  it("When a draft has an error, then the blockers count it, the grid gets it by slot, and the partial asks for an override reason", async () => {
    const ds = ctx.db.ds;
    const [p1] = await ds.getRepository(Period).find({ where: { termId }, order: { position: "ASC" } });
    const cls = await ds.getRepository(SchoolClass).findOneByOrFail({ name: "五年级(1)班" });
    const staff = await ds.getRepository(Staff).findOneByOrFail({ staffNumber: "T010" });
    const entry = await inTransaction(ds, (em) =>
      em.getRepository(TimetableEntry).save({
        termId,
        weekday: 3,
        periodId: p1.id,
        kind: "lesson" as const,
        title: "英语补课",
        grades: [5],
        classId: cls.id,
        clubId: null,
        staffId: staff.id,
        venueId: null,
        sequence: 0,
        updatedAt: nowIso(),
      }),
    );
    try {
      const blockers = await policyBlockers(ds, termId);
      expect(blockers.errors).to.equal(1);
      expect(blockers.violations[0].ruleId).to.equal("no-lesson-in-service");
      const cells = await cellsOf(ds);
      expect(cells.get(`3-${p1.id}`)?.map((c) => [c.ruleId, c.severity])).to.deep.equal([
        ["no-lesson-in-service", "error"],
      ]);
      const html = await renderFile(join(projectRoot(), "views", "policy", "blockers.ejs"), {
        blockers,
        t: translator("zh-CN"),
        locale: "zh-CN",
      });
      expect(html).to.contain('name="overrideReason"');
      expect(html).to.contain("周三 作业辅导（15:40–16:40）安排了授课");
      const renamed = await renderFile(join(projectRoot(), "views", "policy", "blockers.ejs"), {
        blockers,
        t: translator("en"),
        locale: "en",
        reasonField: "reason",
        form: { reason: "exam week" },
      });
      expect(renamed).to.contain('name="reason"');
      expect(renamed).to.contain(">exam week</textarea>");
    } finally {
      await inTransaction(ds, (em) => em.getRepository(TimetableEntry).delete({ id: entry.id }));
    }
  });

  it("When a rule file is malformed, then loading the rules stops with a message naming the file and the field", () => {
    const tmp = tempRulesDir(true);
    try {
      const broken: unknown = JSON.parse(
        JSON.stringify({
          id: "venue-capacity",
          title: { "zh-CN": "场地", en: "Venue" },
          severity: "fatal",
          appliesTo: "entry",
          conditions: { all: [] },
          message: { "zh-CN": "x", en: "x" },
        }),
      );
      tmp.write("venue-capacity.json", broken);
      expect(() => assertRulesLoad(tmp.dir)).to.throw(/venue-capacity\.json: severity/);
    } finally {
      useRulesDir(undefined);
      tmp.remove();
    }
  });
});
