// Issue 17: migration 1765800000000 creates the membership ledger and backfills it
// from the placements of published rounds (from the term's first day, as every
// reader counted them), so an upgraded school keeps its club members.
import { expect } from "chai";
import { forEachDatabase } from "../../support/databases";
import { demoApp } from "../../support/demo-app";
import { SYSTEM } from "../../../src/audit";
import { seedDemoChoices } from "../../../seeds/demo-choices";
import { createRun } from "../../../src/allocation/run-service";
import { publishRun } from "../../../src/allocation/publish-service";
import { ClubPlacement } from "../../../src/allocation/entities";
import { Term } from "../../../src/db/entities";
import { Membership } from "../../../src/membership";
import { Membership1765800000000 } from "../../../src/db/migrations/common/1765800000000-Membership";

forEachDatabase("membership migration", (ctx) => {
  it("When the ledger is created on a school with published placements, then each placement becomes an open membership from the term's start", async function () {
    this.timeout(180_000);
    const ds = ctx.db.ds;
    await demoApp(ctx.db);
    const { round } = await seedDemoChoices(ds, { students: 40, seed: 41 });
    await publishRun(
      ds,
      await createRun(ds, round.id, { mechanism: "optimal", seed: 41, note: "" }, SYSTEM),
      { overrideReason: "migration test" },
      SYSTEM,
    );
    const placements = await ds.getRepository(ClubPlacement).find({ order: { id: "ASC" } });
    expect(placements.length).to.be.greaterThan(0);
    // One seat came from an accepted offer before the upgrade.
    await ds.getRepository(ClubPlacement).update({ id: placements[0].id }, { source: "offer" });
    const term = await ds.getRepository(Term).findOneByOrFail({ current: true });
    const runner = ds.createQueryRunner();
    try {
      await new Membership1765800000000().down(runner);
      await new Membership1765800000000().up(runner);
    } finally {
      await runner.release();
    }
    const rows = await ds.getRepository(Membership).find({ order: { id: "ASC" } });
    expect(rows.map((m) => [m.studentId, m.clubId, m.termId, m.fromDate, m.toDate, m.reason, m.roundId])).to.deep.equal(
      placements.map((p, i) => [
        p.studentId,
        p.clubId,
        term.id,
        term.startDate,
        null,
        i === 0 ? "offer" : "publication",
        round.id,
      ]),
    );
  });
});
