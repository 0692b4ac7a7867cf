// Issue 21, the absence loop: the class teacher's alert shows who to call (the
// guardian and a tel: link), the teacher's note and the register's time; the
// family answers (已请假 / 孩子和我在一起 / 我马上联系老师) and the class teacher sees
// it; an alert nobody acknowledged within notify.escalateAfterMinutes goes to
// the admins once (a sweep with a fake "now"); a day's summary per class teacher.
import { expect } from "chai";
import type { Express } from "express";
import { forEachDatabase } from "../../support/databases";
import { demoApp, familyLogin, staffLogin } from "../../support/demo-app";
import { Agent, csrfFrom, formToken, loginAs } from "../../support/http";
import { seedDemoEnrollments } from "../../../seeds/demo-enrollments";
import { setSchoolClock } from "../../../src/kernel";
import { AttendanceAlert, AttendanceAlertAudience } from "../../../src/attendance/entities";
import { escalateUnacknowledged } from "../../../src/attendance/alert-escalation";
import { sendDaySummaries } from "../../../src/attendance/day-summary-sweep";
import { Notification, OutboxDelivery } from "../../../src/notifications/entities";
import {
  AuditEntry,
  Family,
  SchoolClass,
  ServiceEnrollment,
  Setting,
  Staff,
  Student,
  TimetableEntry,
} from "../../../src/db/entities";

const DATE = "2026-09-15"; // a Tuesday; the registers are taken at 16:00 school time (08:00 UTC)
const minutesAfter = (m: number) => new Date(Date.parse(`${DATE}T08:00:00Z`) + m * 60_000);

