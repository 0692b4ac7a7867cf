// Issue 17, the family timetable: a family sees one child's own week — the
// service days the child opted into, the child's own clubs (from the ledger),
// the grade's and class's sessions on those days, holidays and make-up days
// with their labels, when the child leaves — never every club of the grade.
import { expect } from "chai";
import type { Express } from "express";
import { forEachDatabase } from "../../support/databases";
import { demoApp } from "../../support/demo-app";
import { csrfFrom, formToken, loginAs, Agent } from "../../support/http";
import { Club, Family, Period, ServiceEnrollment, Staff, Student } from "../../../src/db/entities";
import { hashSecret } from "../../../src/http/auth/passwords";
import { currentTerm } from "../../../src/db/current-term";
import { clubsOn } from "../../../src/membership";
import type { DemoLogins } from "../../../seeds/demo";
import { seedDemoEnrollments } from "../../../seeds/demo-enrollments";
import { seedDemoAllocation } from "../../../seeds/demo-allocation";
import { sessionsOn } from "../../../src/timetable";
import { cancelSession, coverSession } from "../../../src/timetable/date-changes-service";
import { SYSTEM } from "../../../src/audit";

const CODE = "KH26WEEK";
// A plain week of the demo term (clubs meet on Thursday, 2026-09-17).
const WEEK = "2026-09-14";
const CLUB_DAY = "2026-09-17";

/** The HTML of one date's card on the family week page. */
function dayCard(html: string, date: string): string {
  const m = new RegExp(`<section[^>]*id="day-${date}"[\\s\\S]*?</section>`).exec(html);
  if (!m) throw new Error(`no card for ${date}`);
  return m[0];
}

