// Issues 21 and 22, "done when": a school week with leave, an absence and an
// early pick-up, played through the real app by every role on the generated
// school (test/support/generated-school.ts, the play-through's school). On
// Monday a family asks leave for Tuesday for child A and the class teacher
// confirms it; on Tuesday every register of the day is taken by the teacher who
// leads it (A opens excused, B is marked absent without leave, the rest
// present); near the end of C's day the class teacher records that someone not
// on the family's list collected C. Then every page and output that shows a
// child's day is read (test/support/school-day-pages.ts) and must agree: the
// registers, the class's day, the families' timetable, home, leave and pick-up
// pages, the day summary, the club report's export, the children's calendar
// feeds and the notices (inbox and outbox: who is told of what, and never a
// child's name in a staff group's message).
import { expect } from "chai";
import type { Express } from "express";
import { forEachDatabase } from "../../support/databases";
import { testApp, loginAs, formToken, type Agent } from "../../support/http";
import { buildGeneratedSchool, FAMILY_CODE, PASSWORD, type GeneratedSchool } from "../../support/generated-school";
import { childFeedPath, feedEntriesByDate } from "../../support/membership-pages";
import * as day from "../../support/school-day-pages";
import { pointAtReceivers } from "../../notifications/support/school";
import { setSchoolClock, schoolZone } from "../../../src/kernel";
import { sessionsOn } from "../../../src/timetable";
import { membersOn } from "../../../src/membership";
import { sendDaySummaries } from "../../../src/attendance";
import { Attendance } from "../../../src/attendance/entities";
import { seedDemoChoices } from "../../../seeds/demo-choices";
import { ChoiceRound } from "../../../src/choices/entities";
import { LeaveRequest } from "../../../src/leave/entities";
import { Notification, OutboxDelivery } from "../../../src/notifications/entities";
import { Period, ServiceEnrollment, Staff, Student } from "../../../src/db/entities";
import { inTransaction } from "../../../src/db/transaction";

const MONDAY = "2026-09-14";
const TUESDAY = "2026-09-15";
/** A wall-clock time at the school (Asia/Shanghai, UTC+8) on a date. */
const at = (date: string, time: string) => {
  const [h, m] = time.split(":").map(Number);
  return new Date(
    Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)), h - 8, m),
  );
};
/** A wall-clock time moved by some minutes ("17:30", -10 → "17:20"). */
const shift = (time: string, minutes: number) => {
  const [h, m] = time.split(":").map(Number);
  const total = h * 60 + m + minutes;
  return `${String(Math.floor(total / 60)).padStart(2, "0")}:${String(total % 60).padStart(2, "0")}`;
};
// The school day's notices (the allocation's publication notices families too, in its own time).
const ofTheDay = (n: { kind: string }) => /^(leave|attendance|pickup)\./.test(n.kind);
const kindsOf = (rows: { kind: string }[]) => [...new Set(rows.map((r) => r.kind))].sort();

