// Issue 17, the class teacher's view of their class's day (/classes/:id/day):
// for each child of the class on a date, whether they are in the service, what
// they stay for (their class's sessions, their own clubs from the ledger), when
// they leave, and whether the registers have them absent or on leave. A class
// teacher sees only their own classes; an admin any class.
import { expect } from "chai";
import type { Express } from "express";
import { forEachDatabase } from "../../support/databases";
import { demoApp, familyLogin, staffLogin } from "../../support/demo-app";
import { csrfFrom, loginAs, Agent } from "../../support/http";
import { seedDemoEnrollments } from "../../../seeds/demo-enrollments";
import { seedDemoAllocation } from "../../../seeds/demo-allocation";
import { setSchoolClock } from "../../../src/kernel";
import { Attendance } from "../../../src/attendance/entities";
import { LeaveRequest } from "../../../src/leave/entities";
import { Club, Period, SchoolClass, ServiceEnrollment, Student } from "../../../src/db/entities";
import { clubsOn } from "../../../src/membership";
import { sessionsOn } from "../../../src/timetable";

forEachDatabase("class teacher's day", (ctx) => {
  let app: Express;
  let logins: Awaited<ReturnType<typeof demoApp>>["logins"];
  let classTeacher: Agent;
  let admin: Agent;
  let teacher: Agent;
  let cls: SchoolClass;
  let other: SchoolClass;
  let pupils: Student[];
  // A date of the first fortnight (registers taken) on which a child of the class has a club session.
  let clubDay: string;
  let clubChild: Student;
  let club: Club;
  let clubEnds: string;

  const row = (html: string, s: Student) => {
    const m = new RegExp(`<tr class="child-row[^"]*" id="child-${s.id}">([\\s\\S]*?)</tr>`).exec(html);
    expect(m, `a row for ${s.name}`).to.not.equal(null);
    return m![0];
  };

  before(async function () {
    this.timeout(180_000);
    ({ app, logins } = await demoApp(ctx.db));
    await seedDemoEnrollments(ctx.db.ds);
    await seedDemoAllocation(ctx.db.ds);
    setSchoolClock(() => new Date("2026-09-15T08:00:00Z"));
    const ds = ctx.db.ds;
    cls = await ds.getRepository(SchoolClass).findOneByOrFail({ name: "三年级(1)班" });
    other = await ds.getRepository(SchoolClass).findOneByOrFail({ name: "三年级(2)班" });
    pupils = await ds
      .getRepository(Student)
      .find({ where: { classId: cls.id, archived: false }, order: { studentNumber: "ASC" } });
    search: for (
      let d = new Date("2026-09-01T00:00:00Z");
      d < new Date("2026-09-15T00:00:00Z");
      d.setUTCDate(d.getUTCDate() + 1)
    ) {
      const date = d.toISOString().slice(0, 10);
      const { sessions } = await sessionsOn(ds.manager, date);
      for (const s of pupils) {
        for (const clubId of await clubsOn(ds, s.id, date)) {
          const session = sessions.find((x) => x.entry.clubId === clubId);
          if (!session) continue;
          [clubDay, clubChild, club] = [date, s, await ds.getRepository(Club).findOneByOrFail({ id: clubId })];
          clubEnds = (await ds.getRepository(Period).findOneByOrFail({ id: session.entry.periodId })).endTime;
          break search;
        }
      }
    }
    expect(clubDay, "a child of 三年级(1)班 has a club session in the first fortnight").to.be.a("string");
    [classTeacher, admin, teacher] = await Promise.all([
      loginAs(app, staffLogin(logins, "class_teacher")),
      loginAs(app, staffLogin(logins, "admin")),
      loginAs(app, staffLogin(logins, "teacher")),
    ]);
  });
  after(() => setSchoolClock());

  it("When the class teacher opens their class's day, then every child has a row and a club member's row names the club and leaves at its end", async () => {
    const res = await classTeacher.get(`/classes/${cls.id}/day?date=${clubDay}`);
    expect(res.status).to.equal(200);
    expect((res.text.match(/<tr class="child-row/g) ?? []).length).to.equal(pupils.length);
    const mine = row(res.text, clubChild);
    expect(mine).to.contain(club.name);
    expect(mine).to.contain(clubEnds);
  });

  it("When a child has no service that weekday, then the row says so and they leave with the school day", async () => {
    const weekday = new Date(`${clubDay}T00:00:00Z`).getUTCDay();
    const enrolled = new Map(
      (await ctx.db.ds.getRepository(ServiceEnrollment).find()).map((e) => [e.studentId, e.weekdays]),
    );
    const out: Student[] = [];
    for (const s of pupils)
      if (!enrolled.get(s.id)?.includes(weekday) && !(await clubsOn(ctx.db.ds, s.id, clubDay)).length) out.push(s);
    expect(out.length, "some child of the class is not in the service that day").to.be.greaterThan(0);
    const res = await classTeacher.get(`/classes/${cls.id}/day?date=${clubDay}`);
    const r = row(res.text, out[0]);
    expect(r).to.contain("not-staying");
    expect(r).to.not.contain(club.name);
  });

  it("When the registers have a child absent and another excused, then their rows say absent and on leave", async () => {
    const ds = ctx.db.ds;
    const { sessions } = await sessionsOn(ds.manager, clubDay);
    const [a, b] = pupils.filter((s) => s.id !== clubChild.id).slice(0, 2);
    for (const [s, status] of [
      [a, "absent"],
      [b, "excused"],
    ] as const) {
      await ds.getRepository(Attendance).delete({ studentId: s.id, date: clubDay });
      await ds.getRepository(Attendance).insert({
        entryId: sessions[0].entry.id,
        date: clubDay,
        studentId: s.id,
        status,
        note: null,
        markedByStaffId: null,
        markedAt: new Date().toISOString(),
      });
    }
    const res = await classTeacher.get(`/classes/${cls.id}/day?date=${clubDay}`);
    expect(row(res.text, a)).to.contain('class="mark mark-absent"');
    expect(row(res.text, b)).to.contain('class="mark mark-excused"');
    expect(row(res.text, clubChild)).to.not.contain('class="mark ');
  });

  it("When children are on leave (asked or confirmed) for a day whose registers are not taken, then the class's day counts them away; a withdrawn request does not", async () => {
    const ds = ctx.db.ds;
    // A Tuesday after the school's today: nobody has taken a register yet.
    const date = "2026-09-22";
    const away = async () => {
      const res = await classTeacher.get(`/classes/${cls.id}/day?date=${date}`);
      expect(res.status).to.equal(200);
      return Number(/class="muted day-summary" data-away="(\d+)"/.exec(res.text)![1]);
    };
    expect(await ds.getRepository(Attendance).countBy({ date })).to.equal(0);
    expect(await away()).to.equal(0);
    const at = new Date().toISOString();
    const ask = (s: Student, status: LeaveRequest["status"]) => ({
      studentId: s.id,
      fromDate: date,
      toDate: date,
      entryId: null,
      sessionTitle: null,
      kind: "sick" as const,
      note: null,
      status,
      reply: null,
      decidedByStaffId: null,
      decidedAt: null,
      withdrawnAt: status === "withdrawn" ? at : null,
      createdAt: at,
      updatedAt: at,
    });
    const [asked, confirmed, withdrawn] = pupils.slice(0, 3);
    await ds
      .getRepository(LeaveRequest)
      .insert([ask(asked, "pending"), ask(confirmed, "confirmed"), ask(withdrawn, "withdrawn")]);
    try {
      expect(await away()).to.equal(2);
      const res = await classTeacher.get(`/classes/${cls.id}/day?date=${date}`);
      expect(row(res.text, asked)).to.contain("leave-mark");
      expect(row(res.text, withdrawn)).to.not.contain("leave-mark");
    } finally {
      await ds.getRepository(LeaveRequest).delete({ fromDate: date });
    }
  });

  it("When the date is a holiday or a weekend, then the page says so and lists no sessions; a bad date is 400", async () => {
    const holiday = await classTeacher.get(`/classes/${cls.id}/day?date=2026-10-01`);
    expect(holiday.status).to.equal(200);
    expect(holiday.text).to.contain('class="no-service"');
    expect(holiday.text).to.contain("国庆");
    expect(holiday.text).to.not.contain('<tr class="child-row');
    const weekend = await classTeacher.get(`/classes/${cls.id}/day?date=2026-09-06`);
    expect(weekend.text).to.contain('class="no-service"');
    expect((await classTeacher.get(`/classes/${cls.id}/day?date=2026-02-30`)).status).to.equal(400);
    expect((await classTeacher.get(`/classes/${cls.id}/day?date=tomorrow`)).status).to.equal(400);
  });

  it("When no date is given, then the page shows today with links to the school days before and after", async () => {
    const res = await classTeacher.get(`/classes/${cls.id}/day`);
    expect(res.status).to.equal(200);
    expect(res.text).to.contain("2026-09-15");
    expect(res.text).to.contain(`href="/classes/${cls.id}/day?date=2026-09-14"`);
    expect(res.text).to.contain(`href="/classes/${cls.id}/day?date=2026-09-16"`);
  });

  it("When a class teacher asks for another class, a teacher or a family for any, then it is refused; an admin sees any class; an unknown class is 404", async () => {
    expect((await classTeacher.get(`/classes/${other.id}/day?date=${clubDay}`)).status).to.equal(403);
    expect((await teacher.get(`/classes/${cls.id}/day?date=${clubDay}`)).status).to.equal(403);
    const family = await loginAs(app, familyLogin(logins, 0));
    await family
      .post("/privacy/accept")
      .type("form")
      .send({ _csrf: csrfFrom((await family.get("/privacy")).text), accept: "1" });
    expect((await family.get(`/classes/${cls.id}/day?date=${clubDay}`)).status).to.equal(403);
    expect((await admin.get(`/classes/${other.id}/day?date=${clubDay}`)).status).to.equal(200);
    expect((await admin.get(`/classes/999999/day`)).status).to.equal(404);
  });

  it("When the class teacher opens their home, then it links to their class's day", async () => {
    const res = await classTeacher.get("/");
    expect(res.text).to.contain(`href="/classes/${cls.id}/day"`);
  });
});
