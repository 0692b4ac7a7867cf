import { expect } from "chai";
import type { Express } from "express";
import { forEachDatabase } from "../../support/databases";
import { demoApp, familyLogin } from "../../support/demo-app";
import { loginAs, type Agent } from "../../support/http";
import type { DemoLogins } from "../../../seeds/demo";
import { Period, Timetable } from "../../../src/db/entities";
import { inTransaction } from "../../../src/db/transaction";
import { ChoiceRound, Preference } from "../../../src/choices/entities";
import { loadRoundChoices } from "../../../src/choices/store/round-choices";
import { acceptPrivacy, clubIds, formOf, openRound, studentId } from "./fixtures";

// Chess also meets on Tuesday in period 1 (published): a club with two meetings in different periods.
forEachDatabase("club choices: a club that meets twice a week", (ctx) => {
  let app: Express;
  let logins: DemoLogins;
  let round: ChoiceRound;
  let clubs: Record<string, number>;
  let parent: Agent;
  let child: number;
  before(async function () {
    this.timeout(120_000);
    ({ app, logins } = await demoApp(ctx.db));
    await acceptPrivacy(ctx.db.ds);
    clubs = await clubIds(ctx.db.ds);
    await inTransaction(ctx.db.ds, async (em) => {
      const timetable = (await em.getRepository(Timetable).find())[0];
      const [p1] = await em.getRepository(Period).find({ order: { position: "ASC" } });
      const published = [...(timetable.published as Record<string, unknown>[])];
      const thursday = published.find((e) => e.clubId === clubs.chess)!;
      published.push({ ...thursday, id: 999_999, weekday: 2, periodId: p1.id });
      await em.getRepository(Timetable).update({ id: timetable.id }, { published });
    });
    round = await openRound(ctx.db.ds, { minChoices: 1 });
    parent = await loginAs(app, familyLogin(logins, 0));
    child = await studentId(ctx.db.ds, logins.families[0].studentNumber);
  });

  const send = async (body: Record<string, unknown>) =>
    parent
      .post("/choices")
      .type("form")
      .send({ ...(await formOf(parent, `/choices/${child}`)), studentId: String(child), maxClubs: "1", ...body });

  it("When the family chose only Thursday, then the Tue + Thu club is refused on its rank", async () => {
    const res = await send({ weekdays: "4", rank1: String(clubs.go), rank2: String(clubs.chess) });
    expect(res.status).to.equal(400);
    expect(res.text).to.contain('id="err-rank2"');
    expect(await ctx.db.ds.getRepository(Preference).countBy({ roundId: round.id })).to.equal(0);
  });

  it("When the family chose Tuesday and Thursday, then the club is accepted and shows both meetings", async () => {
    const page = await parent.get(`/choices/${child}`);
    expect(page.text).to.contain("周二 15:40–16:40、周四 16:50–17:50");
    const res = await send({ weekdays: ["2", "4"], rank1: String(clubs.chess) });
    expect(res.status).to.equal(302);
  });

  it("When clubs meet in different periods, then the export uses weekday-period slots for clubs and children", async () => {
    const data = (await loadRoundChoices(ctx.db.ds, round.id))!;
    expect(data.slotMode).to.equal("weekday-period");
    const chess = data.clubs.find((c) => c.clubId === clubs.chess)!;
    expect(chess.slots).to.deep.equal(["tue-1", "thu-2"]);
    expect(chess.weekdays).to.deep.equal(["tue", "thu"]);
    expect(data.clubs.find((c) => c.code === "go")!.slots).to.deep.equal(["thu-2"]);
    expect(data.students[0].slots).to.deep.equal(["tue-1", "tue-2", "thu-1", "thu-2"]);
  });
});
