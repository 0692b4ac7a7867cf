// Issue 17, "done when", on the demo school as `npm start` seeds it (the autumn
// allocation published): twenty sampled children, sixteen with a club and four
// without, are held against the ledger on every page and feed that shows their
// clubs. Dated pages are read for every school day their clubs meet (registers,
// the club members list, the class teacher's day), the family timetable for every
// week, the child's feed for every school day, and the pages that show today only
// (/results, the family home) on the term's first, middle and last school days.
import { expect } from "chai";
import type { Express } from "express";
import { forEachDatabase } from "../../support/databases";
import { demoApp, staffLogin } from "../../support/demo-app";
import { loginAs, type Agent } from "../../support/http";
import * as pages from "../../support/membership-pages";
import { seedDemoActivity } from "../../../seeds/demo-activity";
import { setSchoolClock, currentTermCalendar, schoolZone, weekStartOf } from "../../../src/kernel";
import { sessionsOn, type DatedSession } from "../../../src/timetable";
import { clubsOn, membersOn, seatsOn } from "../../../src/membership";
import { Club, Family, Student } from "../../../src/db/entities";
import { hashSecret } from "../../../src/http/auth/passwords";
import { PRIVACY_VERSION } from "../../../src/privacy/service";
import { inTransaction } from "../../../src/db/transaction";

const CODE = "KH26SMPL";
const same = (a: number[], b: number[]) =>
  JSON.stringify([...a].sort((x, y) => x - y)) === JSON.stringify([...b].sort((x, y) => x - y));

