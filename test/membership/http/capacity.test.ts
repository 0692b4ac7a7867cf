// Issue 17, membership: a second round in the term allocates the seats the first
// round left, not the club's whole capacity again (registers and reports counted
// both rounds' children in one club).
import { expect } from "chai";
import { forEachDatabase } from "../../support/databases";
import { demoApp } from "../../support/demo-app";
import { Club, Term } from "../../../src/db/entities";
import { SYSTEM } from "../../../src/audit";
import { seedDemoChoices } from "../../../seeds/demo-choices";
import { createRun } from "../../../src/allocation/run-service";
import { publishRun } from "../../../src/allocation/publish-service";
import { memberCountsOn } from "../../../src/membership";

forEachDatabase("membership: capacity over two rounds", (ctx) => {
  it("When the first round filled clubs, then the second round's publication leaves no club over its capacity", async function () {
    this.timeout(180_000);
    const ds = ctx.db.ds;
    await demoApp(ctx.db);
    for (const seed of [51, 52]) {
      const { round } = await seedDemoChoices(ds, { students: 150, seed, clubSize: 5 });
      await publishRun(
        ds,
        await createRun(ds, round.id, { mechanism: "optimal", seed, note: "" }, SYSTEM),
        { overrideReason: "capacity test" },
        SYSTEM,
      );
    }
    const term = await ds.getRepository(Term).findOneByOrFail({ current: true });
    const counts = await memberCountsOn(ds, term.id, term.startDate);
    const clubs = await ds.getRepository(Club).findBy({ termId: term.id });
    expect(
      [...counts.values()].some((n) => n >= 5),
      "the first round filled some club",
    ).to.equal(true);
    const over = clubs
      .filter((c) => (counts.get(c.id) ?? 0) > c.maxSize)
      .map((c) => `${c.code}: ${counts.get(c.id)}/${c.maxSize}`);
    expect(over).to.deep.equal([]);
  });
});
