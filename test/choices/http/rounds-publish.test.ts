// Issue 18, publishing: a round's results are published only after it has
// closed (or "close now and publish", confirmed); once a later round of the
// term is published the earlier ones stay as they are; a republication keeps
// accepted offers, lists every child whose place changes before it is
// confirmed, and tells those families (结果有变动).
import { expect } from "chai";
import type { Express } from "express";
import { type DataSource, In, IsNull } from "typeorm";
import { forEachDatabase } from "../../support/databases";
import { demoApp, familyLogin, staffLogin } from "../../support/demo-app";
import { formToken, loginAs, Agent } from "../../support/http";
import { Club, Family, Student } from "../../../src/db/entities";
import { ChoiceRound, Preference } from "../../../src/choices/entities";
import { hashSecret } from "../../../src/http/auth/passwords";
import { SYSTEM } from "../../../src/audit";
import { AllocationPublication, ClubPlacement, WaitlistOffer } from "../../../src/allocation/entities";
import { createRun } from "../../../src/allocation/run-service";
import { publishRun } from "../../../src/allocation/publish-service";
import { seedDemoChoices } from "../../../seeds/demo-choices";
import { answerOffer, withdrawPlacement } from "../../../src/allocation/waitlist-service";
import { Notification } from "../../../src/notifications/entities";
import { Membership } from "../../../src/membership";
import { schoolZone, toLocalInput } from "../../../src/kernel";
import type { DemoLogins } from "../../../seeds/demo";

const HOUR = 3600 * 1000;
const CODE = "KH26REPB";

// The term's main round: closed, published, with full clubs and waitlists.
async function publishMainRound(ds: DataSource): Promise<ChoiceRound> {
  const { round } = await seedDemoChoices(ds, { students: 300, seed: 18, clubSize: 8 });
  await publishRun(
    ds,
    await createRun(ds, round.id, { mechanism: "optimal", seed: 18, note: "" }, SYSTEM),
    { overrideReason: "publishing test: policy checked elsewhere" },
    SYSTEM,
  );
  return round;
}

async function publish(admin: Agent, runId: number, extra: Record<string, string> = {}) {
  return admin
    .post(`/admin/runs/${runId}/publish`)
    .type("form")
    .send({
      overrideReason: "publishing test: policy checked elsewhere",
      ...extra,
      _csrf: await formToken(admin, `/admin/runs/${runId}`),
    });
}

forEachDatabase("publishing: only after the round has closed", (ctx) => {
  let app: Express;
  let admin: Agent;
  let logins: DemoLogins;
  let ds: DataSource;
  let main: ChoiceRound;

  before(async function () {
    this.timeout(180_000);
    const demo = await demoApp(ctx.db);
    ({ app, logins } = demo);
    ds = ctx.db.ds;
    admin = await loginAs(app, staffLogin(logins, "admin"));
    main = await publishMainRound(ds);
  });

  it("When a round is still open, then publishing is refused unless the admin confirms closing it now; after that the family home no longer offers changes", async function () {
    this.timeout(120_000);
    const child = await ds
      .getRepository(Student)
      .findOneOrFail({ where: { studentNumber: logins.families[0].studentNumber }, relations: { schoolClass: true } });
    const grade = child.schoolClass.grade;
    const zone = await schoolZone(ds);
    const club = (await ds.getRepository(Club).find({ where: { cancelled: false }, order: { id: "DESC" } })).find((c) =>
      c.grades.includes(grade),
    )!;
    const res = await admin
      .post("/admin/rounds")
      .type("form")
      .send({
        name: "补选 · 发布",
        opensAt: toLocalInput(new Date(Date.now() - HOUR).toISOString(), zone),
        closesAt: toLocalInput(new Date(Date.now() + 48 * HOUR).toISOString(), zone),
        grades: [String(grade)],
        minChoices: "1",
        maxChoices: "3",
        maxClubsPerChild: "2",
        mechanism: "optimal",
        clubIds: [String(club.id)],
        _csrf: await formToken(admin, "/admin/rounds/new"),
      });
    expect(res.status, res.text.slice(0, 1500)).to.equal(302);
    const round = await ds.getRepository(ChoiceRound).findOneByOrFail({ name: "补选 · 发布" });
    const now = new Date().toISOString();
    await ds.getRepository(Preference).insert({
      roundId: round.id,
      studentId: child.id,
      clubIds: [club.id],
      maxClubs: 2,
      placeWithSiblings: false,
      source: "family",
      enteredByStaffId: null,
      submittedAt: now,
      updatedAt: now,
      version: 1,
    });
    const family = await loginAs(app, familyLogin(logins, 0));
    await family
      .post("/privacy/accept")
      .type("form")
      .send({ accept: "1", _csrf: await formToken(family, "/privacy") });
    expect((await family.get("/")).text, "the home page offers changes while the round is open").to.contain("前可修改");

    const run = await createRun(ds, round.id, { mechanism: "optimal", seed: 3, note: "" }, SYSTEM);
    const refused = await publish(admin, run.id);
    expect(refused.status).to.equal(409);
    expect(await ds.getRepository(AllocationPublication).existsBy({ roundId: round.id })).to.equal(false);

    const published = await publish(admin, run.id, { closeNow: "1" });
    expect(published.status).to.equal(302);
    expect((await ds.getRepository(AllocationPublication).findOneByOrFail({ roundId: round.id })).runId).to.equal(
      run.id,
    );
    expect(
      (await ds.getRepository(ChoiceRound).findOneByOrFail({ id: round.id })).closesAt <= new Date().toISOString(),
    ).to.equal(true);
    expect((await family.get("/")).text).to.not.contain("前可修改");
  });

  it("When a later round of the term is published, then an earlier round cannot be published again", async function () {
    this.timeout(120_000);
    const before = await ds.getRepository(AllocationPublication).findOneByOrFail({ roundId: main.id });
    const run = await createRun(ds, main.id, { mechanism: "lottery", seed: 8, note: "" }, SYSTEM);
    const res = await publish(admin, run.id, { confirmChanges: "1" });
    expect(res.status).to.equal(409);
    expect((await ds.getRepository(AllocationPublication).findOneByOrFail({ roundId: main.id })).runId).to.equal(
      before.runId,
    );
  });
});

