import { expect } from "chai";
import type { Express } from "express";
import { forEachDatabase } from "../support/databases";
import { demoApp, familyLogin, staffLogin } from "../support/demo-app";
import { csrfFrom, formToken, loginAs, Agent } from "../support/http";
import { listRoutes, RouteInfo } from "../support/routes";
import { openRound } from "../choices/http/fixtures";
import { seedDemoEnrollments } from "../../seeds/demo-enrollments";
import { setSchoolClock } from "../../src/kernel";
import { AttendanceAlert } from "../../src/attendance/entities";
import { WaitlistEntry, WaitlistOffer } from "../../src/allocation/entities";
import { HomeworkEntry } from "../../src/homework/entities";
import { LeaveRequest } from "../../src/leave/entities";
import { EarlyPickup, PickUpPerson } from "../../src/pickup/entities";
import { Club, SchoolClass, Staff, Student, TimetableEntry } from "../../src/db/entities";
import type { Role } from "../../src/http/auth/route-scope";
import type { DemoLogins } from "../../seeds/demo";

// Ownership, read from the scopes: for every route with a parameter and every
// role whose scope limits it to its own classes, sessions, club, children or
// account, the test must know a URL naming someone else's — and that is refused.
// A new route with an ownership limit fails the first test until it gets a probe here.
type Limited = Exclude<Role, "anonymous" | "admin">;
interface Others {
  student: Student;
  className: SchoolClass;
  familyId: number;
  entry: TimetableEntry;
  date: string;
  alertId: number;
  offerId: number;
  homeworkId: number;
  roundId: number;
  grade: number;
  staffId: number;
  leaveId: number;
  pickupPersonId: number;
}
// A URL naming someone else's row for `role`, or why the parameter names nobody's (a school-wide row).
type Probe = (o: Others, role: Limited) => string | { none: string };

