// Issue 17: per-date changes to the week. A session (or a whole day, for the
// school or a grade) is cancelled with a reason, and a session is covered (代课)
// by another staff member on one date. The timetable's sessionsOn applies them,
// so the registers, the staff home page and the dismissal lists follow.
import { expect } from "chai";
import type { Express } from "express";
import { forEachDatabase } from "../../support/databases";
import { demoApp, familyLogin, staffLogin } from "../../support/demo-app";
import { Agent, csrfFrom, formToken, loginAs } from "../../support/http";
import type { DemoLogins } from "../../../seeds/demo";
import { seedDemoEnrollments } from "../../../seeds/demo-enrollments";
import { setSchoolClock } from "../../../src/kernel";
import { sessionsOn, type DatedSession } from "../../../src/timetable";
import { Attendance } from "../../../src/attendance/entities";
import { AuditEntry, SchoolClass, Staff } from "../../../src/db/entities";

const at = (date: string) => () => new Date(`${date}T08:00:00Z`); // 16:00 at the school (Asia/Shanghai)
const TUESDAY = "2026-09-15";
const WEDNESDAY = "2026-09-16";

forEachDatabase("per-date changes: cancelled sessions and days, cover (代课)", (ctx) => {
  let app: Express;
  let logins: DemoLogins;
  let admin: Agent;
  let teacher: Agent;
  let classTeacher: Agent;
  let cls: SchoolClass;
  let teacherId: number;
  let homework: DatedSession; // 三年级(1)班's Tuesday homework help, led by its class teacher
  let sport: DatedSession; // grade 3's Tuesday sport (period 2)
  const reg = (s: DatedSession) => `/attendance/sessions/${s.entry.id}/${s.date}`;
  const on = async (date: string, entryId: number) =>
    (await sessionsOn(ctx.db.ds.manager, date)).sessions.find((s) => s.entry.id === entryId)!;
  const post = async (agent: Agent, path: string, body: Record<string, string>) =>
    agent
      .post(path)
      .type("form")
      .send({ ...body, _csrf: await formToken(agent, "/") });
  const audits = (action: string) => ctx.db.ds.getRepository(AuditEntry).countBy({ action });

  before(async function () {
    this.timeout(180_000);
    const seeded = await demoApp(ctx.db);
    ({ app, logins } = seeded);
    await seedDemoEnrollments(ctx.db.ds);
    setSchoolClock(at(TUESDAY));
    const ds = ctx.db.ds;
    cls = await ds.getRepository(SchoolClass).findOneByOrFail({ name: "三年级(1)班" });
    teacherId = (await ds.getRepository(Staff).findOneByOrFail({ email: staffLogin(seeded.logins, "teacher").email }))
      .id;
    const day = (await sessionsOn(ds.manager, TUESDAY)).sessions;
    homework = day.find((s) => s.entry.classId === cls.id && s.entry.kind === "homework")!;
    sport = day.find((s) => s.entry.kind === "sport" && s.entry.grades.includes(3))!;
    expect(homework.staffId).to.equal(cls.classTeacherId);
    expect(sport, "grade 3 has sport on Tuesdays").to.not.equal(undefined);
    // The covering teacher must be free in the homework period that day.
    expect(day.filter((s) => s.staffId === teacherId && s.entry.periodId === homework.entry.periodId)).to.deep.equal(
      [],
    );
    [admin, teacher, classTeacher] = await Promise.all([
      loginAs(app, staffLogin(seeded.logins, "admin")),
      loginAs(app, staffLogin(seeded.logins, "teacher")),
      loginAs(app, staffLogin(seeded.logins, "class_teacher")),
    ]);
  });
  after(() => setSchoolClock());

  it("When the admin opens a date of the published timetable, then that day's sessions are listed with cancel and cover actions and the term has no changes yet", async () => {
    const page = await admin.get(`/admin/timetable/dates?date=${TUESDAY}`);
    expect(page.status).to.equal(200);
    expect(page.text).to.contain(homework.entry.title);
    expect(page.text).to.contain(`href="/admin/timetable/dates/${TUESDAY}/sessions/${homework.entry.id}"`);
    expect(page.text).to.contain('class="empty date-changes-none"');
    const session = await admin.get(`/admin/timetable/dates/${TUESDAY}/sessions/${homework.entry.id}`);
    expect(session.status).to.equal(200);
    expect(session.text).to.contain('action="/admin/timetable/dates/cancel"');
    expect(session.text).to.contain('action="/admin/timetable/dates/cover"');
    // A holiday has no sessions: an empty state, not an error.
    const holiday = await admin.get("/admin/timetable/dates?date=2026-10-01");
    expect(holiday.status).to.equal(200);
    expect(holiday.text).to.contain('class="empty date-sessions-none"');
    expect((await admin.get("/admin/timetable/dates?date=2026-13-45")).status).to.equal(400);
  });

  it("When a cover names a bad date, a date the session does not run, a staff member who already leads a session then or no one, then it is refused with 400 naming the field and nothing changes", async () => {
    const other = await ctx.db.ds.getRepository(SchoolClass).findOneByOrFail({ name: "三年级(2)班" });
    const cases: [Record<string, string>, string][] = [
      [{ date: "2027-03-01", entryId: String(homework.entry.id), staffId: String(teacherId) }, "date"],
      [{ date: "2026-13-45", entryId: String(homework.entry.id), staffId: String(teacherId) }, "date"],
      [{ date: WEDNESDAY, entryId: String(homework.entry.id), staffId: String(teacherId) }, "date"],
      [{ date: TUESDAY, entryId: String(homework.entry.id), staffId: String(other.classTeacherId) }, "staffId"],
      [{ date: TUESDAY, entryId: String(homework.entry.id), staffId: String(homework.entry.staffId) }, "staffId"],
      [{ date: TUESDAY, entryId: String(homework.entry.id), staffId: "999999" }, "staffId"],
      [{ date: TUESDAY, entryId: "999999", staffId: String(teacherId) }, "entryId"],
    ];
    for (const [body, field] of cases) {
      const res = await post(admin, "/admin/timetable/dates/cover", body);
      expect(res.status, JSON.stringify(body)).to.equal(400);
      expect(res.text, JSON.stringify(body)).to.contain(`id="err-${field}"`);
    }
    expect((await on(TUESDAY, homework.entry.id)).covered).to.equal(false);
    expect(await audits("date-change.cover")).to.equal(0);
  });

  it("When the admin covers a session with another teacher, then that date's session is theirs: sessionsOn, their register, their home page and day; the own teacher no longer takes it", async () => {
    const res = await post(admin, "/admin/timetable/dates/cover", {
      date: TUESDAY,
      entryId: String(homework.entry.id),
      staffId: String(teacherId),
    });
    expect(res.status).to.equal(303);
    const covered = await on(TUESDAY, homework.entry.id);
    expect(covered).to.include({ staffId: teacherId, covered: true, cancelled: null });
    // Another date of the same weekly session is untouched.
    expect((await on("2026-09-22", homework.entry.id)).staffId).to.equal(cls.classTeacherId);
    expect(await audits("date-change.cover")).to.equal(1);

    expect((await teacher.get(reg(homework))).status).to.equal(200);
    expect((await post(teacher, `${reg(homework)}/all-present`, {})).status).to.equal(303);
    expect(
      await ctx.db.ds.getRepository(Attendance).countBy({ entryId: homework.entry.id, date: TUESDAY }),
    ).to.be.greaterThan(0);
    expect((await classTeacher.get(reg(homework))).status).to.equal(403);
    expect((await teacher.get("/attendance")).text).to.contain(`href="${reg(homework)}"`);
    expect((await classTeacher.get("/attendance")).text).to.not.contain(`href="${reg(homework)}"`);
    const home = (await teacher.get("/")).text;
    expect(home).to.contain('class="date-change covered"');
    expect(home).to.contain(homework.entry.title);
    expect(home).to.contain(`href="${reg(homework)}"`);
    expect((await classTeacher.get("/")).text).to.contain('class="date-change covered-by-other"');

    const again = await post(admin, "/admin/timetable/dates/cover", {
      date: TUESDAY,
      entryId: String(homework.entry.id),
      staffId: String(teacherId),
    });
    expect(again.status).to.equal(400);
    expect(again.text).to.contain('id="err-entryId"');
  });

  it("When a cancellation has no reason kind or too long a note, then it is refused with 400 naming the field and the session still runs", async () => {
    for (const [body, field] of [
      [{ date: TUESDAY, scope: "session", entryId: String(sport.entry.id), reason: "sunshine" }, "reason"],
      [
        { date: TUESDAY, scope: "session", entryId: String(sport.entry.id), reason: "weather", note: "雨".repeat(201) },
        "note",
      ],
      [{ date: TUESDAY, scope: "day", grade: "9", reason: "outing" }, "grade"],
      [{ date: "2026-10-01", scope: "day", grade: "", reason: "event" }, "date"],
    ] as [Record<string, string>, string][]) {
      const res = await post(admin, "/admin/timetable/dates/cancel", body);
      expect(res.status, JSON.stringify(body)).to.equal(400);
      expect(res.text, JSON.stringify(body)).to.contain(`id="err-${field}"`);
    }
    expect((await on(TUESDAY, sport.entry.id)).cancelled).to.equal(null);
  });

  it("When the admin cancels a session for rain, then it has no register, and its children leave as if it were not held", async () => {
    const before = await classTeacher.get(`/attendance/dismissal?date=${TUESDAY}&class=${cls.id}`);
    expect(before.text).to.contain("17:50 离校");
    const res = await post(admin, "/admin/timetable/dates/cancel", {
      date: TUESDAY,
      scope: "session",
      entryId: String(sport.entry.id),
      reason: "weather",
      note: "暴雨",
    });
    expect(res.status).to.equal(303);
    expect((await on(TUESDAY, sport.entry.id)).cancelled).to.equal("weather");
    expect(await audits("date-change.cancel")).to.equal(1);

    expect((await admin.get(reg(sport))).status).to.equal(404);
    expect((await post(admin, `${reg(sport)}/all-present`, {})).status).to.equal(404);
    expect(await ctx.db.ds.getRepository(Attendance).countBy({ entryId: sport.entry.id, date: TUESDAY })).to.equal(0);
    // Grade 3's sport was the last session: its children now leave after homework help.
    const after = await classTeacher.get(`/attendance/dismissal?date=${TUESDAY}&class=${cls.id}`);
    expect(after.text).to.contain("16:40 离校");
    expect(after.text).to.not.contain("17:50 离校");
    const again = await post(admin, "/admin/timetable/dates/cancel", {
      date: TUESDAY,
      scope: "session",
      entryId: String(sport.entry.id),
      reason: "other",
    });
    expect(again.status).to.equal(400);
    expect(again.text).to.contain('id="err-entryId"');
  });

  it("When a grade's day is cancelled for an outing, then every session of that grade that day is cancelled and the other grades' sessions run", async () => {
    const res = await post(admin, "/admin/timetable/dates/cancel", {
      date: WEDNESDAY,
      scope: "day",
      grade: "4",
      reason: "outing",
    });
    expect(res.status).to.equal(303);
    const day = (await sessionsOn(ctx.db.ds.manager, WEDNESDAY)).sessions;
    const grade4 = day.filter((s) => s.entry.grades.length > 0 && s.entry.grades.every((g) => g === 4));
    expect(grade4.length).to.be.greaterThan(0);
    expect(grade4.every((s) => s.cancelled === "outing")).to.equal(true);
    expect(day.filter((s) => s.entry.grades.includes(5)).every((s) => s.cancelled === null)).to.equal(true);
  });

  it("When the admin reads the date pages in English, then the day's changes and the forms are in English, with no key showing", async () => {
    await admin
      .post("/lang")
      .type("form")
      .send({ lang: "en", _csrf: csrfFrom((await admin.get("/")).text) });
    try {
      const day = await admin.get(`/admin/timetable/dates?date=${TUESDAY}`);
      expect(day.text).to.contain("Cancellations and cover");
      expect(day.text).to.contain("Cancelled (weather)");
      const form = await admin.get(`/admin/timetable/dates/${TUESDAY}/sessions/${sport.entry.id}`);
      expect(form.text).to.contain("Arrange cover");
      for (const page of [day.text, form.text]) expect(page).to.not.match(/dateChanges\./);
    } finally {
      await admin
        .post("/lang")
        .type("form")
        .send({ lang: "zh-CN", _csrf: csrfFrom((await admin.get("/")).text) });
    }
  });

  it("When the admin removes a change through its confirm page, then the week is back as published and the removal is audited", async () => {
    const list = await admin.get("/admin/timetable/dates");
    expect(list.status).to.equal(200);
    const link = new RegExp(`href="(/admin/timetable/dates/changes/cover/(\\d+)/remove)"`).exec(list.text);
    expect(link, "the term's changes list each change with a remove link").to.not.equal(null);
    expect((await admin.get(link![1])).status).to.equal(200);
    expect((await post(admin, link![1], {})).status).to.equal(303);
    expect(await on(TUESDAY, homework.entry.id)).to.include({ staffId: cls.classTeacherId, covered: false });
    expect(await audits("date-change.remove")).to.equal(1);
    expect((await admin.get(link![1])).status).to.equal(404);
  });

  it("When a teacher or a family opens the date-change pages, then they are refused", async () => {
    expect((await teacher.get("/admin/timetable/dates")).status).to.equal(403);
    const family = await loginAs(app, familyLogin(logins, 0));
    await family
      .post("/privacy/accept")
      .type("form")
      .send({ _csrf: csrfFrom((await family.get("/privacy")).text), accept: "1" });
    expect((await family.get(`/admin/timetable/dates/${TUESDAY}/sessions/${homework.entry.id}`)).status).to.equal(403);
    const token = csrfFrom((await teacher.get("/attendance")).text);
    const res = await teacher
      .post("/admin/timetable/dates/cancel")
      .type("form")
      .send({ _csrf: token, date: TUESDAY, scope: "day", grade: "", reason: "event" });
    expect(res.status).to.equal(403);
    expect(
      (await sessionsOn(ctx.db.ds.manager, TUESDAY)).sessions.filter((s) => s.cancelled === "event"),
    ).to.deep.equal([]);
  });
});
