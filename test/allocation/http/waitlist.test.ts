import { expect } from "chai";
import type { Express } from "express";
import { forEachDatabase } from "../../support/databases";
import { demoApp, staffLogin } from "../../support/demo-app";
import { formToken, loginAs, Agent } from "../../support/http";
import { AuditEntry, Club, Family, Student } from "../../../src/db/entities";
import { hashSecret } from "../../../src/http/auth/passwords";
import { SYSTEM } from "../../../src/audit";
import { seedDemoChoices } from "../../../seeds/demo-choices";
import { createRun } from "../../../src/allocation/run-service";
import { publishRun } from "../../../src/allocation/publish-service";
import { parseRun } from "../../../src/allocation/run-report";
import { sweepExpiredOffers } from "../../../src/allocation/offer-sweep";
import { familyResultCard } from "../../../src/allocation/family-result";
import { ClubPlacement, WaitlistEntry, WaitlistOffer } from "../../../src/allocation/entities";
import { Notification } from "../../../src/notifications/entities";

import ejs from "ejs";
import { join } from "node:path";
import { projectRoot } from "../../../src/config";
import { translator } from "../../../src/http/i18n";

const CODE = "KH26WAIT";
const HOUR = 3600 * 1000;

forEachDatabase("waitlist offers: withdraw, accept, decline, expiry", (ctx) => {
  let app: Express;
  let admin: Agent;
  let roundId: number;
  let club: Club;
  let members: Student[];
  // Waitlisted children who fit (no club yet, free on the club's day), in waitlist order.
  let fitting: Student[];
  const offers: WaitlistOffer[] = [];

  before(async function () {
    this.timeout(180_000);
    const demo = await demoApp(ctx.db);
    app = demo.app;
    admin = await loginAs(app, staffLogin(demo.logins, "admin"));
    const { round } = await seedDemoChoices(ctx.db.ds, { students: 200, seed: 11, clubSize: 5 });
    roundId = round.id;
    const run = await createRun(ctx.db.ds, round.id, { mechanism: "optimal", seed: 5, note: "" }, SYSTEM);
    await publishRun(ctx.db.ds, run, { overrideReason: "waitlist test: policy checked elsewhere" }, SYSTEM);
    // The club whose waitlist has the most children who could take a freed seat.
    const { instance, result } = parseRun(run);
    // Who can take a freed seat (seatPlan): a free slot under the limit, or an upgrade from lower-ranked clubs at that time.
    const fits = (id: string, code: string) => {
      const s = instance.students.find((x) => x.id === id)!;
      const slots = (c: string) => instance.clubs.find((x) => x.id === c)!.slots;
      if (!slots(code).every((slot) => s.slots.includes(slot))) return false;
      const clashing = result.assignments[id].filter((c) => slots(c).some((slot) => slots(code).includes(slot)));
      if (clashing.length === 0) return result.assignments[id].length < s.maxClubs;
      return (
        clashing.every((c) => !s.pinned.includes(c) && s.choices.indexOf(c) > s.choices.indexOf(code)) &&
        s.choices.includes(code)
      );
    };
    const [code, list] = Object.entries(result.waitlists)
      .map(([c, ids]) => [c, ids.filter((id) => fits(id, c))] as const)
      .sort((a, b) => b[1].length - a[1].length)[0];
    expect(list.length).to.be.at.least(6);
    club = await ctx.db.ds.getRepository(Club).findOneByOrFail({ code });
    const students = ctx.db.ds.getRepository(Student);
    fitting = await Promise.all(list.map((n) => students.findOneByOrFail({ studentNumber: n })));
    members = await Promise.all(
      Object.entries(result.assignments)
        .filter(([, c]) => c.includes(code))
        .map(([n]) => students.findOneByOrFail({ studentNumber: n })),
    );
    // Give these families a code so they can log in like the demo families.
    const hash = await hashSecret(CODE);
    const familyIds = [...new Set([...fitting, ...members].map((s) => s.familyId))];
    for (const id of familyIds) await ctx.db.ds.getRepository(Family).update({ id }, { accessCodeHash: hash });
  });

  async function family(student: Student): Promise<Agent> {
    const agent = await loginAs(app, { studentNumber: student.studentNumber, code: CODE });
    await agent
      .post("/privacy/accept")
      .type("form")
      .send({ accept: "1", _csrf: await formToken(agent, "/privacy") });
    return agent;
  }
  const openOffers = () =>
    ctx.db.ds.getRepository(WaitlistOffer).find({ where: { roundId, clubId: club.id, status: "open" } });

  it("When a family withdraws without ticking the confirmation, then 400 says so and the child keeps the seat", async () => {
    const agent = await family(members[0]);
    const res = await agent
      .post("/results/withdraw")
      .type("form")
      .send({ studentId: members[0].id, clubId: club.id, _csrf: await formToken(agent, "/results") });
    expect(res.status).to.equal(400);
    expect(res.text).to.contain('id="err-confirm"');
    expect(
      await ctx.db.ds.getRepository(ClubPlacement).existsBy({ roundId, studentId: members[0].id, clubId: club.id }),
    ).to.equal(true);
  });

  it("When a child withdraws, then the first waitlisted child who fits gets an offer, notified at once and audited", async () => {
    const agent = await family(members[0]);
    const res = await agent
      .post("/results/withdraw")
      .type("form")
      .send({ studentId: members[0].id, clubId: club.id, confirm: "1", _csrf: await formToken(agent, "/results") });
    expect(res.status).to.equal(302);
    expect(
      await ctx.db.ds.getRepository(ClubPlacement).existsBy({ roundId, studentId: members[0].id, clubId: club.id }),
    ).to.equal(false);
    const open = await openOffers();
    expect(open.map((o) => o.studentId)).to.deep.equal([fitting[0].id]);
    offers.push(open[0]);
    expect(Date.parse(open[0].expiresAt) - Date.parse(open[0].createdAt)).to.equal(48 * HOUR);
    const note = await ctx.db.ds
      .getRepository(Notification)
      .findOneByOrFail({ familyId: fitting[0].familyId, kind: "waitlist.offer" });
    expect(note.payload).to.include({ offerId: open[0].id, club: club.name });
    expect(await ctx.db.ds.getRepository(AuditEntry).countBy({ action: "placement.withdraw" })).to.equal(1);
    expect(
      await ctx.db.ds.getRepository(AuditEntry).countBy({ action: "waitlist.offer", entityId: String(open[0].id) }),
    ).to.equal(1);
    // The family home card and the results page show it.
    const card = await familyResultCard(ctx.db.ds, fitting[0].familyId, fitting[0].id);
    expect(card!.result.offers.map((o) => o.id)).to.deep.equal([open[0].id]);
    expect(card!.unread).to.be.at.least(1);
    // The partial the family home page includes renders the offer from that card alone.
    const html = await ejs.renderFile(join(projectRoot(), "views", "allocation", "family-result.ejs"), {
      card,
      t: translator("zh-CN"),
      csrfToken: "token",
    });
    expect(html).to.contain(`href="/offers/${open[0].id}"`).and.to.contain("/notifications");
    expect(
      await familyResultCard(
        ctx.db.ds,
        members[0].familyId === fitting[0].familyId ? -1 : members[0].familyId,
        fitting[0].id,
      ),
    ).to.equal(null);
    const page = await (await family(fitting[0])).get("/results");
    expect(page.text).to.contain(`/offers/${open[0].id}`);
  });

  it("When another family opens or answers the offer, then it is a 404 and the offer stays open", async () => {
    const outsider = members.find((m) => m.familyId !== fitting[0].familyId)!;
    const agent = await family(outsider);
    expect((await agent.get(`/offers/${offers[0].id}`)).status).to.equal(404);
    const res = await agent
      .post(`/offers/${offers[0].id}/accept`)
      .type("form")
      .send({ _csrf: await formToken(agent, "/results") });
    expect(res.status).to.equal(404);
    expect((await ctx.db.ds.getRepository(WaitlistOffer).findOneByOrFail({ id: offers[0].id })).status).to.equal(
      "open",
    );
  });

  it("When the family declines, then the offer moves to the next waitlisted child who fits", async () => {
    const agent = await family(fitting[0]);
    const page = await agent.get(`/offers/${offers[0].id}`);
    expect(page.status).to.equal(200);
    const res = await agent
      .post(`/offers/${offers[0].id}/decline`)
      .type("form")
      .send({ _csrf: await formToken(agent, `/offers/${offers[0].id}`) });
    expect(res.status).to.equal(302);
    expect((await ctx.db.ds.getRepository(WaitlistOffer).findOneByOrFail({ id: offers[0].id })).status).to.equal(
      "declined",
    );
    expect((await ctx.db.ds.getRepository(WaitlistEntry).findOneByOrFail({ id: offers[0].entryId })).status).to.equal(
      "declined",
    );
    const open = await openOffers();
    expect(open.map((o) => o.studentId)).to.deep.equal([fitting[1].id]);
    offers.push(open[0]);
    expect(await ctx.db.ds.getRepository(AuditEntry).countBy({ action: "waitlist.decline" })).to.equal(1);
  });

  it("When an offer's time is up, then sweepExpiredOffers expires it and offers the seat to the next child; a second sweep does nothing", async () => {
    const later = new Date(Date.now() + 49 * HOUR);
    expect(await sweepExpiredOffers(ctx.db.ds, new Date(Date.now() + 47 * HOUR))).to.equal(0);
    expect(await sweepExpiredOffers(ctx.db.ds, later)).to.equal(1);
    expect(await sweepExpiredOffers(ctx.db.ds, later)).to.equal(0);
    expect((await ctx.db.ds.getRepository(WaitlistOffer).findOneByOrFail({ id: offers[1].id })).status).to.equal(
      "expired",
    );
    const open = await openOffers();
    expect(open.map((o) => o.studentId)).to.deep.equal([fitting[2].id]);
    offers.push(open[0]);
    expect(
      await ctx.db.ds
        .getRepository(Notification)
        .countBy({ familyId: fitting[1].familyId, kind: "waitlist.offerExpired" }),
    ).to.equal(1);
    expect(await ctx.db.ds.getRepository(AuditEntry).countBy({ action: "waitlist.expire" })).to.equal(1);
  });

  it("When the next family accepts, then the child takes the seat and the results page shows the club", async () => {
    const agent = await family(fitting[2]);
    const res = await agent
      .post(`/offers/${offers[2].id}/accept`)
      .type("form")
      .send({ _csrf: await formToken(agent, `/offers/${offers[2].id}`) });
    expect(res.status).to.equal(302);
    expect(res.headers.location).to.equal("/results");
    const placement = await ctx.db.ds
      .getRepository(ClubPlacement)
      .findOneByOrFail({ roundId, studentId: fitting[2].id, clubId: club.id });
    expect(placement.source).to.equal("offer");
    expect(await openOffers()).to.have.length(0);
    const page = await agent.get("/results");
    expect(page.text).to.contain(club.name).and.to.contain("候补录取");
    // Answering again changes nothing.
    const again = await agent
      .post(`/offers/${offers[2].id}/decline`)
      .type("form")
      .send({ _csrf: await formToken(agent, `/offers/${offers[2].id}`) });
    expect(again.status).to.equal(302);
    expect((await ctx.db.ds.getRepository(WaitlistOffer).findOneByOrFail({ id: offers[2].id })).status).to.equal(
      "accepted",
    );
  });

  it("When an admin withdraws a child with a reason and two sweeps race past the offer's expiry, then exactly one expires it and exactly one new offer is made", async () => {
    const token = await formToken(admin, `/admin/rounds/${roundId}/placements?club=${club.id}`);
    const noReason = await admin
      .post(`/admin/rounds/${roundId}/withdraw`)
      .type("form")
      .send({ studentId: members[1].id, clubId: club.id, reason: "", _csrf: token });
    expect(noReason.status).to.equal(400);
    const res = await admin
      .post(`/admin/rounds/${roundId}/withdraw`)
      .type("form")
      .send({ studentId: members[1].id, clubId: club.id, reason: "家长电话申请退出", _csrf: token });
    expect(res.status).to.equal(302);
    expect(
      (
        await ctx.db.ds
          .getRepository(AuditEntry)
          .findOneByOrFail({ action: "placement.withdraw", reason: "家长电话申请退出" })
      ).actorKind,
    ).to.equal("staff");
    const [first] = await openOffers();
    expect(first.studentId).to.equal(fitting[3].id);
    const far = new Date(Date.now() + 200 * HOUR);
    const counts = await Promise.all([sweepExpiredOffers(ctx.db.ds, far), sweepExpiredOffers(ctx.db.ds, far)]);
    expect(counts[0] + counts[1]).to.equal(1);
    const open = await openOffers();
    expect(open.map((o) => o.studentId)).to.deep.equal([fitting[4].id]);
    expect(
      await ctx.db.ds.getRepository(AuditEntry).countBy({ action: "waitlist.expire", entityId: String(first.id) }),
    ).to.equal(1);
    offers.push(open[0]);
  });

  it("When an open offer is past its time, then the next relevant request expires it lazily and moves it on, and accepting it is refused", async () => {
    await ctx.db.ds
      .getRepository(WaitlistOffer)
      .update({ id: offers[3].id }, { expiresAt: new Date(Date.now() - HOUR).toISOString() });
    const agent = await family(fitting[4]);
    const res = await agent
      .post(`/offers/${offers[3].id}/accept`)
      .type("form")
      .send({ _csrf: await formToken(agent, "/results") });
    expect(res.status).to.equal(302);
    expect(res.headers.location).to.equal(`/offers/${offers[3].id}`);
    expect((await ctx.db.ds.getRepository(WaitlistOffer).findOneByOrFail({ id: offers[3].id })).status).to.equal(
      "expired",
    );
    expect(
      await ctx.db.ds.getRepository(ClubPlacement).existsBy({ roundId, studentId: fitting[4].id, clubId: club.id }),
    ).to.equal(false);
    expect((await openOffers()).map((o) => o.studentId)).to.deep.equal([fitting[5].id]);
  });

  it("When the admin opens the placements page, then it lists members, the waitlist with statuses and the offers", async () => {
    const res = await admin.get(`/admin/rounds/${roundId}/placements?club=${club.id}`);
    expect(res.status).to.equal(200);
    expect(res.text).to.contain(fitting[2].name).and.to.contain("已放弃").and.to.contain("已过期");
    expect(res.text).to.not.contain(`value="${members[0].id}"`);
  });
});