forEachDatabase("family timetable: one child's own week", (ctx) => {
  let app: Express;
  let logins: DemoLogins;
  // A grade-5 child with exactly one club on club day, opted in on some weekdays but not all.
  let child: Student;
  let club: Club;
  let gradeClubs: Club[];
  let optedIn: number[];
  // Another class of the child's grade.
  let otherClass: string;

  before(async function () {
    this.timeout(180_000);
    const demo = await demoApp(ctx.db);
    ({ app, logins } = demo);
    const ds = ctx.db.ds;
    // The school as npm start seeds it: opt-ins, then the published autumn allocation (the ledger).
    await seedDemoEnrollments(ds);
    await seedDemoAllocation(ds);
    const term = (await currentTerm(ds))!;
    gradeClubs = (await ds.getRepository(Club).findBy({ termId: term.id })).filter((c) => c.grades.includes(5));
    const students = await ds
      .getRepository(Student)
      .find({ where: { archived: false }, relations: { schoolClass: true }, order: { studentNumber: "ASC" } });
    const enrollments = new Map(
      (await ds.getRepository(ServiceEnrollment).findBy({ termId: term.id })).map((e) => [e.studentId, e.weekdays]),
    );
    for (const s of students.filter((x) => x.schoolClass.grade === 5)) {
      const days = enrollments.get(s.id) ?? [];
      if (days.length === 0 || days.length === 5) continue;
      const clubs = await clubsOn(ds, s.id, CLUB_DAY);
      if (clubs.length !== 1) continue;
      child = s;
      optedIn = [...days].sort();
      club = gradeClubs.find((c) => c.id === clubs[0])!;
      otherClass = students.find((x) => x.schoolClass.grade === 5 && x.classId !== s.classId)!.schoolClass.name;
      break;
    }
    expect(child, "a grade-5 demo child with one club and some days opted in").to.not.equal(undefined);
    await ds.getRepository(Family).update({ id: child.familyId }, { accessCodeHash: await hashSecret(CODE) });
  });

  async function familyOf(creds: { studentNumber: string; code: string }): Promise<Agent> {
    const agent = await loginAs(app, creds);
    await agent
      .post("/privacy/accept")
      .type("form")
      .send({ accept: "1", _csrf: await formToken(agent, "/privacy") });
    return agent;
  }

  it("When a grade-5 child with one club opens the timetable, then club day shows that one club, not every club of the grade", async () => {
    expect(gradeClubs.length).to.be.at.least(10);
    const res = await (
      await familyOf({ studentNumber: child.studentNumber, code: CODE })
    ).get(`/timetable?week=${WEEK}`);
    expect(res.status).to.equal(200);
    const others = gradeClubs.filter((c) => c.id !== club.id && !club.name.includes(c.name));
    expect(
      others.filter((c) => res.text.includes(c.name)).map((c) => c.name),
      "other clubs of the grade shown",
    ).to.deep.equal([]);
    const thursday = dayCard(res.text, CLUB_DAY);
    expect(thursday).to.contain(club.name);
    expect(thursday.match(/class="fw-session kind-club/g) ?? []).to.have.length(1);
  });

  it("When the child opted into some weekdays, then those days show the class's and grade's sessions and a leaving time, the others say not in the service", async () => {
    const res = await (
      await familyOf({ studentNumber: child.studentNumber, code: CODE })
    ).get(`/timetable?week=${WEEK}`);
    const homework = `作业辅导 · ${child.schoolClass.name}`;
    for (let weekday = 1; weekday <= 5; weekday++) {
      const date = `2026-09-${String(13 + weekday).padStart(2, "0")}`;
      const card = dayCard(res.text, date);
      if (optedIn.includes(weekday)) {
        expect(card, date).to.contain(homework).and.to.contain('class="fw-leaves"');
        expect(card, date).to.not.contain("未参加课后服务");
      } else {
        expect(card, date).to.contain("未参加课后服务").and.to.not.contain(homework);
      }
    }
    // Another class's homework help is never this child's.
    expect(res.text).to.not.contain(`作业辅导 · ${otherClass}`).and.to.not.contain("三年级游戏与实践活动");
  });

  it("When the family opens the National Day week, then the holidays and the make-up Saturday show their labels and the weeks around link", async () => {
    const res = await (
      await familyOf({ studentNumber: child.studentNumber, code: CODE })
    ).get("/timetable?week=2026-10-07");
    expect(res.status).to.equal(200);
    expect(dayCard(res.text, "2026-10-05")).to.contain("国庆节");
    const makeUp = dayCard(res.text, "2026-10-10");
    expect(makeUp).to.contain("国庆调休（周三课表）");
    // The make-up Saturday runs Wednesday's timetable, so the child's Wednesday opt-in decides it.
    expect(makeUp.includes("未参加课后服务")).to.equal(!optedIn.includes(3));
    expect(res.text)
      .to.contain('href="/timetable?week=2026-09-28"')
      .and.to.contain('href="/timetable?week=2026-10-12"');
  });

  it("When the week is the term's first or last, then there is no link out of the term", async () => {
    const agent = await familyOf({ studentNumber: child.studentNumber, code: CODE });
    const first = await agent.get("/timetable?week=2026-09-01");
    expect(first.status).to.equal(200);
    expect(first.text).to.contain('id="day-2026-09-01"').and.to.not.contain('id="day-2026-08-31"');
    // (chai's `not` would carry over an `.and`: two expectations.)
    expect(first.text).to.not.contain('href="/timetable?week=2026-08-24"');
    expect(first.text).to.contain('href="/timetable?week=2026-09-07"');
    const last = await agent.get("/timetable?week=2027-01-15");
    expect(last.text).to.contain('id="day-2027-01-15"').and.to.not.contain('href="/timetable?week=2027-01-18"');
  });

  it("When the week is not a date, then it answers 400 naming the week and shows no timetable", async () => {
    const res = await (
      await familyOf({ studentNumber: child.studentNumber, code: CODE })
    ).get("/timetable?week=2026-13-01");
    expect(res.status).to.equal(400);
    expect(res.text).to.contain("周次").and.to.not.contain(club.name);
  });

  it("When a family with two children switches on the timetable, then it shows the other child's week; another family's child is refused", async () => {
    const agent = await familyOf(logins.families[1]);
    const family = await ctx.db.ds
      .getRepository(Student)
      .find({ where: { studentNumber: logins.families[1].studentNumber } });
    const children = await ctx.db.ds
      .getRepository(Student)
      .find({ where: { familyId: family[0].familyId, archived: false } });
    expect(children.length).to.equal(2);
    const page = await agent.get(`/timetable?week=${WEEK}`);
    expect(page.text).to.contain('action="/family/child"');
    const other = children.find((c) => c.studentNumber !== logins.families[1].studentNumber)!;
    const switched = await agent
      .post("/family/child")
      .type("form")
      .send({ studentId: String(other.id), next: "timetable", _csrf: csrfFrom(page.text) });
    expect(switched.status).to.equal(302);
    expect(switched.headers.location).to.equal("/timetable");
    const after = await agent.get("/timetable");
    expect(after.text).to.contain(`<h2 class="fw-child">${other.name}`);

    const refused = await agent
      .post("/family/child")
      .type("form")
      .send({ studentId: String(child.id), next: "timetable", _csrf: csrfFrom(after.text) });
    expect(refused.status).to.equal(404);
    const still = await agent.get("/timetable");
    expect(still.text).to.contain(`<h2 class="fw-child">${other.name}`);
  });

  it("When the child's club is cancelled for an outing and the homework help is covered that day, then the day names the reason and the cover teacher, and the child leaves after homework", async () => {
    const ds = ctx.db.ds;
    // Club seats went to children opted in on club day, so this child has homework help that day too.
    expect(optedIn).to.include(4);
    const { sessions } = await sessionsOn(ds, CLUB_DAY);
    const clubSession = sessions.find((s) => s.entry.clubId === club.id)!;
    const homework = sessions.find((s) => s.entry.kind === "homework" && s.entry.classId === child.classId)!;
    const busy = new Set(sessions.map((s) => s.staffId));
    const cover = (await ds.getRepository(Staff).find({ where: { active: true }, order: { id: "ASC" } })).find(
      (s) => !busy.has(s.id),
    )!;
    await cancelSession(
      ds,
      { date: CLUB_DAY, entryId: clubSession.entry.id, grade: null, reason: "outing", note: null },
      SYSTEM,
    );
    await coverSession(ds, { date: CLUB_DAY, entryId: homework.entry.id, staffId: cover.id }, SYSTEM);
    const homeworkEnd = (await ds.getRepository(Period).findOneByOrFail({ id: homework.entry.periodId })).endTime;

    const agent = await familyOf({ studentNumber: child.studentNumber, code: CODE });
    const res = await agent.get(`/timetable?week=${WEEK}`);
    const thursday = dayCard(res.text, CLUB_DAY);
    expect(thursday).to.contain(club.name).and.to.contain("已取消：外出活动").and.to.contain(`代课：${cover.name}`);
    expect(thursday).to.contain(`离校时间 ${homeworkEnd}`);
    // A change is one date's: the next Thursday runs as every week.
    const next = dayCard((await agent.get("/timetable?week=2026-09-21")).text, "2026-09-24");
    expect(next).to.contain(club.name).and.to.not.contain("已取消").and.to.not.contain("代课");
  });

  it("When a family opens its home page, then it links to the child's timetable", async () => {
    const home = await (await familyOf({ studentNumber: child.studentNumber, code: CODE })).get("/");
    expect(home.text).to.contain('href="/timetable"');
  });
});
