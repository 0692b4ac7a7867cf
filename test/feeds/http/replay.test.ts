// Issue 20, done when: a term of admin changes replayed through ICSx⁵'s rule
// (an event held on the phone is replaced only by a copy with a newer
// LAST-MODIFIED or SEQUENCE; an event whose UID is gone is dropped) ends with
// the same events as a full reload, and both with the school's own pages
// (the timetable's sessionsOn on every date of the term), for every kind of
// feed: the school, a teacher, a child, a club (the one the top-up fills, so its
// head count moves) and a venue (the one renamed). Feeds are fetched as a
// calendar client does.
import { expect } from "chai";
import type { Express } from "express";
import { forEachDatabase } from "../../support/databases";
import { demoApp, staffLogin } from "../../support/demo-app";
import { formToken, loginAs, Agent } from "../../support/http";
import type { DemoLogins } from "../../../seeds/demo";
import { CalendarDay, Club, Period, ServiceEnrollment, Staff, Student, Term, Venue } from "../../../src/db/entities";
import { ChoiceRound, Preference } from "../../../src/choices/entities";
import { seedDemoChoices } from "../../../seeds/demo-choices";
import { createRun } from "../../../src/allocation/run-service";
import { publishRun } from "../../../src/allocation/publish-service";
import { clubsOn, clubsOnDates } from "../../../src/membership";
import { schoolZone, toLocalInput } from "../../../src/kernel";
import { SYSTEM } from "../../../src/audit";
import { cancelSession, coverSession } from "../../../src/timetable/date-changes-service";
import { sessionsOnDates, type EntryRow } from "../../../src/timetable";
import { addDays } from "../../../src/kernel/core";
import { eventBlocks, unfold } from "../unit/parsed-feed";
import {
  childEntries,
  familyAgent,
  feedPathVia,
  fetchFeed,
  meetingsOf,
  publishedEntries,
  SnapshotEntry,
} from "./support";

interface Held {
  sequence: number;
  lastModified: string;
  lines: string[];
}

const valueOf = (lines: string[], name: string) =>
  lines.find((l) => l.startsWith(`${name}:`))?.slice(name.length + 1) ?? "";

/** A phone subscribed through ICSx⁵: keeps its copy of each event unless the server's is newer. */
class Phone {
  readonly held = new Map<string, Held>();
  private frame: string[] = [];

  sync(ics: string): void {
    const served = eventBlocks(ics);
    for (const uid of [...this.held.keys()]) if (!served.has(uid)) this.held.delete(uid);
    for (const [uid, lines] of served) {
      const next = {
        sequence: Number(valueOf(lines, "SEQUENCE") || "0"),
        lastModified: valueOf(lines, "LAST-MODIFIED"),
        lines,
      };
      const had = this.held.get(uid);
      // LAST-MODIFIED is UTC basic format (YYYYMMDDTHHMMSSZ): string order is time order.
      if (!had || next.lastModified > had.lastModified || next.sequence > had.sequence) this.held.set(uid, next);
    }
    // The calendar around the events (properties, time zone), as last served.
    let inEvent = false;
    this.frame = unfold(ics).filter((line) => {
      if (line === "BEGIN:VEVENT") inEvent = true;
      const keep = !inEvent && line !== "END:VCALENDAR" && line !== "";
      if (line === "END:VEVENT") inEvent = false;
      return keep;
    });
  }

  /** What the phone shows, as one ICS. */
  ics(): string {
    const events = [...this.held.values()].flatMap((h) => ["BEGIN:VEVENT", ...h.lines, "END:VEVENT"]);
    return [...this.frame, ...events, "END:VCALENDAR", ""].join("\r\n");
  }
}

