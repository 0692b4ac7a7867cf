// The autumn 2026 demo term, built, parsed back with node-ical and expanded,
// against a truth worked out from the plain term facts (truthFromFacts).
import { expect } from "chai";
import { buildCalendar, expectedOccurrences } from "../../../src/feeds/core";
import { demoFeed, FACTS, TERM, truthFromFacts } from "./demo-term";
import { meetingsInFeed, parseEvents } from "./parsed-feed";

const ZONE = "Asia/Shanghai";
const FROM = new Date("2026-08-31T16:00:00Z"); // 1 Sep 2026 00:00 in Beijing
const TO = new Date("2027-01-15T16:00:00Z"); // 16 Jan 2027 00:00 in Beijing

describe("buildCalendar on the autumn 2026 demo term", () => {
  const ics = buildCalendar(demoFeed());
  const { meetings, idleExdates } = meetingsInFeed(ics, ZONE, FROM, TO);
  const parsed = meetings.map((m) => `${m.uidBase}|${m.date}|${m.start}|${m.end}`);
  const on = (date: string) =>
    meetings
      .filter((m) => m.date === date)
      .map((m) => m.uidBase)
      .sort();

  it("When node-ical expands every RRULE minus its EXDATEs, then the meetings are exactly those the term facts give", () => {
    const expected = truthFromFacts();
    expect(parsed.length).to.equal(new Set(parsed).size, "no meeting appears twice");
    expect(new Set(parsed)).to.deep.equal(expected);
    expect(expected.size).to.equal(140); // 8 sessions over 20 weeks, less holidays, exams and cancellations
  });

  it("When the feed is expanded, then it agrees with expectedOccurrences()", () => {
    const listed = expectedOccurrences(demoFeed()).map((o) => `${o.key}|${o.date}|${o.start}|${o.end}`);
    expect(new Set(parsed)).to.deep.equal(new Set(listed));
    expect(listed).to.have.length(parsed.length);
  });

  it("When an EXDATE is written, then it removes a real occurrence (same TZID and time as DTSTART)", () => {
    expect(idleExdates).to.deep.equal([]);
  });

  it("When it is the Mid-Autumn or National Day holiday, New Year's Day or an exam day, then nothing is on", () => {
    for (const date of [...FACTS.holidays, ...FACTS.exams]) expect(on(date), date).to.deep.equal([]);
  });

  it("When Sunday 20 Sep runs the Friday timetable, then both Friday sessions are on that Sunday", () => {
    expect(on("2026-09-20")).to.deep.equal(["dance-fri", "quilling-fri"]);
  });

  it("When Saturday 10 Oct runs the Wednesday timetable and abacus is cancelled that day, then only painting is on", () => {
    expect(on("2026-10-10")).to.deep.equal(["painting-wed"]);
  });

  it("When the sports meet is an event day, then the Friday timetable still runs", () => {
    expect(on(FACTS.sportsMeet)).to.deep.equal(["dance-fri", "quilling-fri"]);
  });

  it("When the term starts on a Tuesday, then the Tuesday series starts on 1 Sep and the Monday series on 7 Sep", () => {
    const starts = new Map(parseEvents(ics).map((e) => [e.uid, e.start.toISOString()]));
    expect(starts.get("football-tue@kehou.local")).to.equal("2026-09-01T08:40:00.000Z");
    expect(starts.get("homework-mon@kehou.local")).to.equal("2026-09-07T07:40:00.000Z");
  });

  it("When nothing is scheduled after the term, then no meeting falls outside 1 Sep 2026 – 15 Jan 2027", () => {
    const wide = meetingsInFeed(ics, ZONE, new Date("2026-01-01T00:00:00Z"), new Date("2028-01-01T00:00:00Z")).meetings;
    expect(wide).to.have.length(meetings.length);
    expect(wide.every((m) => m.date >= TERM.startDate && m.date <= TERM.endDate)).to.equal(true);
  });

  it("When make-up days are in the term, then each is its own VEVENT without RRULE and with a UID from key and date", () => {
    const single = parseEvents(ics)
      .filter((e) => !e.rrule)
      .map((e) => e.uid)
      .sort();
    expect(single).to.deep.equal([
      "dance-fri+20260920@kehou.local",
      "painting-wed+20261010@kehou.local",
      "quilling-fri+20260920@kehou.local",
    ]);
  });
});
