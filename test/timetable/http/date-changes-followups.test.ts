// Issue 17, loose ends of the per-date changes: homework access follows who
// leads the date's session (cover), a cancellation withdraws the session's open
// absence alerts, the staff week page shows this week's changes, and a change
// left behind by a re-publication is marked as no longer applying.
import { expect } from "chai";
import type { Express } from "express";
import { forEachDatabase } from "../../support/databases";
import { demoApp, staffLogin } from "../../support/demo-app";
import { Agent, csrfFrom, formToken, loginAs } from "../../support/http";
import type { DemoLogins } from "../../../seeds/demo";
import { seedDemoEnrollments } from "../../../seeds/demo-enrollments";
import { setSchoolClock } from "../../../src/kernel";
import { sessionsOn, type DatedSession } from "../../../src/timetable";
import { publishTimetable } from "../../../src/timetable/publish-service";
import { Attendance, AttendanceAlert } from "../../../src/attendance/entities";
import { Notification } from "../../../src/notifications/entities";
import { AuditEntry, Period, SchoolClass, Staff, Student, TimetableEntry } from "../../../src/db/entities";
import { inTransaction } from "../../../src/db/transaction";
import { nowIso } from "../../../src/db/entities/columns";
import { SYSTEM } from "../../../src/audit";

const at = (date: string) => () => new Date(`${date}T08:00:00Z`); // 16:00 at the school (Asia/Shanghai)
const TUESDAY = "2026-09-15";
const NEXT_TUESDAY = "2026-09-22";
const THURSDAY = "2026-09-17";
const NEXT_THURSDAY = "2026-09-24";

