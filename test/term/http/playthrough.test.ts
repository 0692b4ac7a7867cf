// Issue 17, "done when": a small generated school is played over a whole term
// through the real app (the admin publishes the timetable and the allocation,
// a family withdraws a child and another accepts the offered seat, the admin
// raises a club's capacity, cancels a club's session, has a teacher cover
// another's and withdraws a child, a child leaves the school),
// walking the school clock over every school day. On each day, every page that
// shows membership must name, for each child, the clubs the ledger names.
// Disagreements are gathered per page and each page's test lists its own.
import { expect } from "chai";
import type { Express } from "express";
import { forEachDatabase } from "../../support/databases";
import { testApp, loginAs, formToken, type Agent } from "../../support/http";
import {
  buildGeneratedSchool,
  CALENDAR,
  CLUB_DAYS,
  FAMILY_CODE,
  PASSWORD,
  type GeneratedSchool,
} from "../../support/generated-school";
import * as pages from "../../support/membership-pages";
import { setSchoolClock, currentTermCalendar, schoolZone, weekStartOf } from "../../../src/kernel";
import { sessionsOn } from "../../../src/timetable";
import { clubsOn, membersOn } from "../../../src/membership";
import { childrenLeave } from "../../../src/allocation/leaving";
import { seedDemoChoices } from "../../../seeds/demo-choices";
import { ChoiceRound } from "../../../src/choices/entities";
import { WaitlistEntry, WaitlistOffer } from "../../../src/allocation/entities";
import { Club, ServiceEnrollment, Staff, Student } from "../../../src/db/entities";
import { inTransaction } from "../../../src/db/transaction";

const CLUB_ENDS = "18:30";
/** 08:00 at the school (Asia/Shanghai) on `date`. */
const morningOf = (date: string) => new Date(`${date}T00:00:00Z`);
const same = (a: number[], b: number[]) =>
  JSON.stringify([...a].sort((x, y) => x - y)) === JSON.stringify([...b].sort((x, y) => x - y));

