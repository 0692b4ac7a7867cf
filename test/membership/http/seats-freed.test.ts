// Issue 17: a seat freed by a raised capacity or by a child leaving the school
// is offered to the waitlist, as a withdrawn seat is — free seats count the
// club's current capacity less the ledger's members and open offers, not the
// capacity frozen in the published run.
import { expect } from "chai";
import type { Express } from "express";
import { forEachDatabase } from "../../support/databases";
import { demoApp, staffLogin } from "../../support/demo-app";
import { formToken, loginAs, Agent } from "../../support/http";
import { AuditEntry, Club, Student } from "../../../src/db/entities";
import { SYSTEM } from "../../../src/audit";
import { seedDemoChoices } from "../../../seeds/demo-choices";
import { createRun } from "../../../src/allocation/run-service";
import { publishRun } from "../../../src/allocation/publish-service";
import { parseRun } from "../../../src/allocation/run-report";
import { childrenLeave } from "../../../src/allocation/leaving";
import { WaitlistOffer } from "../../../src/allocation/entities";
import { inTransaction } from "../../../src/db/transaction";
import { clubsOn } from "../../../src/membership";
import { schoolToday } from "../../../src/kernel";

forEachDatabase("seats freed by a capacity change or a leaver go to the waitlist", (ctx) => {
  let app: Express;
  let admin: Agent;
  let club: Club;
  let members: Student[];
  // Waitlisted children who fit (free on the club's day under their limit, or upgrading), in waitlist order.
  let fitting: Student[];

  before(async function () {
    this.timeout(180_000);
    const demo = await demoApp(ctx.db);
    app = demo.app;
    admin = await loginAs(app, staffLogin(demo.logins, "admin"));
    const { round } = await seedDemoChoices(ctx.db.ds, { students: 200, seed: 11, clubSize: 5 });
    const run = await createRun(ctx.db.ds, round.id, { mechanism: "optimal", seed: 5, note: "" }, SYSTEM);
    await publishRun(ctx.db.ds, run, { overrideReason: "seats test: policy checked elsewhere" }, SYSTEM);
    const { instance, result } = parseRun(run);
    // Who can take a freed seat (seatPlan): a free slot under the limit, or an upgrade from lower-ranked clubs.
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
    expect(list.length).to.be.at.least(2);
    club = await ctx.db.ds.getRepository(Club).findOneByOrFail({ code });
    const students = ctx.db.ds.getRepository(Student);
    fitting = await Promise.all(list.map((n) => students.findOneByOrFail({ studentNumber: n })));
    members = await Promise.all(
      Object.entries(result.assignments)
        .filter(([, c]) => c.includes(code))
        .map(([n]) => students.findOneByOrFail({ studentNumber: n })),
    );
  });

  const openOffers = () =>
    ctx.db.ds.getRepository(WaitlistOffer).find({ where: { clubId: club.id, status: "open" }, order: { id: "ASC" } });

  it("When the admin raises a full club's capacity by one, then the first waiting child who fits is offered the seat, audited", async () => {
    expect(await openOffers()).to.deep.equal([]);
    const res = await admin
      .post(`/admin/clubs/${club.id}`)
      .type("form")
      .send({
        code: club.code,
        name: club.name,
        category: club.category,
        description: club.description,
        grades: club.grades.map(String),
        minSize: String(club.minSize),
        maxSize: String(club.maxSize + 1),
        staffId: String(club.staffId ?? ""),
        venueId: String(club.venueId ?? ""),
        _csrf: await formToken(admin, `/admin/clubs/${club.id}/edit`),
      });
    expect(res.status).to.equal(302);
    const open = await openOffers();
    expect(open.map((o) => o.studentId)).to.deep.equal([fitting[0].id]);
    expect(
      await ctx.db.ds.getRepository(AuditEntry).countBy({ action: "waitlist.offer", entityId: String(open[0].id) }),
    ).to.equal(1);
  });

  it("When a member of the club leaves the school, then the seat they held is offered to the next waiting child who fits", async () => {
    const leaver = members[0];
    await inTransaction(ctx.db.ds, (em) => childrenLeave(em, [leaver.id], new Date()));
    expect(await clubsOn(ctx.db.ds, leaver.id, await schoolToday(ctx.db.ds))).to.not.include(club.id);
    const open = await openOffers();
    expect(open.map((o) => o.studentId)).to.deep.equal([fitting[0].id, fitting[1].id]);
    expect(
      await ctx.db.ds.getRepository(AuditEntry).countBy({ action: "waitlist.offer", entityId: String(open[1].id) }),
    ).to.equal(1);
  });
});
