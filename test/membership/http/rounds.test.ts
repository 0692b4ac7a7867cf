// Issue 17, membership: a second round published in the same term adds to the
// first round's members; it does not hide them. The first round's child keeps
// the club on /results, the family home and the feed, and no child sits on two
// registers of the same hour.
import { expect } from "chai";
import type { Express } from "express";
import { forEachDatabase } from "../../support/databases";
import { demoApp, staffLogin } from "../../support/demo-app";
import { formToken, loginAs, Agent } from "../../support/http";
import { Club, Family, Student } from "../../../src/db/entities";
import { hashSecret } from "../../../src/http/auth/passwords";
import { SYSTEM } from "../../../src/audit";
import { seedDemoChoices } from "../../../seeds/demo-choices";
import { createRun } from "../../../src/allocation/run-service";
import { publishRun } from "../../../src/allocation/publish-service";
import { parseRun } from "../../../src/allocation/run-report";
import { childResult } from "../../../src/allocation/family-result";
import { buildFeed } from "../../../src/feeds/build-feed";
import { currentTermCalendar } from "../../../src/kernel";
import { sessionsOn } from "../../../src/attendance/sessions";

const CODE = "KH26RNDS";

forEachDatabase("membership: two rounds published in one term", (ctx) => {
  let app: Express;
  let admin: Agent;
  // Placed in the first round, not in the second.
  let first: Student;
  let firstClub: Club;
  // Children placed in the first round who chose again in the second (issue 18: the
  // second round sees their club's hour as taken, so it never gives them a second club then).
  let both: Student[];
  // On a first-round waitlist, not in the second round.
  let waiting: Student;

  before(async function () {
    this.timeout(180_000);
    const demo = await demoApp(ctx.db);
    app = demo.app;
    admin = await loginAs(app, staffLogin(demo.logins, "admin"));
    const publish = async (students: number, seed: number) => {
      const { round } = await seedDemoChoices(ctx.db.ds, { students, seed });
      const run = await createRun(ctx.db.ds, round.id, { mechanism: "optimal", seed, note: "" }, SYSTEM);
      await publishRun(ctx.db.ds, run, { overrideReason: "membership test: policy checked elsewhere" }, SYSTEM);
      return parseRun(run).result;
    };
    const first1 = await publish(150, 31);
    const second = await publish(150, 32);
    const one = first1.assignments;
    const two = second.assignments;
    const waitingNumber = Object.values(first1.waitlists)
      .flat()
      .find((n) => !(n in two))!;
    waiting = await ctx.db.ds
      .getRepository(Student)
      .findOneOrFail({ where: { studentNumber: waitingNumber }, relations: { schoolClass: true } });
    const students = ctx.db.ds.getRepository(Student);
    const onlyFirst = Object.keys(one).find((n) => one[n].length > 0 && !(n in two))!;
    first = await students.findOneOrFail({ where: { studentNumber: onlyFirst }, relations: { schoolClass: true } });
    firstClub = await ctx.db.ds.getRepository(Club).findOneByOrFail({ code: one[onlyFirst][0] });
    both = await Promise.all(
      Object.keys(one)
        .filter((n) => one[n].length > 0 && n in two)
        .map((n) => students.findOneByOrFail({ studentNumber: n })),
    );
    await ctx.db.ds.getRepository(Family).update({ id: first.familyId }, { accessCodeHash: await hashSecret(CODE) });
  });

  async function family(student: Student): Promise<Agent> {
    const agent = await loginAs(app, { studentNumber: student.studentNumber, code: CODE });
    await agent
      .post("/privacy/accept")
      .type("form")
      .send({ accept: "1", _csrf: await formToken(agent, "/privacy") });
    return agent;
  }

  it("When a second round is published, then the first round's child still has the club on /results and the family home", async () => {
    const result = await childResult(ctx.db.ds, first);
    expect(result.clubs.map((c) => c.id)).to.deep.equal([firstClub.id]);
    const agent = await family(first);
    const line = `<strong>${firstClub.name}</strong>`;
    expect((await agent.get("/results")).text).to.contain(line);
    expect((await agent.get("/")).text).to.contain(line);
  });

  it("When a second round is published, then a child on a first-round waitlist still sees the place", async () => {
    const result = await childResult(ctx.db.ds, waiting);
    expect(result.waitlists.length).to.be.at.least(1);
  });

  it("When a second round is published, then the first round's child's feed keeps the club's meetings", async () => {
    const built = await buildFeed(ctx.db.ds, { kind: "student", id: first.id });
    if (typeof built.feed === "string") throw new Error(built.feed);
    const summaries = [...built.feed.body.toString().matchAll(/^SUMMARY:(.*)$/gm)].map((m) => m[1]);
    expect(summaries.some((s) => s.startsWith(firstClub.name))).to.equal(true);
  });

  it("When a child was placed in both rounds, then the child is on one register of the club hour, not two", async () => {
    expect(both.length).to.be.at.least(1);
    const cal = (await currentTermCalendar(ctx.db.ds))!;
    // The first school day with club sessions.
    let clubSessions: Awaited<ReturnType<typeof sessionsOn>>["sessions"] = [];
    for (const date of cal.dates) {
      clubSessions = (await sessionsOn(ctx.db.ds, cal, date)).sessions.filter((s) => s.entry.clubId != null);
      if (clubSessions.length) break;
    }
    expect(clubSessions.length).to.be.at.least(2);
    const pages = await Promise.all(
      clubSessions.map(async (s) => (await admin.get(`/attendance/sessions/${s.entry.id}/${s.date}`)).text),
    );
    for (const child of both) {
      const registers = clubSessions.filter((s, i) => pages[i].includes(`name="n_${child.id}"`));
      const hours = registers.map((s) => s.entry.periodId);
      expect(new Set(hours).size, `${child.studentNumber} on ${registers.length} registers`).to.equal(hours.length);
    }
  });
});