const PROBES: Record<string, Probe> = {
  "get /admin/enrollment/class/:classId": (o) => `/admin/enrollment/class/${o.className.id}`,
  "post /admin/enrollment/class/:classId": (o) => `/admin/enrollment/class/${o.className.id}`,
  "get /admin/codes/class/:classId": (o) => `/admin/codes/class/${o.className.id}`,
  "post /admin/codes/class/:classId/generate": (o) => `/admin/codes/class/${o.className.id}/generate`,
  "get /admin/codes/family/:familyId/regenerate": (o) => `/admin/codes/family/${o.familyId}/regenerate`,
  "post /admin/codes/family/:familyId/regenerate": (o) => `/admin/codes/family/${o.familyId}/regenerate`,
  "get /admin/rounds/:id/remind": () => ({
    none: "the round is the school's; the list holds only the class teacher's class",
  }),
  "get /admin/rounds/:id/paper": () => ({
    none: "looks a slip up by number, then opens the child's page, which is probed below",
  }),
  "get /admin/rounds/:id/paper/:studentId": (o) => `/admin/rounds/${o.roundId}/paper/${o.student.id}`,
  "post /admin/rounds/:id/paper/:studentId": (o) => `/admin/rounds/${o.roundId}/paper/${o.student.id}`,
  "get /account/email/verify/:token": () => ({
    none: "the token names no row: it verifies only the signed-in family's own pending address (another family's link is refused: test/accounts/http/family-email.test.ts)",
  }),
  "post /account/email/verify/:token": () => ({
    none: "the token names no row: it verifies only the signed-in family's own pending address (another family's link is refused: test/accounts/http/family-email.test.ts)",
  }),
  "get /choices/:studentId": (o) => `/choices/${o.student.id}`,
  "get /choices/:studentId/receipt": (o) => `/choices/${o.student.id}/receipt`,
  "get /interest/:studentId": (o) => `/interest/${o.student.id}`,
  "post /interest/:studentId": (o) => `/interest/${o.student.id}`,
  "get /interest/:studentId/receipt": (o) => `/interest/${o.student.id}/receipt`,
  "get /results/:studentId": (o) => `/results/${o.student.id}`,
  // Someone else's child; the club does not matter (a club the child does not hold is a 404 too).
  "get /results/:studentId/withdraw/:clubId": (o) => `/results/${o.student.id}/withdraw/1`,
  "get /offers/:id": (o) => `/offers/${o.offerId}`,
  "post /offers/:id/accept": (o) => `/offers/${o.offerId}/accept`,
  "post /offers/:id/decline": (o) => `/offers/${o.offerId}/decline`,
  "get /homework/:id/edit": (o) => `/homework/${o.homeworkId}/edit`,
  "post /homework/:id": (o) => `/homework/${o.homeworkId}`,
  "post /homework/:id/delete": (o) => `/homework/${o.homeworkId}/delete`,
  "get /homework/class/:classId": (o) => `/homework/class/${o.className.id}`,
  "get /homework/grade/:grade": (o) => `/homework/grade/${o.grade}`,
  "get /classes/:id/day": (o) => `/classes/${o.className.id}/day?date=${o.date}`,
  "get /feeds/:kind/:id": (o, role) =>
    role === "family" ? `/feeds/student/${o.student.id}` : `/feeds/staff/${o.staffId}`,
  "post /feeds/:kind/:id/regenerate": (o, role) =>
    role === "family" ? `/feeds/student/${o.student.id}/regenerate` : `/feeds/staff/${o.staffId}/regenerate`,
  "get /attendance/sessions/:entryId/:date": (o) => `/attendance/sessions/${o.entry.id}/${o.date}`,
  "post /attendance/sessions/:entryId/:date": (o) => `/attendance/sessions/${o.entry.id}/${o.date}`,
  "post /attendance/sessions/:entryId/:date/all-present": (o) =>
    `/attendance/sessions/${o.entry.id}/${o.date}/all-present`,
  "post /attendance/alerts/:id/ack": (o) => `/attendance/alerts/${o.alertId}/ack`,
  "post /family/alerts/:id/ack": (o) => `/family/alerts/${o.alertId}/ack`,
  "get /leave/:id/withdraw": (o) => `/leave/${o.leaveId}/withdraw`,
  "post /leave/:id/withdraw": (o) => `/leave/${o.leaveId}/withdraw`,
  "post /leave/requests/:id/confirm": (o) => `/leave/requests/${o.leaveId}/confirm`,
  "post /leave/requests/:id/query": (o) => `/leave/requests/${o.leaveId}/query`,
  "post /family/alerts/:id/answer": (o) => `/family/alerts/${o.alertId}/answer`,
  "get /family/pickup/:id/edit": (o) => `/family/pickup/${o.pickupPersonId}/edit`,
  "post /family/pickup/:id": (o) => `/family/pickup/${o.pickupPersonId}`,
  "post /family/pickup/:id/delete": (o) => `/family/pickup/${o.pickupPersonId}/delete`,
  "get /attendance/sessions/:entryId/:date/pickup": (o) =>
    `/attendance/sessions/${o.entry.id}/${o.date}/pickup?student=${o.student.id}`,
  "post /attendance/sessions/:entryId/:date/pickup": (o) => `/attendance/sessions/${o.entry.id}/${o.date}/pickup`,
  "get /classes/:id/day/pickup": (o) => `/classes/${o.className.id}/day/pickup?student=${o.student.id}`,
  "post /classes/:id/day/pickup": (o) => `/classes/${o.className.id}/day/pickup`,
  "post /attendance/sessions/:entryId/:date/pickup/undo": (o) =>
    `/attendance/sessions/${o.entry.id}/${o.date}/pickup/undo`,
  "post /classes/:id/day/pickup/undo": (o) => `/classes/${o.className.id}/day/pickup/undo`,
  "get /surveys/:id": () => ({ none: "a survey is the school's; the reply saved is the family's own" }),
  "post /surveys/:id": () => ({ none: "a survey is the school's; the reply saved is the family's own" }),
};