forEachDatabase("the absence loop", (ctx) => {
  let app: Express;
  let logins: Awaited<ReturnType<typeof demoApp>>["logins"];
  let classTeacher: Agent;
  let admin: Agent;
  let teacher: Agent;
  let family: Agent;
  let stranger: Agent;
  let cls: SchoolClass;
  let tuesday: TimetableEntry;
  let child: Student;
  let classTeacherId: number;
  let adminIds: number[];
  let others: Student[]; // more children of the Tuesday register: three for the sweep, one on leave
  const reg = () => `/attendance/sessions/${tuesday.id}/${DATE}`;

  async function familyAgent(i: number): Promise<Agent> {
    const agent = await loginAs(app, familyLogin(logins, i));
    const token = csrfFrom((await agent.get("/privacy")).text);
    await agent.post("/privacy/accept").type("form").send({ _csrf: token, accept: "1" });
    return agent;
  }
  const post = async (agent: Agent, path: string, body: Record<string, string>, from = "/") =>
    agent
      .post(path)
      .type("form")
      .send({ ...body, _csrf: await formToken(agent, from) });
  const staffNotices = (kind: string) =>
    ctx.db.ds.getRepository(Notification).find({ where: { kind }, order: { id: "ASC" } });
  const groupRows = (kind: string) =>
    ctx.db.ds.getRepository(OutboxDelivery).find({ where: { kind, recipientKind: "group" }, order: { id: "ASC" } });
  const alertOf = (s: Student) =>
    ctx.db.ds.getRepository(AttendanceAlert).findOneByOrFail({ entryId: tuesday.id, date: DATE, studentId: s.id });

  before(async function () {
    this.timeout(180_000);
    ({ app, logins } = await demoApp(ctx.db));
    await seedDemoEnrollments(ctx.db.ds);
    setSchoolClock(() => minutesAfter(0));
    const ds = ctx.db.ds;
    cls = await ds.getRepository(SchoolClass).findOneByOrFail({ name: "三年级(1)班" });
    tuesday = await ds.getRepository(TimetableEntry).findOneByOrFail({ classId: cls.id, weekday: 2, kind: "homework" });
    child = await ds.getRepository(Student).findOneByOrFail({ studentNumber: logins.families[0].studentNumber });
    await ds.getRepository(Family).update({ id: child.familyId }, { guardianName: "王丽", phone: "138 0013 8000" });
    const enrolled = new Map((await ds.getRepository(ServiceEnrollment).find()).map((e) => [e.studentId, e.weekdays]));
    others = (await ds.getRepository(Student).find({ where: { classId: cls.id }, order: { studentNumber: "ASC" } }))
      .filter((s) => s.id !== child.id && enrolled.get(s.id)?.includes(2))
      .slice(0, 4);
    expect(others).to.have.length(4);
    classTeacherId = cls.classTeacherId!;
    adminIds = (await ds.getRepository(Staff).findBy({ role: "admin", active: true })).map((a) => a.id);
    // The school's WeCom group robot is configured: staff-group summaries become outbox rows (never sent here).
    await ds
      .getRepository(Setting)
      .save({ key: "notify.wecom.webhook", value: "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=t" });
    family = await familyAgent(0);
    stranger = await familyAgent(1);
    [classTeacher, admin, teacher] = await Promise.all([
      loginAs(app, staffLogin(logins, "class_teacher")),
      loginAs(app, staffLogin(logins, "admin")),
      loginAs(app, staffLogin(logins, "teacher")),
    ]);
  });
  after(() => setSchoolClock());

  it("When the teacher marks a child absent with a note, then the class teacher's alert shows the guardian, a tel: link, the note and the register's time; the family's copy has no phone", async () => {
    const res = await post(
      classTeacher,
      reg(),
      { [`s_${child.id}`]: "absent", [`n_${child.id}`]: "未到，家长未请假" },
      reg(),
    );
    expect(res.status).to.equal(303);
    const page = await classTeacher.get("/attendance/alerts");
    expect(page.text).to.contain("家长 王丽");
    expect(page.text).to.contain('href="tel:13800138000"');
    expect(page.text).to.contain("老师备注：未到，家长未请假");
    expect(page.text).to.contain("点名时间 2026-09-15 16:00");
    const own = await family.get("/family/alerts");
    expect(own.text).to.contain("老师备注：未到，家长未请假");
    expect(own.text).to.not.contain("tel:");
    expect(own.text).to.contain(`/family/alerts/${(await alertOf(child)).id}/answer`);
  });

  it("When the absence is raised, then the class teacher and every admin get attendance.absent with who to call, and the staff group a count without the child's name", async () => {
    const notices = (await staffNotices("attendance.absent")).filter((n) => n.staffId !== null);
    expect(notices.map((n) => n.staffId).sort()).to.deep.equal([classTeacherId, ...adminIds].sort());
    expect(notices[0].payload).to.include({
      child: child.name,
      guardian: "王丽",
      phone: "138 0013 8000",
      note: "未到，家长未请假",
      class: "三年级(1)班",
    });
    const group = await groupRows("attendance.absent");
    expect(group).to.have.length(1);
    expect(group[0].payload).to.include({ class: "三年级(1)班", count: 1, date: DATE });
    expect(JSON.stringify(group[0].payload)).to.not.contain(child.name);
    // The class teacher's own inbox shows it (the staff inbox).
    expect((await classTeacher.get("/notifications")).text).to.contain(`${child.name} 2026-09-15`);
  });

  it("When the family answers 孩子和我在一起 with a note, then the class teacher sees it, the family's copy counts as acknowledged, and it is audited", async () => {
    const alert = await alertOf(child);
    const res = await post(
      family,
      `/family/alerts/${alert.id}/answer`,
      { answer: "withMe", note: "临时看牙医" },
      "/family/alerts",
    );
    expect(res.status).to.equal(303);
    const stored = await alertOf(child);
    expect(stored).to.include({
      answer: "withMe",
      answerNote: "临时看牙医",
      answeredAt: minutesAfter(0).toISOString(),
    });
    const page = await classTeacher.get("/attendance/alerts");
    expect(page.text).to.contain("家长回复（2026-09-15 16:00）：孩子和我在一起：临时看牙医");
    const rows = await ctx.db.ds
      .getRepository(AttendanceAlertAudience)
      .findBy({ alertId: alert.id, audienceKind: "family" });
    expect(rows[0].acknowledgedAt).to.not.equal(null);
    expect(
      await ctx.db.ds
        .getRepository(AuditEntry)
        .countBy({ action: "attendance.alert-answer", entityId: String(alert.id) }),
    ).to.equal(1);
    const told = await staffNotices("attendance.answer");
    expect(told.map((n) => n.staffId)).to.deep.equal([classTeacherId]);
    expect(told[0].payload).to.include({ answer: "withMe", note: "临时看牙医", child: child.name });
    expect((await classTeacher.get("/notifications")).text).to.contain("孩子和我在一起 临时看牙医");
  });

  it("When an answer is missing or unknown, or the note too long, then it is 400 naming the field and nothing changes; another family's or staff's answer is refused", async () => {
    const alert = await alertOf(child);
    for (const [body, field] of [
      [{}, "err-answer"],
      [{ answer: "gone" }, "err-answer"],
      [{ answer: "onLeave", note: "长".repeat(101) }, "err-note"],
    ] as [Record<string, string>, string][]) {
      const res = await post(family, `/family/alerts/${alert.id}/answer`, body, "/family/alerts");
      expect(res.status, JSON.stringify(body)).to.equal(400);
      expect(res.text).to.contain(`id="${field}"`);
    }
    expect(
      (await post(stranger, `/family/alerts/${alert.id}/answer`, { answer: "onLeave" }, "/family/alerts")).status,
    ).to.equal(404);
    expect((await post(classTeacher, `/family/alerts/${alert.id}/answer`, { answer: "onLeave" })).status).to.equal(403);
    expect(await alertOf(child)).to.include({ answer: "withMe", answerNote: "临时看牙医" });
  });

  it("When nobody acknowledges an alert, then the sweep escalates it once after 15 minutes, not before, and never an answered or acknowledged one", async () => {
    const [a, b, c] = others;
    expect(
      (
        await post(
          classTeacher,
          reg(),
          { [`s_${a.id}`]: "absent", [`s_${b.id}`]: "absent", [`s_${c.id}`]: "absent" },
          reg(),
        )
      ).status,
    ).to.equal(303);
    // b is acknowledged by the class teacher; c's family answered by phone is the same as answered.
    const token = await formToken(classTeacher, "/attendance/alerts");
    await classTeacher
      .post(`/attendance/alerts/${(await alertOf(b)).id}/ack`)
      .type("form")
      .send({ _csrf: token });
    await ctx.db.ds
      .getRepository(AttendanceAlert)
      .update({ id: (await alertOf(c)).id }, { answer: "onLeave", answeredAt: minutesAfter(1).toISOString() });

    expect(await escalateUnacknowledged(ctx.db.ds, minutesAfter(14))).to.equal(0);
    expect((await alertOf(a)).escalatedAt).to.equal(null);
    expect(await escalateUnacknowledged(ctx.db.ds, minutesAfter(15))).to.equal(1);
    expect((await alertOf(a)).escalatedAt).to.equal(minutesAfter(15).toISOString());
    for (const s of [child, b, c]) expect((await alertOf(s)).escalatedAt, s.name).to.equal(null);
    expect(await escalateUnacknowledged(ctx.db.ds, minutesAfter(30))).to.equal(0);
    expect(await ctx.db.ds.getRepository(AuditEntry).countBy({ action: "attendance.alert-escalated" })).to.equal(1);
    expect((await admin.get("/attendance/alerts")).text).to.contain("超时无人确认，已上报教务处");
    const escalated = await staffNotices("attendance.absent.escalated");
    expect(escalated.map((n) => n.staffId).sort()).to.deep.equal([...adminIds].sort());
    expect(escalated[0].payload).to.include({ child: a.name, minutes: 15 });
    expect((await admin.get("/notifications")).text).to.contain("15 分钟内无人确认");
  });

  it("When several instances sweep at once, then each due alert is escalated exactly once; a setting of 5 minutes brings it forward", async () => {
    await ctx.db.ds.getRepository(Setting).save({ key: "notify.escalateAfterMinutes", value: "5" });
    const [a] = others;
    // The register marks a present, then absent again: a new absence, asked anew.
    await post(classTeacher, reg(), { [`s_${a.id}`]: "present" }, reg());
    setSchoolClock(() => minutesAfter(40));
    await post(classTeacher, reg(), { [`s_${a.id}`]: "absent" }, reg());
    setSchoolClock(() => minutesAfter(0));
    expect((await alertOf(a)).escalatedAt).to.equal(null);
    const counts = await Promise.all([1, 2, 3].map(() => escalateUnacknowledged(ctx.db.ds, minutesAfter(45))));
    expect(counts.reduce((x, y) => x + y, 0)).to.equal(1);
    expect(await ctx.db.ds.getRepository(AuditEntry).countBy({ action: "attendance.alert-escalated" })).to.equal(2);
    expect((await staffNotices("attendance.absent.escalated")).length).to.equal(2 * adminIds.length);
    await ctx.db.ds.getRepository(Setting).delete({ key: "notify.escalateAfterMinutes" });
  });

  it("When the class teacher opens the day's summary, then it lists the absences with answers, leave and early pick-ups of their class; a teacher is refused", async () => {
    const leave = others[2];
    const excused = others[3];
    await post(classTeacher, reg(), { [`s_${excused.id}`]: "excused", [`n_${excused.id}`]: "病假" }, reg());
    const res = await classTeacher.get(`/attendance/summary?date=${DATE}`);
    expect(res.status).to.equal(200);
    expect(res.text).to.contain(child.name);
    expect(res.text).to.contain("孩子和我在一起：临时看牙医");
    expect(res.text).to.contain("家长未回复");
    expect(res.text).to.contain("病假");
    expect(res.text).to.contain(leave.name);
    expect((await teacher.get("/attendance/summary")).status).to.equal(403);
    expect((await family.get("/attendance/summary")).status).to.equal(403);
    expect((await admin.get(`/attendance/summary?date=${DATE}`)).text).to.contain(child.name);
  });

  it("When the service day ends, then each class teacher gets the day's counts once and the staff group a count-only line, whatever the number of instances", async () => {
    // 15:00 school time is before the day's last session ends; 20:00 is after.
    expect(await sendDaySummaries(ctx.db.ds, new Date(`${DATE}T07:00:00Z`))).to.equal(0);
    expect(await staffNotices("attendance.daySummary")).to.have.length(0);
    const evening = new Date(`${DATE}T12:00:00Z`);
    const sent = await Promise.all([1, 2, 3].map(() => sendDaySummaries(ctx.db.ds, evening)));
    expect(sent.filter((n) => n > 0)).to.have.length(1);
    const notices = await staffNotices("attendance.daySummary");
    expect(notices.length).to.equal(sent.find((n) => n > 0));
    const own = notices.find((n) => n.staffId === classTeacherId)!;
    expect(own.payload).to.include({ date: DATE, classes: "三年级(1)班", absent: 4, answered: 2, leave: 1 });
    const group = await groupRows("attendance.daySummary");
    expect(group).to.have.length(1);
    expect(Object.keys(group[0].payload).sort()).to.deep.equal([
      "absent",
      "answered",
      "date",
      "early",
      "leave",
      "link",
    ]);
    expect(await sendDaySummaries(ctx.db.ds, new Date(`${DATE}T13:00:00Z`))).to.equal(0);
    expect(await staffNotices("attendance.daySummary")).to.have.length(notices.length);
  });
});