forEachDatabase("publishing: a republication", (ctx) => {
  let app: Express;
  let admin: Agent;
  let ds: DataSource;
  let main: ChoiceRound;

  before(async function () {
    this.timeout(180_000);
    const demo = await demoApp(ctx.db);
    app = demo.app;
    ds = ctx.db.ds;
    admin = await loginAs(app, staffLogin(demo.logins, "admin"));
    main = await publishMainRound(ds);
  });

  it("When a round is published again, then accepted offers stay, the admin confirms every changed place first, and each changed family is told", async function () {
    this.timeout(180_000);
    // An accepted waitlist offer: withdraw members of full clubs until a seat is offered, then accept it.
    let offer: WaitlistOffer | null = null;
    for (const m of await ds
      .getRepository(Membership)
      .find({ where: { roundId: main.id, toDate: IsNull() }, order: { id: "ASC" } })) {
      await withdrawPlacement(ds, main.id, m.studentId, m.clubId, SYSTEM, "republication test");
      offer = await ds.getRepository(WaitlistOffer).findOneBy({ roundId: main.id, status: "open" });
      if (offer) break;
    }
    expect(offer, "a seat was offered").to.not.equal(null);
    expect(await answerOffer(ds, offer!, true, SYSTEM)).to.equal("accepted");

    const seats = async () => {
      const out = new Map<number, string>();
      for (const p of await ds
        .getRepository(ClubPlacement)
        .find({ where: { roundId: main.id }, order: { clubId: "ASC" } }))
        out.set(p.studentId, [out.get(p.studentId), p.clubId].filter(Boolean).join(","));
      return out;
    };
    const old = await seats();
    const publishedBefore = await ds.getRepository(Notification).countBy({ kind: "results.published" });
    const run = await createRun(ds, main.id, { mechanism: "lottery", seed: 99, note: "" }, SYSTEM);

    const asked = await publish(admin, run.id);
    expect(asked.status).to.equal(200);
    expect((await ds.getRepository(AllocationPublication).findOneByOrFail({ roundId: main.id })).runId).to.not.equal(
      run.id,
    );
    const listed = new Set([...asked.text.matchAll(/data-change="(\d+)"/g)].map((m) => Number(m[1])));
    expect(listed.size, "the confirmation lists changed places").to.be.at.least(1);

    expect((await publish(admin, run.id, { confirmChanges: "1" })).status).to.equal(302);
    expect((await ds.getRepository(AllocationPublication).findOneByOrFail({ roundId: main.id })).runId).to.equal(
      run.id,
    );

    const kept = await ds.getRepository(Membership).findOneByOrFail({ offerId: offer!.id });
    expect(kept.toDate, "the accepted offer's membership stays").to.equal(null);
    expect(
      await ds
        .getRepository(ClubPlacement)
        .existsBy({ roundId: main.id, studentId: offer!.studentId, clubId: offer!.clubId }),
    ).to.equal(true);

    const now = await seats();
    const changed = [...new Set([...old.keys(), ...now.keys()])].filter((id) => old.get(id) !== now.get(id));
    expect(changed.length).to.be.at.least(1);
    expect([...listed].sort((a, b) => a - b)).to.deep.equal([...changed].sort((a, b) => a - b));
    const students = await ds.getRepository(Student).findBy({ id: In(changed) });
    const told = new Set(
      (await ds.getRepository(Notification).findBy({ kind: "placement.changed" })).map((n) => n.familyId),
    );
    for (const s of students) expect(told.has(s.familyId), `family of ${s.studentNumber} told`).to.equal(true);
    expect(
      await ds.getRepository(Notification).countBy({ kind: "results.published" }),
      "no second 结果已发布",
    ).to.equal(publishedBefore);

    const one = students[0];
    await ds.getRepository(Family).update({ id: one.familyId }, { accessCodeHash: await hashSecret(CODE) });
    const family = await loginAs(app, { studentNumber: one.studentNumber, code: CODE });
    await family
      .post("/privacy/accept")
      .type("form")
      .send({ accept: "1", _csrf: await formToken(family, "/privacy") });
    expect((await family.get("/notifications")).text).to.contain("结果有变动");
  });
});