forEachDatabase("calendar feeds: a term of changes replayed through ICSx⁵ and full reloads", (ctx) => {
  let app: Express;
  let logins: DemoLogins;
  let admin: Agent;
  let family: Agent;
  let teacherId: number;
  let child: Student;
  let childEntryIds: Set<number>;
  let homework: SnapshotEntry;
  let topUpClub: Club;
  let venueId: number;
  const feeds = new Map<string, { agent: () => Agent; path: string; phone: Phone; reload: string }>();

  const ds = () => ctx.db.ds;
  const term = () => ds().getRepository(Term).findOneByOrFail({ current: true });

  async function fetchText(path: string): Promise<string> {
    const res = await fetchFeed(app, path);
    expect(res.status, path).to.equal(200);
    return (res.body as Buffer).toString("utf8");
  }

  // Every feed is polled after each change; the phone applies ICSx⁵'s rule, the reload keeps the latest bytes.
  async function pollAll(step: string): Promise<void> {
    for (const [name, feed] of feeds) {
      const text = await fetchText(feed.path);
      feed.phone.sync(text);
      feed.reload = text;
      const served = new Map([...eventBlocks(text)].map(([uid, lines]) => [uid, lines.join("\n")]));
      const onPhone = new Map([...feed.phone.held].map(([uid, h]) => [uid, h.lines.join("\n")]));
      for (const [uid, lines] of served)
        expect(onPhone.get(uid), `${step}: ${name} feed, ${uid} on the phone`).to.equal(lines);
      expect(onPhone.size, `${step}: ${name} feed, events on the phone`).to.equal(served.size);
    }
  }

  // "entry-N|date|start|end" for every session the school's pages show on every date of the term.
  async function schoolPages(
    keep: (s: { entry: EntryRow; staffId: number | null; date: string }) => boolean,
  ): Promise<string[]> {
    const t = await term();
    const periods = new Map((await ds().getRepository(Period).findBy({ termId: t.id })).map((p) => [p.id, p]));
    const dates: string[] = [];
    for (let d = t.startDate; d <= t.endDate; d = addDays(d, 1)) dates.push(d);
    const out: string[] = [];
    for (const { date, sessions } of await sessionsOnDates(ds().manager, dates)) {
      for (const s of sessions) {
        if (s.cancelled || !keep({ entry: s.entry, staffId: s.staffId, date })) continue;
        const p = periods.get(s.entry.periodId)!;
        out.push(`entry-${s.entry.id}|${date}|${p.startTime}|${p.endTime}`);
      }
    }
    return out.sort();
  }

  // A date on which the entry runs as usual, on or after `from`, with no special day.
  async function plainDateOf(entry: SnapshotEntry, from: string, avoid: string[] = []): Promise<string> {
    const t = await term();
    const special = new Set((await ds().getRepository(CalendarDay).findBy({ termId: t.id })).map((d) => d.date));
    const dates: string[] = [];
    for (let d = from; d <= t.endDate; d = addDays(d, 1)) if (!special.has(d) && !avoid.includes(d)) dates.push(d);
    for (const { date, sessions } of await sessionsOnDates(ds().manager, dates)) {
      if (sessions.some((s) => s.entry.id === entry.id && !s.cancelled && !s.covered)) return date;
    }
    throw new Error(`entry ${entry.id} never runs from ${from}`);
  }

  before(async function () {
    this.timeout(180_000);
    ({ app, logins } = await demoApp(ctx.db));
    // The term's main club round, published before anyone subscribes.
    const { round } = await seedDemoChoices(ds(), { students: 120, seed: 20 });
    await publishRun(
      ds(),
      await createRun(ds(), round.id, { mechanism: "optimal", seed: 20, note: "" }, SYSTEM),
      { overrideReason: "replay test: policy checked elsewhere" },
      SYSTEM,
    );
    admin = await loginAs(app, staffLogin(logins, "admin"));
    family = await familyAgent(app, { studentNumber: logins.families[1].studentNumber, code: logins.families[1].code });
    child = await ds()
      .getRepository(Student)
      .findOneOrFail({ where: { studentNumber: logins.families[1].children[0] }, relations: { schoolClass: true } });
    const mine = await childEntries(ds(), child.id);
    childEntryIds = new Set(mine.map((e) => e.id));
    // The child comes every weekday (the family answered), so a club round may place them on any weekday.
    if (!(await ds().getRepository(ServiceEnrollment).countBy({ studentId: child.id }))) {
      await ds()
        .getRepository(ServiceEnrollment)
        .insert({
          termId: (await term()).id,
          studentId: child.id,
          weekdays: [1, 2, 3, 4, 5],
          source: "family",
          enteredByStaffId: null,
          updatedAt: new Date().toISOString(),
        });
    }
    homework = mine.find((e) => e.kind === "homework" && e.staffId !== null)!;
    expect(homework, "the child has homework help with a teacher").to.not.equal(undefined);
    teacherId = homework.staffId!;
    // The club the top-up round will place the child in: a club of the child's grade the child does not hold.
    const t = await term();
    const held = await clubsOn(ds(), child.id, t.startDate > "2026-12-06" ? t.startDate : "2026-12-06");
    topUpClub = (
      await ds()
        .getRepository(Club)
        .find({ where: { termId: t.id, cancelled: false }, order: { id: "ASC" } })
    ).find((c) => c.grades.includes(child.schoolClass.grade) && !held.includes(c.id))!;
    expect(topUpClub, "a club of the child's grade the child does not hold").to.not.equal(undefined);
    // The venue that will be renamed: the homework's, else the first one in use.
    const entries = await publishedEntries(ds());
    venueId = homework.venueId ?? entries.find((e) => e.venueId !== null)!.venueId!;
    for (const [name, agent, page] of [
      ["school", () => admin, "/feeds/school/0"],
      ["teacher", () => admin, `/feeds/staff/${teacherId}`],
      ["child", () => family, `/feeds/student/${child.id}`],
      ["club", () => admin, `/feeds/club/${topUpClub.id}`],
      ["venue", () => admin, `/feeds/venue/${venueId}`],
    ] as const) {
      feeds.set(name, { agent, path: await feedPathVia(agent(), page), phone: new Phone(), reload: "" });
    }
    await pollAll("subscribed");
  });

  it("When a holiday is added on the teacher's weekday, then the phones and the reloads agree", async function () {
    this.timeout(60_000);
    const date = await plainDateOf(homework, "2026-11-02");
    await ds()
      .getRepository(CalendarDay)
      .insert({ termId: (await term()).id, date, kind: "holiday", runsWeekday: null, name: "校庆日" });
    await pollAll(`holiday ${date}`);
  });

  it("When a make-up day running the teacher's weekday is added on a Saturday, then the phones and the reloads agree", async function () {
    this.timeout(60_000);
    const t = await term();
    const special = new Set((await ds().getRepository(CalendarDay).findBy({ termId: t.id })).map((d) => d.date));
    let date = "2026-11-07";
    while (special.has(date)) date = addDays(date, 7);
    await ds()
      .getRepository(CalendarDay)
      .insert({ termId: t.id, date, kind: "makeup", runsWeekday: homework.weekday, name: "调休" });
    await pollAll(`make-up day ${date}`);
  });

  it("When one session is cancelled, then the phones and the reloads agree", async function () {
    this.timeout(60_000);
    const date = await plainDateOf(homework, "2026-10-12");
    await cancelSession(ds(), { date, entryId: homework.id, grade: null, reason: "weather", note: null }, SYSTEM);
    await pollAll(`cancelled ${date}`);
  });

  it("When the teacher covers a session of the child's grade, then the phones and the reloads agree", async function () {
    this.timeout(60_000);
    const entries = await publishedEntries(ds());
    // The teacher has nothing else in that period on that weekday.
    const busy = (x: SnapshotEntry) =>
      entries.some((e) => e.weekday === x.weekday && e.periodId === x.periodId && e.staffId === teacherId);
    const entry =
      entries.find((e) => childEntryIds.has(e.id) && e.staffId !== null && e.staffId !== teacherId && !busy(e)) ??
      entries.find((e) => e.staffId !== null && e.staffId !== teacherId && !busy(e));
    expect(entry, "a session in a period the teacher is free").to.not.equal(undefined);
    const date = await plainDateOf(entry!, "2026-10-19");
    await coverSession(ds(), { date, entryId: entry!.id, staffId: teacherId }, SYSTEM);
    await pollAll(`cover ${date}`);
  });

  it("When the period of the homework moves five minutes earlier, then the phones and the reloads agree", async function () {
    this.timeout(60_000);
    const period = await ds().getRepository(Period).findOneByOrFail({ id: homework.periodId });
    const [h, m] = period.startTime.split(":").map(Number);
    const start = h * 60 + m - 5;
    await ds()
      .getRepository(Period)
      .update(
        { id: period.id },
        { startTime: `${String(Math.floor(start / 60)).padStart(2, "0")}:${String(start % 60).padStart(2, "0")}` },
      );
    await pollAll("period moved");
  });

  it("When the homework's venue is renamed (the room moves), then the phones and the reloads agree", async function () {
    this.timeout(60_000);
    const venue = await ds().getRepository(Venue).findOneByOrFail({ id: venueId });
    await ds()
      .getRepository(Venue)
      .update({ id: venueId }, { name: `${venue.name}（新楼）` });
    await pollAll("venue moved");
  });

  it("When the teacher is renamed, then the phones and the reloads agree", async function () {
    this.timeout(60_000);
    const staff = await ds().getRepository(Staff).findOneByOrFail({ id: teacherId });
    await ds()
      .getRepository(Staff)
      .update({ id: teacherId }, { name: `${staff.name}老师` });
    await pollAll("teacher renamed");
  });

  it("When a top-up round (补选) places the child in one more club, then the phones and the reloads agree", async function () {
    this.timeout(120_000);
    const club = topUpClub;
    // The school adds seats for the top-up.
    await ds()
      .getRepository(Club)
      .update({ id: club.id }, { maxSize: club.maxSize + 5 });
    const zone = await schoolZone(ds());
    const local = (ms: number) => toLocalInput(new Date(Date.now() + ms).toISOString(), zone);
    const res = await admin
      .post("/admin/rounds")
      .type("form")
      .send({
        name: "补选",
        opensAt: local(-3_600_000),
        closesAt: local(60_000),
        grades: ["1", "2", "3", "4", "5", "6"],
        minChoices: "1",
        maxChoices: "3",
        maxClubsPerChild: "2",
        mechanism: "optimal",
        clubIds: [String(club.id)],
        _csrf: await formToken(admin, "/admin/rounds/new"),
      });
    expect(res.status, (res.text.match(/<p class="field-error"[^<]*<\/p>/g) ?? []).join(" ")).to.equal(302);
    const topUp = await ds().getRepository(ChoiceRound).findOneByOrFail({ name: "补选" });
    const now = new Date().toISOString();
    await ds()
      .getRepository(Preference)
      .insert({
        roundId: topUp.id,
        studentId: child.id,
        clubIds: [club.id],
        maxClubs: topUp.maxClubsPerChild,
        placeWithSiblings: false,
        swapClubIds: null,
        source: "family",
        enteredByStaffId: null,
        submittedAt: now,
        updatedAt: now,
        version: 1,
      });
    const close = await admin
      .post(`/admin/rounds/${topUp.id}/close`)
      .type("form")
      .send({ confirm: "1", _csrf: await formToken(admin, `/admin/rounds/${topUp.id}/close`) });
    expect(close.status).to.equal(302);
    await publishRun(
      ds(),
      await createRun(ds(), topUp.id, { mechanism: "optimal", seed: 5, note: "" }, SYSTEM),
      { overrideReason: "replay test: policy checked elsewhere" },
      SYSTEM,
    );
    const effective = (await ds().getRepository(ChoiceRound).findOneByOrFail({ id: topUp.id })).effectiveDate!;
    expect(await clubsOn(ds(), child.id, effective), "the top-up placed the child").to.include(club.id);
    await pollAll("top-up published");
  });

  it("When the term of changes is over, then each phone (ICSx⁵'s rule) and each full reload show exactly the sessions of the school's own pages", async function () {
    this.timeout(60_000);
    const t = await term();
    const dates: string[] = [];
    for (let d = t.startDate; d <= t.endDate; d = addDays(d, 1)) dates.push(d);
    const clubsByDate = await clubsOnDates(ds(), child.id, dates);
    const entries = await publishedEntries(ds());
    const truth = {
      school: await schoolPages(() => true),
      teacher: await schoolPages((s) => s.staffId === teacherId),
      // The child's class and grade sessions, each club on the dates the ledger has the child in it, and the
      // grade's supervised activity (托管) on the dates the child has no club in its period (the roster's rule).
      child: await schoolPages(({ entry, date }) => {
        const clubs = clubsByDate.get(date) ?? [];
        if (entry.clubId !== null) return clubs.includes(entry.clubId);
        const atClub = entries.some(
          (c) =>
            c.clubId !== null &&
            clubs.includes(c.clubId) &&
            c.weekday === entry.weekday &&
            c.periodId === entry.periodId,
        );
        return childEntryIds.has(entry.id) && !(entry.kind === "activity" && atClub);
      }),
      club: await schoolPages(({ entry }) => entry.clubId === topUpClub.id),
      venue: await schoolPages(({ entry }) => entry.venueId === venueId),
    };
    for (const [name, feed] of feeds) {
      const expected = truth[name as keyof typeof truth];
      expect(expected.length, `${name}: sessions on the school's pages`).to.be.greaterThan(0);
      expect(meetingsOf(feed.phone.ics()).meetings.sort(), `${name} on the phone`).to.deep.equal(expected);
      expect(meetingsOf(feed.reload).meetings.sort(), `${name} reloaded`).to.deep.equal(expected);
    }
  });
});