const LIMITED: Limited[] = ["family", "external", "teacher", "class_teacher"];
const limitedPairs = (routes: RouteInfo[]) =>
  routes.flatMap((route) =>
    LIMITED.filter(
      (role) =>
        route.path.includes(":") &&
        !route.path.endsWith(".ics") &&
        route.scope.roles[role] !== undefined &&
        route.scope.roles[role] !== "all",
    ).map((role) => ({ route, role, key: `${route.method} ${route.path}` })),
  );

forEachDatabase("ownership: someone else's class, session, club, child or account is refused", (ctx) => {
  let app: Express;
  let logins: DemoLogins;
  let routes: RouteInfo[];
  const agents = {} as Record<Limited, Agent>;
  const others = {} as Record<Limited, Others>;

  before(async function () {
    this.timeout(180_000);
    ({ app, logins } = await demoApp(ctx.db));
    const ds = ctx.db.ds;
    await seedDemoEnrollments(ds);
    setSchoolClock(() => new Date("2026-09-15T08:00:00Z"));
    routes = listRoutes(app);
    const date = "2026-09-15";
    const family = await ds.getRepository(Student).findOneByOrFail({ studentNumber: logins.families[0].studentNumber });
    const round = await openRound(ds);
    const club = await ds.getRepository(Club).findOneOrFail({ where: {}, order: { id: "ASC" } });
    const admin = await loginAs(app, staffLogin(logins, "admin"));
    const made = new Map<number, Others>();
    const othersIn = async (cls: SchoolClass): Promise<Others> => {
      const student = await ds
        .getRepository(Student)
        .findOneOrFail({ where: { classId: cls.id }, order: { studentNumber: "DESC" } });
      const entry = await ds
        .getRepository(TimetableEntry)
        .findOneByOrFail({ classId: cls.id, weekday: 2, kind: "homework" });
      // The admin takes that register (covering): the child absent raises an alert for its class teacher, admins and family.
      const reg = `/attendance/sessions/${entry.id}/${date}`;
      await admin
        .post(reg)
        .type("form")
        .send({ [`s_${student.id}`]: "absent", _csrf: await formToken(admin, reg) });
      const alert = await ds
        .getRepository(AttendanceAlert)
        .findOneByOrFail({ entryId: entry.id, date, studentId: student.id });
      const now = new Date().toISOString();
      const waiting = await ds.getRepository(WaitlistEntry).save({
        roundId: round.id,
        clubId: club.id,
        studentId: student.id,
        position: 1,
        status: "offered",
      } as Partial<WaitlistEntry>);
      const offer = await ds.getRepository(WaitlistOffer).save({
        roundId: round.id,
        clubId: club.id,
        studentId: student.id,
        entryId: waiting.id,
        status: "open",
        createdAt: now,
        expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
        respondedAt: null,
      } as Partial<WaitlistOffer>);
      const homework = await ds.getRepository(HomeworkEntry).save({
        classId: cls.id,
        date,
        subject: "语文",
        description: "抄写",
        tier: "basic",
        written: true,
        minutes: 10,
        staffId: cls.classTeacherId,
        createdAt: now,
        updatedAt: now,
      } as Partial<HomeworkEntry>);
      // Leave another family asked for that child, next week: withdrawable and answerable, were it one's own.
      const leave = await ds.getRepository(LeaveRequest).save({
        studentId: student.id,
        fromDate: "2026-09-22",
        toDate: "2026-09-22",
        entryId: null,
        sessionTitle: null,
        kind: "sick",
        note: null,
        status: "pending",
        reply: null,
        decidedByStaffId: null,
        decidedAt: null,
        withdrawnAt: null,
        createdAt: now,
        updatedAt: now,
      } as Partial<LeaveRequest>);
      return {
        leaveId: leave.id,
        student,
        className: cls,
        familyId: student.familyId,
        entry,
        date,
        alertId: alert.id,
        offerId: offer.id,
        homeworkId: homework.id,
        roundId: round.id,
        grade: cls.grade,
        staffId: cls.classTeacherId!,
        pickupPersonId: (
          await ds.getRepository(PickUpPerson).save({
            familyId: student.familyId,
            name: "他人家长",
            relation: "mother",
            relationOther: null,
            phone: "13800138000",
            createdAt: now,
            updatedAt: now,
          })
        ).id,
      };
    };
    for (const role of LIMITED) {
      agents[role] =
        role === "family" ? await loginAs(app, familyLogin(logins, 0)) : await loginAs(app, staffLogin(logins, role));
      const me =
        role === "family"
          ? null
          : await ds.getRepository(Staff).findOneByOrFail({ email: staffLogin(logins, role).email });
      // A class that is neither the family's child's nor the staff member's, in a grade they have no class in.
      const mine = me
        ? await ds.getRepository(SchoolClass).findBy({ classTeacherId: me.id })
        : [await ds.getRepository(SchoolClass).findOneByOrFail({ id: family.classId })];
      const cls = await ds
        .getRepository(SchoolClass)
        .findOneOrFail({ where: { grade: mine.some((c) => c.grade === 6) ? 1 : 6 }, order: { id: "ASC" } });
      others[role] = made.get(cls.id) ?? (await othersIn(cls));
      made.set(cls.id, others[role]);
      expect(others[role].staffId).to.not.equal(me?.id);
      expect(others[role].familyId).to.not.equal(family.familyId);
    }
    const privacy = await agents.family.get("/privacy");
    await agents.family
      .post("/privacy/accept")
      .type("form")
      .send({ _csrf: csrfFrom(privacy.text), accept: "1" });
  });
  after(() => setSchoolClock());

  it("When the scopes are read, then every route with an ownership limit and a parameter has a probe naming someone else's row", () => {
    const pairs = limitedPairs(routes);
    expect(pairs.length).to.be.greaterThan(20);
    expect([...new Set(pairs.filter((p) => !PROBES[p.key]).map((p) => p.key))]).to.deep.equal([]);
  });

  it("When each limited role asks for someone else's row on every such route, then it is refused (403 or 404) and nothing is done", async function () {
    this.timeout(180_000);
    const leaks: string[] = [];
    let probed = 0;
    for (const { route, role, key } of limitedPairs(routes)) {
      const url = PROBES[key]?.(others[role], role);
      if (!url || typeof url !== "string") continue;
      probed++;
      const agent = agents[role];
      const res =
        route.method === "get"
          ? await agent.get(url)
          : await agent
              .post(url)
              .type("form")
              .send({
                _csrf: await formToken(agent, "/"),
                confirm: "1",
                [`s_${others[role].student.id}`]: "present",
                // Well-formed answers, so only ownership can refuse them.
                answer: "withMe",
                name: "改名",
                relation: "father",
                phone: "13900139000",
                studentId: String(others[role].student.id),
                person: "other",
                otherName: "陌生人",
              });
      if (res.status !== 403 && res.status !== 404)
        leaks.push(`${role} ${route.method.toUpperCase()} ${url} → ${res.status}`);
    }
    expect(probed).to.be.greaterThan(20);
    expect(leaks).to.deep.equal([]);
    for (const role of LIMITED) {
      const o = others[role];
      expect((await ctx.db.ds.getRepository(WaitlistOffer).findOneByOrFail({ id: o.offerId })).status, role).to.equal(
        "open",
      );
      expect(await ctx.db.ds.getRepository(HomeworkEntry).countBy({ id: o.homeworkId }), role).to.equal(1);
      expect((await ctx.db.ds.getRepository(LeaveRequest).findOneByOrFail({ id: o.leaveId })).status, role).to.equal(
        "pending",
      );
      const person = await ctx.db.ds.getRepository(PickUpPerson).findOneBy({ id: o.pickupPersonId });
      expect(person?.name, role).to.equal("他人家长");
      expect((await ctx.db.ds.getRepository(AttendanceAlert).findOneByOrFail({ id: o.alertId })).answer, role).to.equal(
        null,
      );
      expect(await ctx.db.ds.getRepository(EarlyPickup).countBy({ studentId: o.student.id }), role).to.equal(0);
    }
  });
});