forEachDatabase("a school week with leave, an absence and an early pick-up, as every role sees it", (ctx) => {
  let school: GeneratedSchool;
  let app: Express;
  let admin: Agent;
  let classTeacher: Agent;
  let classTeacherId: number;
  let A: Student;
  let B: Student;
  let C: Student;
  let D: Student;
  const families = new Map<number, Agent>();
  /** Registers taken on Tuesday: entry id → the agent of the teacher who took it. */
  const registers = new Map<number, Agent>();
  let leaveId: number;
  let pickedUpAt: string;
  /** The last notice and delivery before the week began (the allocation's publication wrote some). */
  const start = { notice: 0, delivery: 0 };
  let beforeRegisters: Awaited<ReturnType<typeof day.classDayMarks>>;
  const ds = () => ctx.db.ds;
  const familyOf = (s: Student) => families.get(s.id)!;
  const post = async (agent: Agent, path: string, formPath: string, body: Record<string, unknown>) => {
    const res = await agent
      .post(path)
      .type("form")
      .send({ ...body, _csrf: await formToken(agent, formPath) });
    if (res.status !== 302 && res.status !== 303) throw new Error(`POST ${path} answered ${res.status}`);
    return res;
  };

  before(async function () {
    this.timeout(300_000);
    school = await buildGeneratedSchool(ds());
    app = testApp(ds());
    setSchoolClock(() => at("2026-08-28", "08:00"));
    admin = await loginAs(app, { email: school.adminEmail, password: PASSWORD });
    await post(admin, "/admin/timetable/publish", "/admin/timetable/publish", { reason: "生成学校：学期课表" });
    // The clubs' members, as the play-through places them (allocation published through the admin pages).
    const { round } = await seedDemoChoices(ds(), { students: school.children.length, seed: 17, clubSize: 5 });
    await inTransaction(ds(), async (em) => {
      await em.getRepository(ChoiceRound).update({ id: round.id }, { maxClubsPerChild: 2 });
      await em.getRepository(ServiceEnrollment).update({ termId: school.termId }, { weekdays: [1, 2, 3, 4, 5] });
    });
    const run = await post(admin, `/admin/rounds/${round.id}/runs`, `/admin/rounds/${round.id}/runs`, {
      mechanism: "optimal",
      seed: "2026",
      note: "",
    });
    const runPath = run.headers.location;
    await post(admin, `${runPath}/publish`, runPath, { overrideReason: "生成学校：规则另有测试" });
    // E-mail and the staff groups are configured, so the outbox holds what each channel would carry.
    await pointAtReceivers(ds(), { smtpPort: 2525, robotUrl: "http://127.0.0.1:9" });

    // Four children of one class, each the only child of their family: A (leave), B (absent), C (collected), D (an ordinary day).
    const cls = school.classes[0];
    classTeacherId = cls.classTeacherId!;
    const pupils = school.children.filter((c) => c.classId === cls.id);
    const only = pupils.filter((c) => school.families.get(c.familyId)!.length === 1);
    [A, B, C, D] = only;
    expect(D, "four single-child families in the class").to.not.equal(undefined);
    for (const child of [A, B, C, D])
      families.set(child.id, await loginAs(app, { studentNumber: child.studentNumber, code: FAMILY_CODE }));
    const teacher = await ds().getRepository(Staff).findOneByOrFail({ id: classTeacherId });
    classTeacher = await loginAs(app, { email: teacher.email!, password: PASSWORD });

    const last = async (entity: typeof Notification | typeof OutboxDelivery) =>
      (
        await ds()
          .getRepository(entity)
          .find({ order: { id: "DESC" }, take: 1 })
      )[0]?.id ?? 0;
    start.notice = await last(Notification);
    start.delivery = await last(OutboxDelivery);

    // Monday: A's family asks leave for Tuesday; the class teacher confirms it from their list of that day.
    setSchoolClock(() => at(MONDAY, "07:30"));
    await post(familyOf(A), "/leave", "/leave/new", {
      studentId: String(A.id),
      fromDate: TUESDAY,
      toDate: "",
      scope: "all",
      kind: "sick",
      note: "发烧",
    });
    setSchoolClock(() => at(MONDAY, "12:00"));
    const list = await classTeacher.get(`/leave/requests?date=${TUESDAY}`);
    leaveId = Number(/id="leave-(\d+)"/.exec(list.text)![1]);
    await post(classTeacher, `/leave/requests/${leaveId}/confirm`, `/leave/requests?date=${TUESDAY}`, {
      date: TUESDAY,
    });

    beforeRegisters = await day.classDayMarks(classTeacher, cls.id, TUESDAY);

    // Tuesday: each session's own teacher takes its register as it starts, in the order of the day.
    const { sessions } = await sessionsOn(ds().manager, TUESDAY);
    const periods = new Map((await ds().getRepository(Period).find()).map((p) => [p.id, p]));
    const held = sessions
      .filter((s) => s.cancelled === null && s.staffId !== null)
      .sort((x, y) => periods.get(x.entry.periodId)!.startTime.localeCompare(periods.get(y.entry.periodId)!.startTime));
    const agents = new Map<number, Agent>([[classTeacherId, classTeacher]]);
    const lastEnd = new Map<number, string>();
    for (const s of held) {
      const period = periods.get(s.entry.periodId)!;
      setSchoolClock(() => at(TUESDAY, shift(period.startTime, 5)));
      let agent = agents.get(s.staffId!);
      if (!agent) {
        const staff = await ds().getRepository(Staff).findOneByOrFail({ id: s.staffId! });
        agent = await loginAs(app, { email: staff.email!, password: PASSWORD });
        agents.set(staff.id, agent);
      }
      const shown = await day.registerDay(agent, s.entry.id, TUESDAY);
      if (!shown.size) continue;
      const body: Record<string, string> = {};
      // A opens excused (the leave): the teacher leaves it; B never came; everyone else is here.
      for (const [id, row] of shown) body[`s_${id}`] = id === B.id ? "absent" : row.mark || "present";
      await post(
        agent,
        `/attendance/sessions/${s.entry.id}/${TUESDAY}`,
        `/attendance/sessions/${s.entry.id}/${TUESDAY}`,
        body,
      );
      registers.set(s.entry.id, agent);
      for (const id of shown.keys()) if ((lastEnd.get(id) ?? "") < period.endTime) lastEnd.set(id, period.endTime);
    }
    // Ten minutes before C's day ends, someone not on the family's list collects C; the class teacher records it.
    pickedUpAt = shift(lastEnd.get(C.id)!, -10);
    setSchoolClock(() => at(TUESDAY, pickedUpAt));
    await post(classTeacher, `/classes/${cls.id}/day/pickup`, `/classes/${cls.id}/day/pickup?student=${C.id}`, {
      studentId: String(C.id),
      person: "other",
      otherName: "陌生人赵六",
      time: pickedUpAt,
    });
    // After the service day, the day's summaries go out (what the server's sweep does).
    setSchoolClock(() => at(TUESDAY, "19:30"));
    expect(await sendDaySummaries(ds(), at(TUESDAY, "19:30"))).to.be.greaterThan(0);
  });
  after(() => setSchoolClock());

  const expected = (id: number) =>
    id === A.id
      ? { mark: "excused", onLeave: true, pickedUp: false, unlisted: false }
      : id === B.id
        ? { mark: "absent", onLeave: false, pickedUp: false, unlisted: false }
        : id === C.id
          ? { mark: "present", onLeave: false, pickedUp: true, unlisted: true }
          : { mark: "present", onLeave: false, pickedUp: false, unlisted: false };

  it("When the week is played, then A's leave is confirmed and A, B, C and D are each on some register of Tuesday", async () => {
    expect((await ds().getRepository(LeaveRequest).findOneByOrFail({ id: leaveId })).status).to.equal("confirmed");
    const marked = new Set((await ds().getRepository(Attendance).findBy({ date: TUESDAY })).map((m) => m.studentId));
    for (const child of [A, B, C, D]) expect(marked.has(child.id), child.name).to.equal(true);
  });

  it("When each register of Tuesday is read again, then it has A excused and on leave, B absent, C present and collected (in red), D present", async () => {
    const wrong: string[] = [];
    for (const [entryId, agent] of registers) {
      for (const [id, shown] of await day.registerDay(agent, entryId, TUESDAY)) {
        const want = expected(id);
        if ([A.id, B.id, C.id, D.id].includes(id) && JSON.stringify(shown) !== JSON.stringify(want))
          wrong.push(`entry ${entryId} child ${id}: ${JSON.stringify(shown)} ≠ ${JSON.stringify(want)}`);
        else if (![A.id, B.id, C.id, D.id].includes(id) && shown.mark !== "present")
          wrong.push(`entry ${entryId} child ${id}: ${shown.mark}`);
      }
    }
    expect(wrong).to.deep.equal([]);
  });

  it("When the class teacher opens the class's day, then A is on leave, B absent, C collected by someone not on the list, D has nothing, and two are away", async () => {
    const { away, children } = await day.classDayMarks(classTeacher, A.classId, TUESDAY);
    const dayMark = (id: number) => ({
      ...expected(id),
      mark: expected(id).mark === "present" ? "" : expected(id).mark,
    });
    for (const child of [A, B, C, D]) expect(children.get(child.id), child.name).to.deep.equal(dayMark(child.id));
    expect(away).to.equal(2);
  });

  it("When the class teacher looked at Tuesday on Monday, before any register, then A already counted as away and showed on leave", () => {
    expect(beforeRegisters.away).to.equal(1);
    expect(beforeRegisters.children.get(A.id)).to.include({ onLeave: true, mark: "" });
  });

  it("When the families open their pages, then A's timetable and leave page show the confirmed leave, B's home the absence, C's pick-up page the unlisted collector, D's nothing", async () => {
    const timetable = new Map<number, boolean>();
    for (const child of [A, B, C, D])
      timetable.set(child.id, (await day.familyDayShown(familyOf(child), TUESDAY)).onLeave);
    expect(Object.fromEntries(timetable)).to.deep.equal({ [A.id]: true, [B.id]: false, [C.id]: false, [D.id]: false });
    expect((await day.familyLeave(familyOf(A))).get(leaveId)).to.equal("confirmed");
    for (const child of [B, C, D]) expect((await day.familyLeave(familyOf(child))).size, child.name).to.equal(0);
    const homeB = await day.familyHomeAlerts(familyOf(B));
    expect(homeB.length, "B's home shows the absence").to.be.greaterThan(0);
    expect(homeB.every((line) => line.includes(B.name))).to.equal(true);
    for (const child of [A, C, D]) expect(await day.familyHomeAlerts(familyOf(child)), child.name).to.deep.equal([]);
    const pickups = await day.familyPickups(familyOf(C));
    expect(pickups).to.have.length(1);
    expect(pickups[0]).to.contain(TUESDAY).and.contain(C.name).and.contain("陌生人赵六").and.contain(pickedUpAt);
    for (const child of [A, B, D]) expect(await day.familyPickups(familyOf(child)), child.name).to.deep.equal([]);
  });

  it("When the class teacher reads the day summary, then B is the only absence, A the only leave and C the only early pick-up (flagged)", async () => {
    const summary = await day.daySummaryNames(classTeacher, TUESDAY);
    expect([...new Set(summary.absent)]).to.deep.equal([B.name]);
    expect(summary.leave).to.deep.equal([A.name]);
    expect(summary.early).to.deep.equal([{ name: C.name, unlisted: true }]);
    const absentMarks = await ds()
      .getRepository(Attendance)
      .countBy({ date: TUESDAY, studentId: B.id, status: "absent" });
    expect(summary.absent).to.have.length(absentMarks);
  });

  it("When the admin exports the club report, then each Tuesday club's attendance rate is its register's present members over its members", async () => {
    // A day's registers count once the day is over: the report is read on Wednesday morning.
    setSchoolClock(() => at("2026-09-16", "08:00"));
    const cells = await day.clubAttendanceCells(admin).finally(() => setSchoolClock(() => at(TUESDAY, "19:30")));
    const { sessions } = await sessionsOn(ds().manager, TUESDAY);
    const clubSessions = sessions.filter((s) => s.entry.clubId != null && registers.has(s.entry.id));
    expect(clubSessions.length, "a Tuesday club register was taken").to.be.greaterThan(0);
    const members = await membersOn(
      ds(),
      clubSessions.map((s) => s.entry.clubId!),
      TUESDAY,
    );
    for (const s of clubSessions) {
      const ids = [...members.get(s.entry.clubId!)!];
      const present = await ds()
        .getRepository(Attendance)
        .countBy({ entryId: s.entry.id, date: TUESDAY, status: "present" });
      const club = school.clubs.find((c) => c.id === s.entry.clubId)!;
      // The export gives the rate: attended (present) over expected (the members); A on leave is not attended.
      expect(cells.get(club.name), club.name).to.equal(`${((100 * present) / ids.length).toFixed(1)}%`);
    }
  });

  it("When the children's calendar feeds are read, then each lists on Tuesday the sessions whose registers had the child (leave and pick-up change the day, not the timetable)", async () => {
    const zone = await schoolZone(ds());
    for (const child of [A, B, C, D]) {
      const feed = await feedEntriesByDate(app, await childFeedPath(familyOf(child), child.id), zone);
      const onRegisters: number[] = [];
      for (const [entryId, agent] of registers)
        if ((await day.registerDay(agent, entryId, TUESDAY)).has(child.id)) onRegisters.push(entryId);
      expect(
        [...(feed?.get(TUESDAY) ?? [])].sort((x, y) => x - y),
        child.name,
      ).to.deep.equal(onRegisters.sort((x, y) => x - y));
    }
  });

  it("When the week's notices are read, then each went to whom it concerns: the leave to the class teacher and A's family, B's absence to B's family and the staff, C's pick-up to C's family and the staff, nothing to D's", async () => {
    const notes = (
      await ds()
        .getRepository(Notification)
        .find({ order: { id: "ASC" } })
    ).filter((n) => n.id > start.notice && ofTheDay(n));
    const toFamily = (s: Student) => notes.filter((n) => n.familyId === s.familyId);
    expect(kindsOf(toFamily(A))).to.deep.equal(["leave.confirmed"]);
    expect(kindsOf(toFamily(B))).to.deep.equal(["attendance.absent"]);
    expect(kindsOf(toFamily(C))).to.deep.equal(["pickup.earlyUnlisted"]);
    expect(toFamily(D)).to.deep.equal([]);
    // No other family heard anything, and every family notice names only its own child.
    const ours = new Set([A, B, C].map((s) => s.familyId));
    expect(notes.filter((n) => n.familyId !== null && !ours.has(n.familyId))).to.deep.equal([]);
    for (const child of [A, B, C])
      for (const n of toFamily(child)) expect(n.payload.child, n.kind).to.equal(child.name);
    const admins = (await ds().getRepository(Staff).findBy({ role: "admin", active: true })).map((s) => s.id);
    const staffOf = (kind: string) =>
      [...new Set(notes.filter((n) => n.kind === kind && n.staffId !== null).map((n) => n.staffId))].sort();
    expect(staffOf("leave.requested")).to.deep.equal([classTeacherId]);
    expect(staffOf("attendance.absent")).to.deep.equal([classTeacherId, ...admins].sort());
    expect(staffOf("pickup.unlisted")).to.deep.equal([classTeacherId, ...admins].sort());
    expect(staffOf("attendance.daySummary")).to.include(classTeacherId);
    const summary = notes.find((n) => n.kind === "attendance.daySummary" && n.staffId === classTeacherId)!;
    expect(summary.payload).to.include({ date: TUESDAY, leave: 1, early: 1 });
  });

  it("When the outbox is read, then staff e-mail carries the names to those entitled, and the staff groups carry counts with no child's name", async () => {
    const rows = (
      await ds()
        .getRepository(OutboxDelivery)
        .find({ order: { id: "ASC" } })
    ).filter((r) => r.id > start.delivery && ofTheDay(r));
    const group = rows.filter((r) => r.recipientKind === "group");
    expect(kindsOf(group)).to.deep.equal(["attendance.absent", "attendance.daySummary"]);
    expect([...new Set(group.map((r) => r.channel))].sort()).to.deep.equal(["dingtalk", "wecom"]);
    const names = (await ds().getRepository(Student).find()).map((s) => s.name);
    const leaked = group.filter((r) => names.some((name) => JSON.stringify(r.payload).includes(name)));
    expect(leaked.map((r) => `${r.kind} ${JSON.stringify(r.payload)}`)).to.deep.equal([]);
    const email = rows.filter((r) => r.channel === "email");
    const teacherMail = email.filter((r) => r.recipientKind === "staff" && r.recipientId === classTeacherId);
    expect(kindsOf(teacherMail)).to.include.members(["attendance.absent", "pickup.unlisted", "leave.requested"]);
    // Families gave no e-mail address: their notices stay in the app.
    expect(email.filter((r) => r.recipientKind === "family")).to.deep.equal([]);
  });
});
