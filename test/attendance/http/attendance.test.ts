import { expect } from "chai";
import type { Express } from "express";
import { Like } from "typeorm";
import { forEachDatabase } from "../../support/databases";
import { demoApp, familyLogin, staffLogin } from "../../support/demo-app";
import { Agent, csrfFrom, formToken, loginAs } from "../../support/http";
import { seedDemoEnrollments } from "../../../seeds/demo-enrollments";
import { setSchoolClock } from "../../../src/kernel";
import { Attendance, AttendanceAlert, AttendanceAlertAudience } from "../../../src/attendance/entities";
import { AuditEntry, SchoolClass, ServiceEnrollment, Setting, Student, TimetableEntry } from "../../../src/db/entities";
import { Notification } from "../../../src/notifications/entities";

const at = (date: string) => () => new Date(`${date}T08:00:00Z`); // 16:00 at the school (Asia/Shanghai)

forEachDatabase("attendance registers, alerts and dismissal lists", (ctx) => {
  let app: Express;
  let logins: Awaited<ReturnType<typeof demoApp>>["logins"];
  let classTeacher: Agent;
  let admin: Agent;
  let teacher: Agent;
  let cls: SchoolClass;
  let tuesday: TimetableEntry;
  let monday: TimetableEntry;
  let tuesdayRoster: Student[];
  let child: Student; // the first demo family's child, in class 3-1, enrolled on Tuesdays
  const reg = (entry: TimetableEntry, date: string) => `/attendance/sessions/${entry.id}/${date}`;

  before(async function () {
    this.timeout(180_000);
    ({ app, logins } = await demoApp(ctx.db));
    await seedDemoEnrollments(ctx.db.ds);
    setSchoolClock(at("2026-09-15"));
    const ds = ctx.db.ds;
    cls = await ds.getRepository(SchoolClass).findOneByOrFail({ name: "三年级(1)班" });
    tuesday = await ds.getRepository(TimetableEntry).findOneByOrFail({ classId: cls.id, weekday: 2, kind: "homework" });
    monday = await ds.getRepository(TimetableEntry).findOneByOrFail({ classId: cls.id, weekday: 1, kind: "homework" });
    const enrolled = new Map((await ds.getRepository(ServiceEnrollment).find()).map((e) => [e.studentId, e.weekdays]));
    const pupils = await ds
      .getRepository(Student)
      .find({ where: { classId: cls.id }, order: { studentNumber: "ASC" } });
    tuesdayRoster = pupils.filter((s) => enrolled.get(s.id)?.includes(2));
    child = await ds.getRepository(Student).findOneByOrFail({ studentNumber: logins.families[0].studentNumber });
    expect(tuesdayRoster.map((s) => s.id)).to.include(child.id);
    [classTeacher, admin, teacher] = await Promise.all([
      loginAs(app, staffLogin(logins, "class_teacher")),
      loginAs(app, staffLogin(logins, "admin")),
      loginAs(app, staffLogin(logins, "teacher")),
    ]);
  });
  after(() => setSchoolClock());

  const post = async (agent: Agent, path: string, body: Record<string, string>) =>
    agent
      .post(path)
      .type("form")
      .send({ ...body, _csrf: await formToken(agent, "/attendance") });
  const marks = async (entry: TimetableEntry, date: string) =>
    new Map(
      (await ctx.db.ds.getRepository(Attendance).findBy({ entryId: entry.id, date })).map((m) => [m.studentId, m]),
    );

  async function familyAgent(i: number): Promise<Agent> {
    const agent = await loginAs(app, familyLogin(logins, i));
    const token = csrfFrom((await agent.get("/privacy")).text);
    await agent.post("/privacy/accept").type("form").send({ _csrf: token, accept: "1" });
    return agent;
  }

  it("When a class teacher opens today's sessions, then their published session lists who is expected", async () => {
    const day = await classTeacher.get("/attendance");
    expect(day.status).to.equal(200);
    expect(day.text).to.contain(`href="${reg(tuesday, "2026-09-15")}"`);
    expect(day.text).to.contain(`已点名 0 / ${tuesdayRoster.length}`);
    const page = await classTeacher.get(reg(tuesday, "2026-09-15"));
    expect(page.status).to.equal(200);
    expect((page.text.match(/class="roster-row/g) ?? []).length).to.equal(tuesdayRoster.length);
  });

  it("When the teacher taps all present and then marks the exceptions, then the register holds them and the change is audited", async () => {
    expect((await post(classTeacher, `${reg(tuesday, "2026-09-15")}/all-present`, {})).status).to.equal(303);
    let stored = await marks(tuesday, "2026-09-15");
    expect(stored.size).to.equal(tuesdayRoster.length);
    expect([...stored.values()].every((m) => m.status === "present")).to.equal(true);

    const other = tuesdayRoster.find((s) => s.id !== child.id)!;
    const res = await post(classTeacher, reg(tuesday, "2026-09-15"), {
      [`s_${child.id}`]: "absent",
      [`s_${other.id}`]: "excused",
      [`n_${other.id}`]: "家长来电请假",
    });
    expect(res.status).to.equal(303);
    stored = await marks(tuesday, "2026-09-15");
    expect(stored.get(child.id)!.status).to.equal("absent");
    expect(stored.get(other.id)!.status).to.equal("excused");
    expect(stored.get(other.id)!.note).to.equal("家长来电请假");
    expect([...stored.values()].filter((m) => m.status === "present")).to.have.length(tuesdayRoster.length - 2);
    const audits = await ctx.db.ds
      .getRepository(AuditEntry)
      .findBy({ action: "attendance.mark", entityId: `${tuesday.id}@2026-09-15` });
    expect(audits).to.have.length(2);
  });

  it("When a child is marked absent without excuse, then the class teacher, the admin and the family see an alert, and no one else", async () => {
    const alert = await ctx.db.ds
      .getRepository(AttendanceAlert)
      .findOneByOrFail({ entryId: tuesday.id, date: "2026-09-15", studentId: child.id });
    expect(alert.state).to.equal("open");
    for (const [agent, list] of [
      [classTeacher, "/attendance/alerts"],
      [admin, "/attendance/alerts"],
      [await familyAgent(0), "/family/alerts"],
    ] as [Agent, string][]) {
      const page = await agent.get(list);
      expect(page.status).to.equal(200);
      expect(page.text).to.contain(`${child.name} 无故缺勤`);
      expect(page.text).to.contain(`${list}/${alert.id}/ack`);
    }
    expect((await teacher.get("/attendance/alerts")).text).to.not.contain(child.name);
    const stranger = await familyAgent(1);
    expect((await stranger.get("/family/alerts")).text).to.not.contain(child.name);
    expect((await stranger.get("/attendance/alerts")).status).to.equal(403);
    // The family's general inbox carries it too (src/notifications).
    const inbox = await ctx.db.ds
      .getRepository(Notification)
      .findBy({ familyId: child.familyId, kind: "attendance.absent" });
    expect(inbox).to.have.length(1);
  });

  it("When the family acknowledges the alert, then only its own copy is acknowledged, and someone else's id is a 404", async () => {
    const alert = await ctx.db.ds
      .getRepository(AttendanceAlert)
      .findOneByOrFail({ entryId: tuesday.id, date: "2026-09-15", studentId: child.id });
    const family = await familyAgent(0);
    const token = csrfFrom((await family.get("/family/alerts")).text);
    expect((await family.post(`/family/alerts/${alert.id}/ack`).type("form").send({ _csrf: token })).status).to.equal(
      303,
    );
    const rows = await ctx.db.ds.getRepository(AttendanceAlertAudience).findBy({ alertId: alert.id });
    expect(rows.filter((r) => r.acknowledgedAt !== null).map((r) => r.audienceKind)).to.deep.equal(["family"]);
    const stranger = await familyAgent(1);
    const t2 = csrfFrom((await stranger.get("/family/alerts")).text);
    expect((await stranger.post(`/family/alerts/${alert.id}/ack`).type("form").send({ _csrf: t2 })).status).to.equal(
      404,
    );
  });

  it("When another teacher opens or posts a register that is not theirs, then it is refused with 403 and nothing changes", async () => {
    expect((await teacher.get(reg(tuesday, "2026-09-15"))).status).to.equal(403);
    const before = await marks(tuesday, "2026-09-15");
    const res = await post(teacher, reg(tuesday, "2026-09-15"), { [`s_${child.id}`]: "present" });
    expect(res.status).to.equal(403);
    expect((await marks(tuesday, "2026-09-15")).get(child.id)!.status).to.equal(before.get(child.id)!.status);
    const family = await familyAgent(0);
    expect((await family.get(reg(tuesday, "2026-09-15"))).status).to.equal(403);
  });

  it("When a mark is not one of present, absent or excused, then the register re-renders with 400 naming the child's field", async () => {
    const res = await post(classTeacher, reg(tuesday, "2026-09-15"), { [`s_${child.id}`]: "late" });
    expect(res.status).to.equal(400);
    expect(res.text).to.contain(`id="err-s_${child.id}"`);
  });

  it("When the edit window has passed, then a late correction within it is allowed and audited, and later ones are refused with a message", async () => {
    setSchoolClock(at("2026-09-18"));
    try {
      const late = await post(classTeacher, reg(tuesday, "2026-09-15"), { [`s_${child.id}`]: "present" });
      expect(late.status).to.equal(303);
      expect((await marks(tuesday, "2026-09-15")).get(child.id)!.status).to.equal("present");
      expect(
        await ctx.db.ds
          .getRepository(AuditEntry)
          .countBy({ action: "attendance.mark-late", entityId: `${tuesday.id}@2026-09-15` }),
      ).to.equal(1);
      const alert = await ctx.db.ds
        .getRepository(AttendanceAlert)
        .findOneByOrFail({ entryId: tuesday.id, date: "2026-09-15", studentId: child.id });
      expect(alert.state).to.equal("withdrawn");

      const closed = await post(classTeacher, reg(monday, "2026-09-14"), { [`s_${child.id}`]: "absent" });
      expect(closed.status).to.equal(403);
      expect(closed.text).to.contain("已超过修改期限");
      expect((await classTeacher.get(reg(monday, "2026-09-14"))).text).to.contain("已超过修改期限");
      const future = await post(classTeacher, reg(monday, "2026-09-21"), { [`s_${child.id}`]: "present" });
      expect(future.status).to.equal(403);
      expect(future.text).to.contain("还没到这一天");
      expect(await ctx.db.ds.getRepository(Attendance).countBy({ entryId: monday.id, date: "2026-09-21" })).to.equal(0);
    } finally {
      setSchoolClock(at("2026-09-15"));
    }
  });

  it("When the admin sets the edit window, then bad input names the field and a good value is saved and audited", async () => {
    const bad = await admin
      .post("/admin/attendance/settings")
      .type("form")
      .send({ editDays: "abc", _csrf: await formToken(admin, "/admin/attendance/settings") });
    expect(bad.status).to.equal(400);
    expect(bad.text).to.contain('id="err-editDays"');
    const ok = await admin
      .post("/admin/attendance/settings")
      .type("form")
      .send({ editDays: "5", _csrf: await formToken(admin, "/admin/attendance/settings") });
    expect(ok.status).to.equal(303);
    expect((await ctx.db.ds.getRepository(Setting).findOneByOrFail({ key: "attendance.editDays" })).value).to.equal(
      "5",
    );
    expect(await ctx.db.ds.getRepository(AuditEntry).countBy({ action: "attendance.edit-window" })).to.equal(1);
    await admin
      .post("/admin/attendance/settings")
      .type("form")
      .send({ editDays: "3", _csrf: await formToken(admin, "/admin/attendance/settings") });
    expect((await teacher.get("/admin/attendance/settings")).status).to.equal(403);
  });

  it("When the dismissal list is printed, then each class's children leave after their last session, absent children are flagged", async () => {
    await post(classTeacher, `${reg(tuesday, "2026-09-15")}/all-present`, {});
    await post(classTeacher, reg(tuesday, "2026-09-15"), { [`s_${child.id}`]: "absent" });
    const res = await classTeacher.get(`/attendance/dismissal?date=2026-09-15&class=${cls.id}`);
    expect(res.status).to.equal(200);
    // Grade 3 has sport in period 2 on Tuesdays: everyone in the service leaves at 17:50, the rest with the school day.
    const pupils = await ctx.db.ds.getRepository(Student).countBy({ classId: cls.id });
    expect(res.text).to.match(new RegExp(`17:50 离校（[^）]*）\\s*<span class="muted">${tuesdayRoster.length} 人`));
    expect(res.text).to.match(
      new RegExp(`放学即离校（当天未参加课后服务）\\s*<span class="muted">${pupils - tuesdayRoster.length} 人`),
    );
    expect(res.text).to.match(new RegExp(`${child.name} <span class="pill pill-absent">缺勤`));
    // Thursday: no allocation published yet, so no child has a club: everyone enrolled that day is in the
    // grade's supervised activity (托管) beside the clubs and leaves at 17:50, as on the other days.
    const thursday = await classTeacher.get(`/attendance/dismissal?date=2026-09-17&class=${cls.id}`);
    expect(thursday.text).to.contain("17:50 离校");
    expect(thursday.text).to.not.contain("16:40 离校");
    expect((await (await familyAgent(0)).get("/attendance/dismissal")).status).to.equal(403);
    expect((await classTeacher.get("/attendance/dismissal?date=2026-13-45")).status).to.equal(400);
  });

  it("When no one is logged in, then the register pages send to the login page", async () => {
    const { default: request } = await import("supertest");
    const res = await request(app).get(reg(tuesday, "2026-09-15"));
    expect(res.status).to.equal(302);
    expect(res.headers.location).to.match(/^\/login/);
    expect(await ctx.db.ds.getRepository(AuditEntry).countBy({ action: Like("attendance.%") })).to.be.greaterThan(0);
  });

  it("When a child is marked absent without excuse, then the saved notice says who is reminded in Kehou, not that anyone was called", async () => {
    const pupil = tuesdayRoster.find((s) => s.id !== child.id && s.familyId !== child.familyId)!;
    const res = await post(classTeacher, reg(tuesday, "2026-09-15"), { [`s_${pupil.id}`]: "absent" });
    expect(res.status).to.equal(303);
    const zh = (await classTeacher.get(res.headers.location)).text;
    expect(zh).to.match(/已通知：在 Kehou 中提醒[^。<]*班主任[^。<]*教务处[^。<]*家长/);
    expect(zh).to.not.contain("已立即通知");
    const token = csrfFrom((await classTeacher.get("/attendance")).text);
    await classTeacher.post("/lang").type("form").send({ lang: "en", _csrf: token });
    try {
      await post(classTeacher, reg(tuesday, "2026-09-15"), { [`s_${pupil.id}`]: "present" });
      const again = await post(classTeacher, reg(tuesday, "2026-09-15"), { [`s_${pupil.id}`]: "absent" });
      const en = (await classTeacher.get(again.headers.location)).text;
      expect(en).to.match(/Notified: reminded in Kehou[^<]*class teacher[^<]*office[^<]*family/);
      expect(en).to.not.contain("alerted at once");
    } finally {
      const back = csrfFrom((await classTeacher.get("/attendance")).text);
      await classTeacher.post("/lang").type("form").send({ lang: "zh-CN", _csrf: back });
    }
  });
});
