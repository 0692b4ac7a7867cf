import { expect } from "chai";
import { forEachDatabase } from "../../support/databases";
import { demoApp } from "../../support/demo-app";
import { seedDemoChoices } from "../../../seeds/demo-choices";
import { Term } from "../../../src/db/entities";
import { ChoiceRound, Preference } from "../../../src/choices/entities";
import { inTransaction } from "../../../src/db/transaction";
import { chooseDemand } from "../../../src/proposer/instance-store";

// Where a proposal's demand comes from when the term has several rounds: the
// main round's rankings, not a later top-up round for one club (the demo opens
// one, with no answers yet, and the proposal then had no children to go by).
forEachDatabase("proposer: the term's demand among its rounds", (ctx) => {
  let termId: number;
  let main: ChoiceRound;

  before(async function () {
    this.timeout(120_000);
    await demoApp(ctx.db);
    termId = (await ctx.db.ds.getRepository(Term).findOneByOrFail({ current: true })).id;
    ({ round: main } = await seedDemoChoices(ctx.db.ds, { students: 60, seed: 3 }));
  });

  const topUp = (name: string, clubId: number) =>
    inTransaction(ctx.db.ds, (em) =>
      em.getRepository(ChoiceRound).save(
        em.getRepository(ChoiceRound).create({
          ...main,
          id: undefined,
          name,
          clubIds: [clubId],
          opensAt: "2026-12-01T00:00:00.000Z",
          closesAt: "2026-12-21T12:00:00.000Z",
        }),
      ),
    );

  it("When the main round has answers, then they are the demand", async () => {
    const demand = await chooseDemand(ctx.db.ds, termId);
    expect(demand.source).to.equal("round");
    expect(demand.roundId).to.equal(main.id);
    expect(demand.wishes.length).to.be.greaterThan(0);
  });

  it("When a later top-up round for one club opens, answered or not, then the main round's rankings stay the demand", async () => {
    const before = await chooseDemand(ctx.db.ds, termId);
    const clubId = before.wishes[0].clubIds[0];
    const round = await topUp("补选", clubId);
    expect((await chooseDemand(ctx.db.ds, termId)).roundId).to.equal(main.id);
    const someone = await ctx.db.ds.getRepository(Preference).findOneByOrFail({ roundId: main.id });
    await inTransaction(ctx.db.ds, (em) =>
      em
        .getRepository(Preference)
        .save(em.getRepository(Preference).create({ ...someone, id: undefined, roundId: round.id, clubIds: [clubId] })),
    );
    const after = await chooseDemand(ctx.db.ds, termId);
    expect(after.roundId).to.equal(main.id);
    expect(after.wishes).to.deep.equal(before.wishes);
  });
});