forEachDatabase("a generated school played over a whole term", (ctx) => {
  let school: GeneratedSchool;
  let app: Express;
  let admin: Agent;
  let roundId: number;
  const families = new Map<number, Agent>();
  const clubIdByName = new Map<string, number>();
  const childIdByName = new Map<string, number>();
  const childIdByNumber = new Map<string, number>();
  const feedPaths = new Map<number, string>();
  const teacherFeeds = new Map<number, string>();
  let schoolDates: string[] = [];
  // What happened, for the tests that check the play itself.
  const played: Record<string, { date: string; studentId: number; clubId: number }> = {};
  let capacityRaised: { clubId: number; from: number; to: number } | null = null;
  // Page → disagreements ("date child: page […] ledger […]").
  const wrong = new Map<string, string[]>();
  const disagree = (pageName: string, line: string) => wrong.set(pageName, [...(wrong.get(pageName) ?? []), line]);
  const checked = new Map<string, number>();
  const registerDates = new Set<string>();
  const count = (pageName: string) => checked.set(pageName, (checked.get(pageName) ?? 0) + 1);

  const ds = () => ctx.db.ds;
  const childrenNow = async () => ds().getRepository(Student).findBy({ archived: false });
  const familyOf = (studentId: number) => families.get(school.children.find((c) => c.id === studentId)!.familyId)!;
  const post = async (agent: Agent, path: string, formPath: string, body: Record<string, unknown>) => {
    const res = await agent
      .post(path)
      .type("form")
      .send({ ...body, _csrf: await formToken(agent, formPath) });
    if (res.status !== 302 && res.status !== 303) throw new Error(`POST ${path} answered ${res.status}`);
  };
  const someoneWaitingFor = async () => {
    const waiting = await ds().getRepository(WaitlistEntry).findBy({ roundId, status: "waiting" });
    if (!waiting.length) throw new Error("no child is waiting: the school is not tight enough");
    return waiting;
  };
  const acceptOpenOffers = async (date: string) => {
    for (const offer of await ds().getRepository(WaitlistOffer).findBy({ roundId, status: "open" })) {
      await post(familyOf(offer.studentId), `/offers/${offer.id}/accept`, `/offers/${offer.id}`, {});
      played.accepted ??= { date, studentId: offer.studentId, clubId: offer.clubId };
    }
  };

  // The school's changes, each on its date, as the people concerned would make them.
  const events: Record<string, (date: string) => Promise<void>> = {
    // A family withdraws a child from a club others wait for; the freed seat is offered on.
    "2026-09-15": async (date) => {
      const waitedFor = new Set((await someoneWaitingFor()).map((w) => w.clubId));
      for (const child of school.children) {
        const club = (await clubsOn(ds(), child.id, date)).find((c) => waitedFor.has(c));
        if (club === undefined) continue;
        await post(familyOf(child.id), "/results/withdraw", "/results", {
          studentId: child.id,
          clubId: club,
          confirm: "1",
        });
        played.familyWithdrew = { date, studentId: child.id, clubId: club };
        return;
      }
      throw new Error("no child holds a club others wait for");
    },
    // The offered family accepts the next morning.
    "2026-09-16": acceptOpenOffers,
    // The admin raises a full club's capacity by one on its edit form; whoever is offered the seat takes it.
    "2026-10-13": async (date) => {
      const clubId = (await someoneWaitingFor())[0].clubId;
      const club = await ds().getRepository(Club).findOneByOrFail({ id: clubId });
      const to = club.maxSize + 1;
      await post(admin, `/admin/clubs/${club.id}`, `/admin/clubs/${club.id}/edit`, {
        code: club.code,
        name: club.name,
        category: club.category,
        description: club.description,
        grades: club.grades.map(String),
        minSize: String(club.minSize),
        maxSize: String(to),
        staffId: String(club.staffId ?? ""),
        venueId: String(club.venueId ?? ""),
      });
      capacityRaised = { clubId, from: club.maxSize, to };
      await acceptOpenOffers(date);
    },
    // Next week's Thursday club outing is called off on the date pages, and a teacher covers (代课) a Tuesday club in November.
    "2026-10-22": async () => {
      const cancelled = school.clubEntry.get(school.clubs[3].id)!;
      await post(admin, "/admin/timetable/dates/cancel", `/admin/timetable/dates/2026-10-29/sessions/${cancelled}`, {
        date: "2026-10-29",
        scope: "session",
        entryId: String(cancelled),
        reason: "outing",
        note: "秋游",
      });
      const covered = school.clubEntry.get(school.clubs[0].id)!;
      await post(admin, "/admin/timetable/dates/cover", `/admin/timetable/dates/2026-11-03/sessions/${covered}`, {
        date: "2026-11-03",
        entryId: String(covered),
        staffId: String(school.coverTeacherId),
      });
      played.cancelled = { date: "2026-10-29", studentId: 0, clubId: school.clubs[3].id };
      played.covered = { date: "2026-11-03", studentId: 0, clubId: school.clubs[0].id };
    },
    // The admin withdraws a child (with a reason) on the round's placements page.
    "2026-10-20": async (date) => {
      for (const child of school.children) {
        const [club] = await clubsOn(ds(), child.id, date);
        if (club === undefined || child.id === played.familyWithdrew?.studentId) continue;
        await post(admin, `/admin/rounds/${roundId}/withdraw`, `/admin/rounds/${roundId}/placements`, {
          studentId: child.id,
          clubId: club,
          reason: "家长来电：孩子改上校外课",
        });
        played.adminWithdrew = { date, studentId: child.id, clubId: club };
        return;
      }
    },
    // A child with a club and a sibling at the school leaves mid-term. The app has
    // no page for one child leaving (only the year's leavers on the next-term page),
    // so the office's change is made as that page makes it (childrenLeave: archive, then the ledger).
    "2026-10-27": async (date) => {
      for (const ids of school.families.values()) {
        if (ids.length < 2) continue;
        const leaver = ids[1];
        const clubs = await clubsOn(ds(), leaver, date);
        if (!clubs.length) continue;
        await inTransaction(ds(), (em) => childrenLeave(em, [leaver], new Date()));
        played.left = { date, studentId: leaver, clubId: clubs[0] };
        return;
      }
      throw new Error("no sibling with a club to leave");
    },
  };

  // One small check per page; each compares what the page says with the ledger.
  // Family pages show today only, so each is read on the day: every family on the first and last
  // days, on each day something changed and the day after; on other days a quarter of the families in turn.
  async function checkFamilyPages(date: string, dayIndex: number, everyone: boolean): Promise<void> {
    const now = new Set((await childrenNow()).map((c) => c.id));
    for (const [i, [familyId, agent]] of [...families].entries()) {
      if (!everyone && i % 4 !== dayIndex % 4) continue;
      const shown = await pages.resultsPage(agent);
      for (const id of school.families.get(familyId)!) {
        if (!now.has(id)) continue;
        const ledger = await clubsOn(ds(), id, date);
        count("/results");
        if (!same(shown.get(id) ?? [], ledger))
          disagree(
            "/results",
            `${date} child ${id}: page [${String(shown.get(id) ?? "missing")}] ledger [${String(ledger)}]`,
          );
      }
      const home = await pages.familyHome(agent, clubIdByName);
      if (home.studentId === null) {
        disagree("family home", `${date} family ${familyId}: no result card`);
        continue;
      }
      const ledger = await clubsOn(ds(), home.studentId, date);
      count("family home");
      if (!same(home.clubs, ledger))
        disagree(
          "family home",
          `${date} child ${home.studentId}: page [${String(home.clubs)}] ledger [${String(ledger)}]`,
        );
    }
  }

  async function checkStaffPages(date: string): Promise<void> {
    const { sessions } = await sessionsOn(ds().manager, date);
    const clubSessions = sessions.filter((s) => s.entry.clubId != null && s.cancelled === null);
    // A cancelled session has no register to take: nobody is expected.
    for (const s of sessions.filter((x) => x.entry.clubId != null && x.cancelled !== null)) {
      const res = await admin.get(`/attendance/sessions/${s.entry.id}/${date}`);
      count("register");
      if (res.status === 200 && /name="n_\d+"/.test(res.text))
        disagree("register", `${date} cancelled club ${s.entry.clubId}: a register with children`);
    }
    const members = await membersOn(
      ds(),
      clubSessions.map((s) => s.entry.clubId!),
      date,
    );
    if (clubSessions.length) registerDates.add(date);
    for (const s of clubSessions) {
      const ledger = [...members.get(s.entry.clubId!)!];
      const shown = await pages.registerPage(admin, s.entry.id, date);
      count("register");
      if (!same(shown, ledger))
        disagree("register", `${date} club ${s.entry.clubId}: page [${String(shown)}] ledger [${String(ledger)}]`);
    }
    const staying = [...new Set(clubSessions.flatMap((s) => [...members.get(s.entry.clubId!)!]))];
    const gate = await pages.dismissalAt(admin, date, CLUB_ENDS, childIdByName);
    count("dismissal");
    if (!same(gate, staying))
      disagree("dismissal", `${date} at ${CLUB_ENDS}: page [${String(gate)}] ledger [${String(staying)}]`);
    const report = await pages.clubReportMembers(admin, clubIdByName);
    const all = await membersOn(
      ds(),
      school.clubs.map((c) => c.id),
      date,
    );
    const seats = new Map(
      (await ds().getRepository(Club).findBy({ termId: school.termId })).map((c) => [c.id, c.maxSize]),
    );
    for (const club of school.clubs) {
      const shown = report.get(club.id);
      count("club report");
      if (shown?.members !== all.get(club.id)!.size || shown.seats !== seats.get(club.id)) {
        disagree(
          "club report",
          `${date} club ${club.id}: page ${JSON.stringify(shown)} ledger ${all.get(club.id)!.size} of ${seats.get(club.id)} seats`,
        );
      }
    }
  }

  // The capacity guard's members list and the class teacher's day, both read for a date.
  async function checkDatedLists(date: string): Promise<void> {
    const all = await membersOn(
      ds(),
      school.clubs.map((c) => c.id),
      date,
    );
    for (const club of school.clubs) {
      const shown = await pages.clubMembersList(admin, club.id, date, childIdByNumber);
      count("club members list");
      if (!same(shown, [...all.get(club.id)!]))
        disagree(
          "club members list",
          `${date} club ${club.id}: page [${String(shown)}] ledger [${String([...all.get(club.id)!])}]`,
        );
    }
    const { sessions } = await sessionsOn(ds().manager, date);
    const meeting = new Set(
      sessions.filter((s) => s.entry.clubId != null && s.cancelled === null).map((s) => s.entry.clubId!),
    );
    for (const cls of school.classes) {
      const shown = await pages.classDay(admin, cls.id, date, clubIdByName);
      for (const [childId, clubs] of shown) {
        const ledger = (await clubsOn(ds(), childId, date)).filter((c) => meeting.has(c));
        count("class day");
        if (!same(clubs, ledger))
          disagree("class day", `${date} child ${childId}: page [${String(clubs)}] ledger [${String(ledger)}]`);
      }
    }
  }

  // The family timetable, once the term is over: each family's active child, a week at a time over the whole term.
  async function checkFamilyWeeks(): Promise<void> {
    const mondays = [...new Set(schoolDates.map((d) => weekStartOf(d)))];
    for (const [familyId, agent] of families) {
      const childId = school.families.get(familyId)![0];
      for (const monday of mondays) {
        const week = await pages.familyWeek(agent, monday, clubIdByName);
        for (const date of schoolDates.filter((d) => weekStartOf(d) === monday)) {
          const { sessions } = await sessionsOn(ds().manager, date);
          const meeting = new Set(
            sessions.filter((s) => s.entry.clubId != null && s.cancelled === null).map((s) => s.entry.clubId!),
          );
          const ledger = (await clubsOn(ds(), childId, date)).filter((c) => meeting.has(c));
          count("family week");
          if (!same(week.get(date) ?? [], ledger))
            disagree(
              "family week",
              `${date} child ${childId}: page [${String(week.get(date) ?? "no day")}] ledger [${String(ledger)}]`,
            );
        }
      }
    }
  }

  // The round's placements page lists a club's members for the admin (and where to withdraw them); read on the days something changed.
  async function checkPlacements(date: string): Promise<void> {
    const all = await membersOn(
      ds(),
      school.clubs.map((c) => c.id),
      date,
    );
    for (const club of await ds().getRepository(Club).findBy({ termId: school.termId })) {
      const shown = await pages.placementsPage(admin, roundId, club.id);
      const ledger = [...all.get(club.id)!];
      count("placements page");
      count("placements capacity");
      if (!same(shown.members, ledger) || shown.count !== ledger.length)
        disagree(
          "placements page",
          `${date} club ${club.id}: page [${String(shown.members)}] (${shown.count}) ledger [${String(ledger)}]`,
        );
      if (shown.capacity !== club.maxSize)
        disagree("placements capacity", `${date} club ${club.id}: page ${shown.capacity} seats, club ${club.maxSize}`);
    }
  }

  // A club teacher's feed: the sessions the timetable says they lead on each date (cover and cancellations applied), nothing else.
  async function checkTeacherFeeds(): Promise<void> {
    const zone = await schoolZone(ds());
    for (const staffId of teacherFeeds.keys()) {
      const feed = await pages.feedEntriesByDate(app, teacherFeeds.get(staffId)!, zone);
      for (const date of schoolDates) {
        const { sessions } = await sessionsOn(ds().manager, date);
        const expected = sessions.filter((s) => s.staffId === staffId && s.cancelled === null).map((s) => s.entry.id);
        const shown = [...(feed?.get(date) ?? [])];
        count("teacher's feed");
        if (!same(shown, expected))
          disagree(
            "teacher's feed",
            `${date} staff ${staffId}: feed [${String(shown)}] timetable [${String(expected)}]`,
          );
      }
    }
  }

  // Fetched once the term is over: a feed describes the whole term, so each of its dates is held against the ledger of that date.
  async function checkFeeds(): Promise<void> {
    const zone = await schoolZone(ds());
    const entryOfClub = school.clubEntry;
    const clubsMeeting = new Map<string, Set<number>>();
    for (const date of schoolDates) {
      const { sessions } = await sessionsOn(ds().manager, date);
      clubsMeeting.set(
        date,
        new Set(sessions.filter((s) => s.entry.clubId != null && s.cancelled === null).map((s) => s.entry.clubId!)),
      );
    }
    for (const child of school.children) {
      const feed = await pages.feedEntriesByDate(app, feedPaths.get(child.id)!, zone);
      // A child who left has no feed any more (its subject is gone): nothing left to disagree with.
      if (feed === null) {
        count("child's feed");
        if (child.id !== played.left?.studentId) disagree("child's feed", `child ${child.id}: feed no longer served`);
        continue;
      }
      for (const date of schoolDates) {
        const meeting = clubsMeeting.get(date)!;
        const ledger = (await clubsOn(ds(), child.id, date))
          .filter((c) => meeting.has(c))
          .map((c) => entryOfClub.get(c)!);
        const clubEntries = new Set(entryOfClub.values());
        const shown = [...(feed.get(date) ?? [])].filter((e) => clubEntries.has(e));
        count("child's feed");
        if (!same(shown, ledger))
          disagree("child's feed", `${date} child ${child.id}: feed [${String(shown)}] ledger [${String(ledger)}]`);
      }
    }
  }

  before(async function () {
    this.timeout(600_000);
    school = await buildGeneratedSchool(ds());
    app = testApp(ds());
    for (const c of school.clubs) clubIdByName.set(c.name, c.id);
    for (const c of school.children) childIdByName.set(c.name, c.id);
    for (const c of school.children) childIdByNumber.set(c.studentNumber, c.id);
    setSchoolClock(() => morningOf("2026-08-28"));
    admin = await loginAs(app, { email: school.adminEmail, password: PASSWORD });
    await post(admin, "/admin/timetable/publish", "/admin/timetable/publish", { reason: "生成学校：学期课表" });
    // The families' lists (the choices pages are tested elsewhere): every child, seats for fewer than all.
    const { round } = await seedDemoChoices(ds(), { students: school.children.length, seed: 17, clubSize: 5 });
    roundId = round.id;
    await inTransaction(ds(), async (em) => {
      await em.getRepository(ChoiceRound).update({ id: roundId }, { maxClubsPerChild: 2 });
      await em.getRepository(ServiceEnrollment).update({ termId: school.termId }, { weekdays: [1, 2, 3, 4, 5] });
    });
    const run = await admin
      .post(`/admin/rounds/${roundId}/runs`)
      .type("form")
      .send({
        mechanism: "optimal",
        seed: "2026",
        note: "",
        _csrf: await formToken(admin, `/admin/rounds/${roundId}/runs`),
      });
    if (run.status !== 302) throw new Error(`run answered ${run.status}`);
    const runPath = run.headers.location;
    await post(admin, `${runPath}/publish`, runPath, { overrideReason: "生成学校：规则另有测试" });
    // Logins check an argon2 hash each: a few at a time.
    const pending = [...school.families];
    await Promise.all(
      [1, 2, 3].map(async () => {
        for (let next = pending.shift(); next; next = pending.shift()) {
          const [familyId, ids] = next;
          const first = school.children.find((c) => c.id === ids[0])!;
          const agent = await loginAs(app, { studentNumber: first.studentNumber, code: FAMILY_CODE });
          families.set(familyId, agent);
          for (const id of ids) feedPaths.set(id, await pages.childFeedPath(agent, id));
        }
      }),
    );
    // The teachers of one Tuesday and one Thursday club subscribe to their own feeds.
    for (const staffId of [school.clubs[0].staffId!, school.clubs[3].staffId!, school.coverTeacherId]) {
      const teacher = await ds().getRepository(Staff).findOneByOrFail({ id: staffId });
      teacherFeeds.set(
        teacher.id,
        await pages.staffFeedPath(await loginAs(app, { email: teacher.email!, password: PASSWORD }), teacher.id),
      );
    }
    const cal = (await currentTermCalendar(ds()))!;
    schoolDates = cal.dates;
    for (const [i, date] of schoolDates.entries()) {
      setSchoolClock(() => morningOf(date));
      await events[date]?.(date);
      const everyone =
        i === 0 ||
        i === schoolDates.length - 1 ||
        events[date] !== undefined ||
        events[schoolDates[i - 1]] !== undefined;
      await checkFamilyPages(date, i, everyone);
      await checkStaffPages(date);
      await checkDatedLists(date);
      if (everyone) await checkPlacements(date);
    }
    setSchoolClock(() => morningOf("2026-11-16"));
    await checkFeeds();
    await checkTeacherFeeds();
    await checkFamilyWeeks();
  });
  after(() => setSchoolClock());

  it("When the term is walked, then every school day is visited: make-up days in, holidays and the exam day out", () => {
    for (const day of CALENDAR) expect(schoolDates.includes(day.date), day.date).to.equal(day.kind === "makeup");
    expect(schoolDates).to.include("2026-09-01").and.include("2026-11-13");
    expect(schoolDates.length).to.be.greaterThan(45);
  });

  it("When the term is played, then a withdrawal, an accepted offer, a capacity change, an admin withdrawal and a leaver happened", async () => {
    expect(Object.keys(played)).to.include.members([
      "familyWithdrew",
      "accepted",
      "adminWithdrew",
      "left",
      "cancelled",
      "covered",
    ]);
    expect(capacityRaised).to.not.equal(null);
    expect((await ds().getRepository(Club).findOneByOrFail({ id: capacityRaised!.clubId })).maxSize).to.equal(
      capacityRaised!.to,
    );
    const { left, familyWithdrew, accepted } = played;
    expect(await clubsOn(ds(), left.studentId, left.date)).to.deep.equal([]);
    expect(await clubsOn(ds(), familyWithdrew.studentId, familyWithdrew.date)).to.not.include(familyWithdrew.clubId);
    expect(await clubsOn(ds(), accepted.studentId, accepted.date)).to.include(accepted.clubId);
  });

  const agrees = (pageName: string) => () => {
    expect(checked.get(pageName) ?? 0, "checks made").to.be.greaterThan(0);
    expect(
      wrong.get(pageName) ?? [],
      `${(wrong.get(pageName) ?? []).length} of ${checked.get(pageName)} disagree`,
    ).to.deep.equal([]);
  };
  for (const pageName of [
    "/results",
    "family home",
    "register",
    "dismissal",
    "club report",
    "placements page",
    "club members list",
    "class day",
    "family week",
    "child's feed",
  ]) {
    it(
      `When the term is played, then the ${pageName} names each child's clubs as the ledger does on every school day`,
      agrees(pageName),
    );
  }
  it(
    "When the term is played, then a club teacher's feed has the sessions they lead on every school day",
    agrees("teacher's feed"),
  );
  it(
    "When the admin raises a club's capacity, then the placements page shows the club's new capacity",
    agrees("placements capacity"),
  );

  it("When a make-up day runs the club day, then its club sessions are on the registers walked; a make-up day running another weekday has none", () => {
    const makeUps = CALENDAR.filter((d) => d.kind === "makeup");
    for (const d of makeUps) expect(registerDates.has(d.date), d.date).to.equal(CLUB_DAYS.includes(d.runsWeekday!));
    expect(makeUps.some((d) => CLUB_DAYS.includes(d.runsWeekday!))).to.equal(true);
  });
});