forEachDatabase("per-date changes: homework access, alerts, the week page, stale changes", (ctx) => {
  let app: Express;
  let logins: DemoLogins;
  let admin: Agent;
  let teacher: Agent;
  let classTeacher: Agent;
  let class31: SchoolClass;
  let class32: SchoolClass;
  let teacherStaff: Staff;
  let classTeacherStaff: Staff;
  let homework: DatedSession; // 三年级(1)班's Tuesday homework help, led by its class teacher
  const reg = (s: DatedSession) => `/attendance/sessions/${s.entry.id}/${s.date}`;
  const day = async (date: string) => (await sessionsOn(ctx.db.ds.manager, date)).sessions;
  const post = async (agent: Agent, path: string, body: Record<string, string>) =>
    agent
      .post(path)
      .type("form")
      .send({ ...body, _csrf: await formToken(agent, "/") });
  const homeworkFor = (cls: SchoolClass, date: string, subject: string) => ({
    classId: String(cls.id),
    date,
    subject,
    description: "阅读一篇短文",
    tier: "basic",
    written: "0",
    minutes: "15",
  });

  before(async function () {
    this.timeout(180_000);
    const seeded = await demoApp(ctx.db);
    ({ app, logins } = seeded);
    await seedDemoEnrollments(ctx.db.ds);
    setSchoolClock(at(TUESDAY));
    const ds = ctx.db.ds;
    class31 = await ds.getRepository(SchoolClass).findOneByOrFail({ name: "三年级(1)班" });
    class32 = await ds.getRepository(SchoolClass).findOneByOrFail({ name: "三年级(2)班" });
    teacherStaff = await ds.getRepository(Staff).findOneByOrFail({ email: staffLogin(logins, "teacher").email });
    classTeacherStaff = await ds.getRepository(Staff).findOneByOrFail({ id: class31.classTeacherId! });
    homework = (await day(TUESDAY)).find((s) => s.entry.classId === class31.id && s.entry.kind === "homework")!;
    expect(homework.staffId).to.equal(class31.classTeacherId);
    [admin, teacher, classTeacher] = await Promise.all([
      loginAs(app, staffLogin(logins, "admin")),
      loginAs(app, staffLogin(logins, "teacher")),
      loginAs(app, staffLogin(logins, "class_teacher")),
    ]);
    const cover = await post(admin, "/admin/timetable/dates/cover", {
      date: TUESDAY,
      entryId: String(homework.entry.id),
      staffId: String(teacherStaff.id),
    });
    expect(cover.status).to.equal(303);
  });
  after(() => setSchoolClock());

  it("When a teacher covers a class's homework session, then they may record that class's homework for that date, and not for a date they do not cover", async () => {
    const covered = await post(teacher, "/homework", homeworkFor(class31, TUESDAY, "科学"));
    expect(covered.status).to.equal(302);
    expect(covered.headers.location).to.contain(`/homework/class/${class31.id}`);
    expect((await post(teacher, "/homework", homeworkFor(class31, NEXT_TUESDAY, "科学"))).status).to.equal(403);
  });

  it("When the week page is opened in a week with a cover, then the covering teacher and the covered teacher both see who covers whom on which date", async () => {
    for (const agent of [teacher, classTeacher]) {
      const page = await agent.get("/timetable");
      expect(page.status).to.equal(200);
      const line = /<li class="tt-week-change covered"[^>]*>([\s\S]*?)<\/li>/.exec(page.text);
      expect(line, "a covered line in this week's changes").to.not.equal(null);
      expect(line![1]).to.contain(TUESDAY);
      expect(line![1]).to.contain(homework.entry.title);
      expect(line![1]).to.contain(teacherStaff.name);
      expect(line![1]).to.contain(classTeacherStaff.name);
    }
    // Next week is not this week: the page shows only the current week's changes.
    setSchoolClock(at(NEXT_TUESDAY));
    try {
      expect((await teacher.get("/timetable")).text).to.not.contain('<li class="tt-week-change');
    } finally {
      setSchoolClock(at(TUESDAY));
    }
  });

  // Marks one child of the session absent (after all present) and returns the child.
  async function oneAbsent(session: DatedSession): Promise<Student | null> {
    expect((await post(admin, `${reg(session)}/all-present`, {})).status).to.equal(303);
    const [mark] = await ctx.db.ds
      .getRepository(Attendance)
      .find({ where: { entryId: session.entry.id, date: session.date }, order: { studentId: "ASC" }, take: 1 });
    if (!mark) return null;
    expect((await post(admin, reg(session), { [`s_${mark.studentId}`]: "absent" })).status).to.equal(303);
    return ctx.db.ds.getRepository(Student).findOneByOrFail({ id: mark.studentId });
  }
  const alertOf = (session: DatedSession, child: Student) =>
    ctx.db.ds
      .getRepository(AttendanceAlert)
      .findOneByOrFail({ entryId: session.entry.id, date: session.date, studentId: child.id });
  const told = (child: Student, kind: string) =>
    ctx.db.ds.getRepository(Notification).countBy({ familyId: child.familyId, kind });

  it("When a session with an open absence alert is cancelled, then the alert is withdrawn, the family is told, and it is audited", async () => {
    const sport = (await day(TUESDAY)).find((s) => s.entry.kind === "sport" && s.entry.grades.includes(3))!;
    const child = await oneAbsent(sport);
    expect(child, "the sport session has children").to.not.equal(null);
    expect((await alertOf(sport, child!)).state).to.equal("open");
    expect(await told(child!, "attendance.absent")).to.equal(1);

    const res = await post(admin, "/admin/timetable/dates/cancel", {
      date: TUESDAY,
      scope: "session",
      entryId: String(sport.entry.id),
      reason: "weather",
    });
    expect(res.status).to.equal(303);
    expect((await alertOf(sport, child!)).state).to.equal("withdrawn");
    expect(await told(child!, "attendance.cancelled")).to.equal(1);
    expect(await ctx.db.ds.getRepository(AuditEntry).countBy({ action: "attendance.alerts-withdrawn" })).to.equal(1);
  });

  it("When a grade's day is cancelled, then the open absence alerts of that grade's sessions that date are withdrawn and other grades' stay open", async () => {
    const sessions = (await day(TUESDAY)).filter((s) => s.cancelled === null && s.entry.grades.length === 1);
    let g5: { session: DatedSession; child: Student } | null = null;
    for (const session of sessions.filter((s) => s.entry.grades[0] === 5)) {
      const child = await oneAbsent(session);
      if (child) {
        g5 = { session, child };
        break;
      }
    }
    let g6: { session: DatedSession; child: Student } | null = null;
    for (const session of sessions.filter((s) => s.entry.grades[0] === 6)) {
      const child = await oneAbsent(session);
      if (child) {
        g6 = { session, child };
        break;
      }
    }
    expect(g5, "a grade-5 session with children").to.not.equal(null);
    expect(g6, "a grade-6 session with children").to.not.equal(null);
    const res = await post(admin, "/admin/timetable/dates/cancel", {
      date: TUESDAY,
      scope: "day",
      grade: "5",
      reason: "outing",
    });
    expect(res.status).to.equal(303);
    expect((await alertOf(g5!.session, g5!.child)).state).to.equal("withdrawn");
    expect(await told(g5!.child, "attendance.cancelled")).to.equal(1);
    expect((await alertOf(g6!.session, g6!.child)).state).to.equal("open");
  });

  describe("a homework session led by a teacher who is not the class teacher", () => {
    let own: Staff; // leads 三年级(2)班's added Thursday homework session
    let entryId: number;
    let ownAgent: Agent;

    before(async function () {
      this.timeout(60_000);
      const ds = ctx.db.ds;
      const thursday = await day(THURSDAY);
      const busy = new Set(thursday.map((s) => s.entry.staffId));
      const classTeachers = new Set((await ds.getRepository(SchoolClass).find()).map((c) => c.classTeacherId));
      const staff = await ds
        .getRepository(Staff)
        .find({ where: { role: "teacher", active: true }, order: { id: "ASC" } });
      own = staff.find((s) => s.id !== teacherStaff.id && !busy.has(s.id) && !classTeachers.has(s.id))!;
      expect(own, "a teacher free on Thursdays").to.not.equal(undefined);
      // A period in which the covering teacher leads nothing that Thursday.
      const periods = await ds
        .getRepository(Period)
        .find({ where: { termId: homework.entry.termId }, order: { position: "DESC" } });
      const periodId = periods.find(
        (p) => !thursday.some((s) => s.staffId === teacherStaff.id && s.entry.periodId === p.id),
      )!.id;
      const entry = await inTransaction(ds, (em) =>
        em.getRepository(TimetableEntry).save({
          termId: homework.entry.termId,
          weekday: 4,
          periodId,
          kind: "homework" as const,
          title: "作业辅导（加）· 三年级(2)班",
          grades: [3],
          classId: class32.id,
          clubId: null,
          staffId: own.id,
          venueId: null,
          sequence: 0,
          updatedAt: nowIso(),
        }),
      );
      entryId = entry.id;
      await publishTimetable(ds, "测试：加一节作业辅导", SYSTEM);
      expect((await day(THURSDAY)).some((s) => s.entry.id === entryId)).to.equal(true);
      const cover = await post(admin, "/admin/timetable/dates/cover", {
        date: THURSDAY,
        entryId: String(entryId),
        staffId: String(teacherStaff.id),
      });
      expect(cover.status).to.equal(303);
      ownAgent = await loginAs(app, { email: own.email!, password: logins.staff[0].password });
    });

    it("When their session is covered on a date, then they may not record homework for that date (400 naming the date) but may for their other dates, and the covering teacher may", async () => {
      const refused = await post(ownAgent, "/homework", homeworkFor(class32, THURSDAY, "美术"));
      expect(refused.status).to.equal(400);
      expect(refused.text).to.contain('id="err-date"');
      expect((await post(ownAgent, "/homework", homeworkFor(class32, NEXT_THURSDAY, "美术"))).status).to.equal(302);
      expect((await post(teacher, "/homework", homeworkFor(class32, THURSDAY, "音乐"))).status).to.equal(302);
    });

    it("When a re-publication drops the covered session, then the admin's list marks the cover as no longer applying and it covers nothing", async () => {
      await inTransaction(ctx.db.ds, (em) => em.getRepository(TimetableEntry).delete({ id: entryId }));
      await publishTimetable(ctx.db.ds, "测试：撤下加的一节", SYSTEM);
      expect((await day(THURSDAY)).some((s) => s.entry.id === entryId)).to.equal(false);
      const list = await admin.get("/admin/timetable/dates");
      expect(list.status).to.equal(200);
      const stale = /<li class="date-change-line stale"[^>]*>([\s\S]*?)<\/li>/.exec(list.text);
      expect(stale, "the dropped session's cover is marked").to.not.equal(null);
      expect(stale![1]).to.contain(THURSDAY);
      expect(stale![1]).to.contain("不再适用");
      // Only that one: the Tuesday cover still applies.
      expect(list.text.match(/date-change-line stale/g)).to.have.length(1);
      expect((await teacher.get(`/attendance/sessions/${entryId}/${THURSDAY}`)).status).to.equal(404);
      const week = (await teacher.get("/timetable")).text;
      expect(
        [...week.matchAll(/<li class="tt-week-change[^"]*"[^>]*>([\s\S]*?)<\/li>/g)].filter((m) =>
          m[1].includes(THURSDAY),
        ),
      ).to.deep.equal([]);
    });

    it("When the week page and the changes list are read in English, then the changes are in English, with no key showing", async () => {
      const english = async (agent: Agent, path: string) => {
        await agent
          .post("/lang")
          .type("form")
          .send({ lang: "en", _csrf: csrfFrom((await agent.get("/")).text) });
        try {
          return (await agent.get(path)).text;
        } finally {
          await agent
            .post("/lang")
            .type("form")
            .send({ lang: "zh-CN", _csrf: csrfFrom((await agent.get("/")).text) });
        }
      };
      const week = await english(teacher, "/timetable");
      expect(week).to.contain(`${teacherStaff.name} covers for ${classTeacherStaff.name}`);
      expect(week).to.not.match(/timetable\.weekChanges\.|dateChanges\./);
      const list = await english(admin, "/admin/timetable/dates");
      expect(list).to.contain("no longer applies");
      expect(list).to.not.match(/dateChanges\./);
    });
  });
});
