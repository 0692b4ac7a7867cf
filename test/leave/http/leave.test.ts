// Leave requests end to end over HTTP: a family asks, the class teacher's list of
// the day shows it, the register opens with the child excused, saving it raises
// no absence alert; confirm, query, withdraw; the pages that show "请假".
import { expect } from "chai";
import type { Express } from "express";
import { forEachDatabase } from "../../support/databases";
import { demoApp, familyLogin, staffLogin } from "../../support/demo-app";
import { Agent, csrfFrom, formToken, loginAs } from "../../support/http";
import { seedDemoEnrollments } from "../../../seeds/demo-enrollments";
import { setSchoolClock } from "../../../src/kernel";
import { Attendance, AttendanceAlert } from "../../../src/attendance/entities";
import { AuditEntry, SchoolClass, Setting, Student, TimetableEntry } from "../../../src/db/entities";
import { Notification, OutboxDelivery } from "../../../src/notifications/entities";
import { LeaveRequest } from "../../../src/leave/entities";
import { leaveOn } from "../../../src/leave";

const at = (date: string) => () => new Date(`${date}T01:00:00Z`); // 09:00 at the school (Asia/Shanghai)

forEachDatabase("leave requests (请假)", (ctx) => {
  let app: Express;
  let logins: Awaited<ReturnType<typeof demoApp>>["logins"];
  let family: Agent;
  let classTeacher: Agent;
  let admin: Agent;
  let teacher: Agent;
  let cls: SchoolClass;
  let tuesday: TimetableEntry;
  let child: Student; // the first demo family's child, in class 3-1, enrolled on Tuesdays
  const reg = (entry: TimetableEntry, date: string) => `/attendance/sessions/${entry.id}/${date}`;
  const requests = () => ctx.db.ds.getRepository(LeaveRequest).find({ order: { id: "ASC" } });

  before(async function () {
    this.timeout(180_000);
    ({ app, logins } = await demoApp(ctx.db));
    await seedDemoEnrollments(ctx.db.ds);
    setSchoolClock(at("2026-09-15"));
    const ds = ctx.db.ds;
    cls = await ds.getRepository(SchoolClass).findOneByOrFail({ name: "三年级(1)班" });
    tuesday = await ds.getRepository(TimetableEntry).findOneByOrFail({ classId: cls.id, weekday: 2, kind: "homework" });
    child = await ds.getRepository(Student).findOneByOrFail({ studentNumber: logins.families[0].studentNumber });
    family = await loginAs(app, familyLogin(logins, 0));
    const privacy = await family.get("/privacy");
    await family
      .post("/privacy/accept")
      .type("form")
      .send({ _csrf: csrfFrom(privacy.text), accept: "1" });
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
      .send({ ...body, _csrf: await formToken(agent, "/") });
  const ask = (body: Record<string, string>) =>
    post(family, "/leave", { studentId: String(child.id), scope: "all", kind: "sick", ...body });

  it("When a family opens its leave page before asking anything, then it sees an empty list and the way to ask", async () => {
    const page = await family.get("/leave");
    expect(page.status).to.equal(200);
    expect(page.text).to.contain("暂无待进行的请假");
    expect(page.text).to.contain('href="/leave/new"');
    const form = await family.get("/leave/new");
    expect(form.status).to.equal(200);
    expect(form.text).to.contain('name="fromDate" type="date" value="2026-09-15"');
    expect(form.text).to.contain(child.name);
  });

  it("When the dates or fields are wrong, then the form answers 400 naming the field and nothing is saved", async () => {
    const cases: [Record<string, string>, string, string][] = [
      [{ fromDate: "2026-09-14" }, "err-fromDate", "不能为过去的日期请假"],
      [{ fromDate: "2026-09-17", toDate: "2026-09-16" }, "err-toDate", "结束日期不能早于开始日期"],
      [{ fromDate: "2026-10-01", toDate: "2026-10-07" }, "err-fromDate", "没有上学日"],
      [{ fromDate: "2026-09-15", toDate: "2026-12-31" }, "err-toDate", "最多请 30 个上学日"],
      [{ fromDate: "2027-03-01" }, "err-fromDate", "本学期内"],
      [{ fromDate: "2026-9-15" }, "err-fromDate", "有效日期"],
      [{ fromDate: "2026-09-15", kind: "holiday" }, "err-kind", "请选择请假类型"],
      [{ fromDate: "2026-09-15", note: "很长".repeat(101) }, "err-note", "内容过长"],
      [{ fromDate: "2026-09-15", scope: "session" }, "err-entryId", "请选择这一天孩子的一节课"],
      [
        { fromDate: "2026-09-15", toDate: "2026-09-16", scope: "session", entryId: String(tuesday.id) },
        "err-entryId",
        "同一天",
      ],
      [{ fromDate: "2026-09-15", studentId: "999999" }, "err-studentId", "请选择孩子"],
    ];
    for (const [body, field, text] of cases) {
      const res = await ask(body);
      expect(res.status, JSON.stringify(body)).to.equal(400);
      expect(res.text, JSON.stringify(body)).to.contain(`id="${field}"`);
      expect(res.text, JSON.stringify(body)).to.contain(text);
    }
    expect(await requests()).to.deep.equal([]);
  });

  it("When a family asks leave for today and tomorrow, then it is saved pending, audited, and the class teacher's list of the day shows it", async () => {
    // The school has set up e-mail: the class teacher's notice also goes out as an e-mail delivery.
    await ctx.db.ds.getRepository(Setting).save([
      { key: "notify.smtp.host", value: "127.0.0.1" },
      { key: "notify.smtp.from", value: "kehou@school.example" },
    ]);
    const res = await ask({ fromDate: "2026-09-15", toDate: "2026-09-16", note: "发烧，去医院" });
    expect(res.status).to.equal(303);
    expect(res.headers.location).to.equal("/leave");
    const [saved] = await requests();
    expect(saved).to.deep.include({
      studentId: child.id,
      fromDate: "2026-09-15",
      toDate: "2026-09-16",
      entryId: null,
      kind: "sick",
      status: "pending",
      note: "发烧，去医院",
    });
    const audit = await ctx.db.ds
      .getRepository(AuditEntry)
      .findOneByOrFail({ action: "leave.request", entityId: String(saved.id) });
    expect(audit.actorKind).to.equal("family");
    // The class teacher's notice: an in-app row in the staff inbox (and an e-mail delivery when the account has one).
    const notice = await ctx.db.ds
      .getRepository(Notification)
      .findOneByOrFail({ staffId: cls.classTeacherId!, kind: "leave.requested" });
    expect(notice.payload).to.deep.include({ child: child.name, from: "2026-09-15", to: "2026-09-16" });
    expect((await classTeacher.get("/notifications")).text).to.contain(`${child.name}（三年级(1)班）请假`);
    const deliveries = await ctx.db.ds
      .getRepository(OutboxDelivery)
      .findBy({ kind: "leave.requested", recipientKind: "staff", recipientId: cls.classTeacherId! });
    expect(deliveries.map((d) => d.channel)).to.deep.equal(["email"]);
    const mine = await family.get("/leave");
    expect(mine.text).to.contain("待班主任确认");
    expect(mine.text).to.contain("病假");
    const list = await classTeacher.get("/leave/requests");
    expect(list.status).to.equal(200);
    expect(list.text).to.contain(child.name);
    expect(list.text).to.contain("发烧，去医院");
    expect(list.text).to.contain(`/leave/requests/${saved.id}/confirm`);
    expect((await classTeacher.get("/leave/requests?date=2026-09-17")).text).to.not.contain(child.name);
    expect((await admin.get("/leave/requests?date=2026-09-16")).text).to.contain(child.name);
    expect((await teacher.get("/leave/requests")).status).to.equal(403);
    expect((await classTeacher.get("/leave/requests?date=2026-13-01")).status).to.equal(400);
  });

  it("When the same dates are asked again, then the second request is refused as overlapping", async () => {
    const res = await ask({ fromDate: "2026-09-16" });
    expect(res.status).to.equal(400);
    expect(res.text).to.contain("这段日期已有请假");
    expect(await requests()).to.have.length(1);
  });

  it("When the class teacher opens the register, then the child is pre-marked excused with the kind; saving it raises no alert", async () => {
    const page = await classTeacher.get(reg(tuesday, "2026-09-15"));
    expect(page.status).to.equal(200);
    const row = page.text.slice(page.text.indexOf(`id="s-${child.id}"`));
    const li = row.slice(0, row.indexOf("</li>"));
    expect(li).to.contain("已请假·病假");
    expect(li).to.match(new RegExp(`name="s_${child.id}" value="excused" checked`));
    expect(li).to.not.match(/value="present" checked/);
    // The teacher sends the register as it opened: the child excused, one other child absent.
    const other = (await ctx.db.ds.getRepository(Student).find({ where: { classId: cls.id } })).find(
      (s) => s.id !== child.id && page.text.includes(`id="s-${s.id}"`),
    )!;
    const saved = await post(classTeacher, reg(tuesday, "2026-09-15"), {
      [`s_${child.id}`]: "excused",
      [`s_${other.id}`]: "absent",
    });
    expect(saved.status).to.equal(303);
    const alerts = await ctx.db.ds.getRepository(AttendanceAlert).findBy({ entryId: tuesday.id, date: "2026-09-15" });
    expect(alerts.map((a) => a.studentId)).to.deep.equal([other.id]);
    const mark = await ctx.db.ds
      .getRepository(Attendance)
      .findOneByOrFail({ entryId: tuesday.id, date: "2026-09-15", studentId: child.id });
    expect(mark.status).to.equal("excused");
  });

  it("When the class's day and the family timetable are opened, then both show the child on leave", async () => {
    const day = await classTeacher.get(`/classes/${cls.id}/day?date=2026-09-15`);
    expect(day.status).to.equal(200);
    const row = day.text.slice(day.text.indexOf(`id="child-${child.id}"`));
    expect(row.slice(0, row.indexOf("</tr>"))).to.contain("已请假·病假");
    const week = await family.get("/timetable?week=2026-09-14");
    expect(week.status).to.equal(200);
    const tue = week.text.slice(week.text.indexOf('id="day-2026-09-15"'));
    expect(tue.slice(0, tue.indexOf("</section>"))).to.contain("请假·病假");
    const thu = week.text.slice(week.text.indexOf('id="day-2026-09-17"'));
    expect(thu.slice(0, thu.indexOf("</section>"))).to.not.contain("请假·");
  });

  it("When the teacher queries without a message, then 400 names the message; with one, the family sees it and is notified", async () => {
    const [r] = await requests();
    const empty = await post(classTeacher, `/leave/requests/${r.id}/query`, { reply: "  ", date: "2026-09-15" });
    expect(empty.status).to.equal(400);
    expect(empty.text).to.contain('id="err-reply"');
    expect((await ctx.db.ds.getRepository(LeaveRequest).findOneByOrFail({ id: r.id })).status).to.equal("pending");
    const asked = await post(classTeacher, `/leave/requests/${r.id}/query`, {
      reply: "请补交医院证明",
      date: "2026-09-15",
    });
    expect(asked.status).to.equal(303);
    expect(asked.headers.location).to.equal("/leave/requests?date=2026-09-15");
    const stored = await ctx.db.ds.getRepository(LeaveRequest).findOneByOrFail({ id: r.id });
    expect(stored).to.deep.include({ status: "queried", reply: "请补交医院证明" });
    const notice = await ctx.db.ds
      .getRepository(Notification)
      .findOneByOrFail({ familyId: child.familyId, kind: "leave.queried" });
    expect(notice.payload).to.deep.include({ child: child.name, message: "请补交医院证明", link: "/leave" });
    const mine = await family.get("/leave");
    expect(mine.text).to.contain("班主任有疑问：请补交医院证明");
    expect((await family.get("/notifications")).text).to.contain("有疑问：请补交医院证明");
    expect(await ctx.db.ds.getRepository(AuditEntry).countBy({ action: "leave.query" })).to.equal(1);
  });

  it("When the teacher confirms, then the family sees it confirmed and is notified; the register still pre-marks the child", async () => {
    const [r] = await requests();
    expect((await post(classTeacher, `/leave/requests/${r.id}/confirm`, { date: "2026-09-15" })).status).to.equal(303);
    const stored = await ctx.db.ds.getRepository(LeaveRequest).findOneByOrFail({ id: r.id });
    expect(stored).to.deep.include({ status: "confirmed", reply: null });
    expect(await ctx.db.ds.getRepository(Notification).countBy({ kind: "leave.confirmed" })).to.equal(1);
    expect((await family.get("/leave")).text).to.contain("班主任已确认");
    expect(await ctx.db.ds.getRepository(AuditEntry).countBy({ action: "leave.confirm" })).to.equal(1);
    const marks = await leaveOn(ctx.db.ds, "2026-09-16");
    expect(marks.get(child.id)).to.deep.include({ kind: "sick", status: "confirmed", entryIds: "all" });
  });

  it("When a family asks leave from one session next week, then only that session is covered, and it may withdraw it (confirm first)", async () => {
    const form = await family.get(`/leave/new?studentId=${child.id}&date=2026-09-22`);
    expect(form.text).to.contain(`<option value="${tuesday.id}"`);
    const res = await ask({ fromDate: "2026-09-22", scope: "session", entryId: String(tuesday.id), kind: "personal" });
    expect(res.status).to.equal(303);
    const r = (await requests()).at(-1)!;
    expect(r).to.deep.include({ entryId: tuesday.id, fromDate: "2026-09-22", toDate: "2026-09-22", kind: "personal" });
    expect(r.sessionTitle).to.equal(tuesday.title);
    expect((await leaveOn(ctx.db.ds, "2026-09-22")).get(child.id)?.entryIds).to.deep.equal([tuesday.id]);
    const confirm = await family.get(`/leave/${r.id}/withdraw`);
    expect(confirm.status).to.equal(200);
    expect(confirm.text).to.contain("确定撤回");
    expect((await post(family, `/leave/${r.id}/withdraw`, {})).status).to.equal(303);
    expect((await ctx.db.ds.getRepository(LeaveRequest).findOneByOrFail({ id: r.id })).status).to.equal("withdrawn");
    expect((await leaveOn(ctx.db.ds, "2026-09-22")).has(child.id)).to.equal(false);
    expect(await ctx.db.ds.getRepository(AuditEntry).countBy({ action: "leave.withdraw" })).to.equal(1);
  });

  it("When a family tries to withdraw leave that has started, then it is refused and nothing changes", async () => {
    const [r] = await requests();
    expect((await family.get(`/leave/${r.id}/withdraw`)).text).to.contain("不能再撤回");
    expect((await post(family, `/leave/${r.id}/withdraw`, {})).status).to.equal(409);
    expect((await ctx.db.ds.getRepository(LeaveRequest).findOneByOrFail({ id: r.id })).status).to.equal("confirmed");
  });

  it("When the admin exports the child's data, then the leave requests are in it", async () => {
    const res = await admin.get(`/admin/students/${child.id}/export.json`);
    expect(res.status).to.equal(200);
    const rows = (res.body as { leaveRequests: { fromDate: string; status: string; reply: string | null }[] })
      .leaveRequests;
    expect(rows.map((r) => [r.fromDate, r.status])).to.deep.equal([
      ["2026-09-15", "confirmed"],
      ["2026-09-22", "withdrawn"],
    ]);
  });

  it("When the teacher taps all present on a register with a child on leave, then that child is excused, not present", async () => {
    expect((await ask({ fromDate: "2026-09-29", kind: "other" })).status).to.equal(303);
    setSchoolClock(at("2026-09-29"));
    try {
      expect((await classTeacher.get(reg(tuesday, "2026-09-29"))).text).to.contain("已请假·其他");
      expect((await post(classTeacher, `${reg(tuesday, "2026-09-29")}/all-present`, {})).status).to.equal(303);
      const marks = await ctx.db.ds.getRepository(Attendance).findBy({ entryId: tuesday.id, date: "2026-09-29" });
      expect(marks.length).to.be.greaterThan(1);
      expect(marks.filter((m) => m.status !== "present").map((m) => [m.studentId, m.status])).to.deep.equal([
        [child.id, "excused"],
      ]);
      expect(
        await ctx.db.ds.getRepository(AttendanceAlert).countBy({ entryId: tuesday.id, date: "2026-09-29" }),
      ).to.equal(0);
    } finally {
      setSchoolClock(at("2026-09-15"));
    }
  });

  it("When the English pages are asked for, then the leave pages speak English", async () => {
    const en = await loginAs(app, familyLogin(logins, 0));
    await en
      .post("/lang")
      .type("form")
      .send({ _csrf: await formToken(en, "/"), lang: "en" });
    const page = await en.get("/leave");
    expect(page.text).to.contain("Confirmed by the class teacher");
    expect(page.text).to.contain("Sick leave");
  });
});
