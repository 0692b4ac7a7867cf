// Issue 18, rounds over a term: in a top-up (补选) a family sees only the clubs
// the round covers, and may ask to swap a club the child holds (its hour goes
// back into play; it is released only if the child is placed elsewhere). A swap
// of a club the child does not hold is refused on its field and nothing is saved.
import { expect } from "chai";
import type { Express } from "express";
import type { DataSource } from "typeorm";
import { forEachDatabase } from "../../support/databases";
import { demoApp, familyLogin, staffLogin } from "../../support/demo-app";
import { formToken, loginAs, Agent } from "../../support/http";
import { Club, Student } from "../../../src/db/entities";
import { ChoiceRound, Preference } from "../../../src/choices/entities";
import { SYSTEM } from "../../../src/audit";
import { seedDemoChoices } from "../../../seeds/demo-choices";
import { createRun } from "../../../src/allocation/run-service";
import { publishRun } from "../../../src/allocation/publish-service";
import { clubSlots } from "../../../src/allocation/store/instance";
import { clubsOn } from "../../../src/membership";
import { localDate, schoolZone, toLocalInput } from "../../../src/kernel";

const HOUR = 3600 * 1000;

forEachDatabase("rounds over a term: a family's swap request", (ctx) => {
  let app: Express;
  let ds: DataSource;
  let family: Agent;
  let child: Student;
  let held: number;
  let covered: Club;
  let notCovered: Club;
  let round: ChoiceRound;

  before(async function () {
    this.timeout(180_000);
    const demo = await demoApp(ctx.db);
    app = demo.app;
    ds = ctx.db.ds;
    const number = demo.logins.families[0].studentNumber;
    const { round: main } = await seedDemoChoices(ds, { students: 100, seed: 23, alsoStudentNumbers: [number] });
    await publishRun(
      ds,
      await createRun(ds, main.id, { mechanism: "optimal", seed: 23, note: "" }, SYSTEM),
      { overrideReason: "swap test: policy checked elsewhere" },
      SYSTEM,
    );
    child = await ds
      .getRepository(Student)
      .findOneOrFail({ where: { studentNumber: number }, relations: { schoolClass: true } });
    const zone = await schoolZone(ds);
    [held] = await clubsOn(ds, child.id, localDate(new Date(), zone));
    expect(held, "the demo family's child holds a club").to.not.equal(undefined);
    const slots = await clubSlots(ds, main.termId);
    const open = (
      await ds.getRepository(Club).find({ where: { termId: main.termId, cancelled: false }, order: { id: "ASC" } })
    ).filter((c) => c.id !== held && c.grades.includes(child.schoolClass.grade) && (slots.get(c.id) ?? []).length > 0);
    covered = open.find((c) => (slots.get(c.id) ?? []).some((s) => (slots.get(held) ?? []).includes(s)))!;
    notCovered = open.find((c) => c.id !== covered.id)!;
    const admin = await loginAs(app, staffLogin(demo.logins, "admin"));
    const res = await admin
      .post("/admin/rounds")
      .type("form")
      .send({
        name: "补选 · 换社团申请",
        opensAt: toLocalInput(new Date(Date.now() - HOUR).toISOString(), zone),
        closesAt: toLocalInput(new Date(Date.now() + 48 * HOUR).toISOString(), zone),
        grades: ["1", "2", "3", "4", "5", "6"],
        minChoices: "1",
        maxChoices: "3",
        maxClubsPerChild: "1",
        mechanism: "optimal",
        clubIds: [String(covered.id)],
        _csrf: await formToken(admin, "/admin/rounds/new"),
      });
    expect(res.status).to.equal(302);
    round = await ds.getRepository(ChoiceRound).findOneByOrFail({ name: "补选 · 换社团申请" });
    family = await loginAs(app, familyLogin(demo.logins, 0));
    await family
      .post("/privacy/accept")
      .type("form")
      .send({ accept: "1", _csrf: await formToken(family, "/privacy") });
  });

  const post = async (swap: number) =>
    family
      .post("/choices")
      .type("form")
      .send({
        studentId: String(child.id),
        roundId: String(round.id),
        version: "0",
        weekdays: ["1", "2", "3", "4", "5"],
        rank1: String(covered.id),
        maxClubs: "1",
        swap: String(swap),
        _csrf: await formToken(family, `/choices/${child.id}`),
      });

  it("When a top-up is open, then the family's form lists only the clubs it covers and offers to swap the club the child holds", async () => {
    const page = (await family.get(`/choices/${child.id}`)).text;
    expect(page).to.contain(`<option value="${covered.id}"`);
    expect(page).to.not.contain(`<option value="${notCovered.id}"`);
    expect(page).to.match(new RegExp(`name="swap" value="${held}"`));
  });

  it("When the family asks to swap a club the child does not hold, then the form answers 400 on swap and saves nothing", async () => {
    const res = await post(notCovered.id);
    expect(res.status).to.equal(400);
    expect(res.text).to.contain('id="err-swap"');
    expect(await ds.getRepository(Preference).existsBy({ roundId: round.id, studentId: child.id })).to.equal(false);
  });

  it("When the family asks to swap the club the child holds, then the request is saved with the list", async () => {
    const res = await post(held);
    expect(res.status).to.equal(302);
    const pref = await ds.getRepository(Preference).findOneByOrFail({ roundId: round.id, studentId: child.id });
    expect([pref.clubIds, pref.swapClubIds]).to.deep.equal([[covered.id], [held]]);
  });
});