forEachDatabase("twenty sampled demo children over the demo term", (ctx) => {
  let app: Express;
  let admin: Agent;
  let sample: Student[] = [];
  const families = new Map<number, Agent>();
  const wrong = new Map<string, string[]>();
  const checked = new Map<string, number>();
  const disagree = (pageName: string, line: string) => wrong.set(pageName, [...(wrong.get(pageName) ?? []), line]);
  const count = (pageName: string) => checked.set(pageName, (checked.get(pageName) ?? 0) + 1);
  const ds = () => ctx.db.ds;

  before(async function () {
    this.timeout(900_000);
    const demo = await demoApp(ctx.db);
    await seedDemoActivity(ds());
    app = demo.app;
    admin = await loginAs(app, staffLogin(demo.logins, "admin"));
    const cal = (await currentTermCalendar(ds()))!;
    const termId = cal.term.id;
    // Every tenth placed child and every hundredth unplaced one, in student-number order: the same sample on every run.
    const seats = await seatsOn(ds(), termId, cal.dates[0]);
    const children = await ds()
      .getRepository(Student)
      .find({ where: { archived: false }, relations: { schoolClass: true }, order: { studentNumber: "ASC" } });
    const placed = children
      .filter((c) => seats.has(c.id))
      .filter((_, i) => i % 10 === 0)
      .slice(0, 16);
    const unplaced = children
      .filter((c) => !seats.has(c.id))
      .filter((_, i) => i % 100 === 0)
      .slice(0, 4);
    // One child per family, so the family's active child is the sampled one.
    const seen = new Set<number>();
    sample = [...placed, ...unplaced].filter((c) => !seen.has(c.familyId) && seen.add(c.familyId));
    const codeHash = await hashSecret(CODE);
    await inTransaction(ds(), (em) =>
      em
        .getRepository(Family)
        .createQueryBuilder()
        .update()
        .set({ accessCodeHash: codeHash, privacyVersion: PRIVACY_VERSION, privacyAcceptedAt: new Date().toISOString() })
        .whereInIds([...seen])
        .execute(),
    );
    const pending = [...sample];
    await Promise.all(
      [1, 2, 3].map(async () => {
        for (let child = pending.shift(); child; child = pending.shift())
          families.set(child.id, await loginAs(app, { studentNumber: child.studentNumber, code: CODE }));
      }),
    );
    const feedPaths = new Map<number, string>();
    for (const child of sample) feedPaths.set(child.id, await pages.childFeedPath(families.get(child.id)!, child.id));

    const clubIdByName = new Map((await ds().getRepository(Club).findBy({ termId })).map((c) => [c.name, c.id]));
    const childIdByNumber = new Map(children.map((c) => [c.studentNumber, c.id]));
    const numberOf = new Map(children.map((c) => [c.id, c.studentNumber]));
    const sampleClubs = new Set(sample.flatMap((c) => seats.get(c.id) ?? []));
    const sampleClasses = new Set(sample.map((c) => c.classId));
    const sessionsOf = new Map<string, DatedSession[]>();
    for (const date of cal.dates) sessionsOf.set(date, (await sessionsOn(ds().manager, date)).sessions);
    const meetingOn = (date: string) =>
      new Set(
        sessionsOf
          .get(date)!
          .filter((s) => s.entry.clubId != null && s.cancelled === null)
          .map((s) => s.entry.clubId!),
      );

    // Dated staff pages, on every school day one of the sample's clubs meets.
    for (const date of cal.dates) {
      const clubSessions = sessionsOf
        .get(date)!
        .filter((s) => s.entry.clubId != null && s.cancelled === null && sampleClubs.has(s.entry.clubId));
      if (!clubSessions.length) continue;
      const members = await membersOn(ds(), [...sampleClubs], date);
      for (const s of clubSessions) {
        const shown = await pages.registerPage(admin, s.entry.id, date);
        count("register");
        if (!same(shown, [...members.get(s.entry.clubId!)!]))
          disagree(
            "register",
            `${date} club ${s.entry.clubId}: page [${String(shown)}] ledger [${String([...members.get(s.entry.clubId!)!])}]`,
          );
      }
      for (const clubId of sampleClubs) {
        const shown = await pages.clubMembersList(admin, clubId, date, childIdByNumber);
        count("club members list");
        // The list is paged (20 a page): its first page is the ledger's first twenty members in student-number order.
        const ledger = [...members.get(clubId)!]
          .sort((a, b) => numberOf.get(a)!.localeCompare(numberOf.get(b)!))
          .slice(0, 20);
        if (!same(shown, ledger))
          disagree("club members list", `${date} club ${clubId}: page [${String(shown)}] ledger [${String(ledger)}]`);
      }
      const meeting = meetingOn(date);
      for (const classId of sampleClasses) {
        const day = await pages.classDay(admin, classId, date, clubIdByName);
        for (const child of sample.filter((c) => c.classId === classId)) {
          const ledger = (await clubsOn(ds(), child.id, date)).filter((c) => meeting.has(c));
          count("class day");
          if (!same(day.get(child.id) ?? [], ledger))
            disagree(
              "class day",
              `${date} child ${child.id}: page [${String(day.get(child.id) ?? "missing")}] ledger [${String(ledger)}]`,
            );
        }
      }
    }
    // Pages that show today: on the first, middle and last school days.
    for (const date of [cal.dates[0], cal.dates[Math.floor(cal.dates.length / 2)], cal.dates[cal.dates.length - 1]]) {
      setSchoolClock(() => new Date(`${date}T00:00:00Z`));
      for (const child of sample) {
        const ledger = await clubsOn(ds(), child.id, date);
        const results = await pages.resultsPage(families.get(child.id)!);
        count("/results");
        if (!same(results.get(child.id) ?? [], ledger))
          disagree(
            "/results",
            `${date} child ${child.id}: page [${String(results.get(child.id) ?? "missing")}] ledger [${String(ledger)}]`,
          );
        const home = await pages.familyHome(families.get(child.id)!, clubIdByName);
        count("family home");
        if (home.studentId !== child.id || !same(home.clubs, ledger))
          disagree(
            "family home",
            `${date} child ${child.id}: page ${home.studentId} [${String(home.clubs)}] ledger [${String(ledger)}]`,
          );
      }
    }
    setSchoolClock();
    // The family timetable, every week; the child's feed, every school day.
    const zone = await schoolZone(ds());
    const mondays = [...new Set(cal.dates.map((d) => weekStartOf(d)))];
    for (const child of sample) {
      for (const monday of mondays) {
        const week = await pages.familyWeek(families.get(child.id)!, monday, clubIdByName);
        for (const date of cal.dates.filter((d) => weekStartOf(d) === monday)) {
          const ledger = (await clubsOn(ds(), child.id, date)).filter((c) => meetingOn(date).has(c));
          count("family week");
          if (!same(week.get(date) ?? [], ledger))
            disagree(
              "family week",
              `${date} child ${child.id}: page [${String(week.get(date) ?? "no day")}] ledger [${String(ledger)}]`,
            );
        }
      }
      const feed = await pages.feedEntriesByDate(app, feedPaths.get(child.id)!, zone);
      for (const date of cal.dates) {
        const ledger = new Set(await clubsOn(ds(), child.id, date));
        const expected = sessionsOf
          .get(date)!
          .filter((s) => s.entry.clubId != null && s.cancelled === null && ledger.has(s.entry.clubId))
          .map((s) => s.entry.id);
        const clubEntries = new Set(
          sessionsOf
            .get(date)!
            .filter((s) => s.entry.clubId != null)
            .map((s) => s.entry.id),
        );
        const shown = [...(feed?.get(date) ?? [])].filter((e) => clubEntries.has(e));
        count("child's feed");
        if (!same(shown, expected))
          disagree("child's feed", `${date} child ${child.id}: feed [${String(shown)}] ledger [${String(expected)}]`);
      }
    }
  });
  after(() => setSchoolClock());

  it("When demo children are sampled, then at least sixteen are, each through their own family's login", () => {
    expect(sample.length).to.be.at.least(16);
    expect(families.size).to.equal(sample.length);
  });

  for (const pageName of [
    "register",
    "club members list",
    "class day",
    "/results",
    "family home",
    "family week",
    "child's feed",
  ]) {
    it(`When the demo term is walked, then the ${pageName} names each sampled child's clubs as the ledger does`, () => {
      expect(checked.get(pageName) ?? 0, "checks made").to.be.greaterThan(0);
      expect(
        wrong.get(pageName) ?? [],
        `${(wrong.get(pageName) ?? []).length} of ${checked.get(pageName)} disagree`,
      ).to.deep.equal([]);
    });
  }
});
