// Random terms, special days and timetables: whatever the mix, the RRULE +
// EXDATE + make-up events that node-ical reads back are exactly the plain list.
import { expect } from "chai";
import fc from "fast-check";
import { buildCalendar, expectedOccurrences } from "../../../src/feeds/core";
import type { FeedInput, SpecialDay, WeeklySession } from "../../../src/feeds/core";
import { meetingsInFeed } from "./parsed-feed";

const DAY = 86_400_000;
const dateAt = (offset: number) => new Date(Date.UTC(2026, 0, 1) + offset * DAY).toISOString().slice(0, 10);
const isWeekend = (date: string) => [0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());
const weekday = fc.constantFrom<1 | 2 | 3 | 4 | 5>(1, 2, 3, 4, 5);

const feedArb = fc
  .record({
    startOffset: fc.integer({ min: 0, max: 700 }),
    length: fc.integer({ min: 0, max: 120 }),
    timezone: fc.constantFrom("Asia/Shanghai", "Europe/Berlin", "America/New_York", "Australia/Sydney"),
    special: fc.array(
      fc.record({
        offset: fc.integer({ min: -5, max: 125 }),
        kind: fc.constantFrom("holiday", "exam", "makeup", "event"),
        runs: weekday,
      }),
      { maxLength: 25 },
    ),
    sessions: fc.array(
      fc.record({
        weekday,
        startHour: fc.integer({ min: 7, max: 19 }),
        minutes: fc.constantFrom(30, 45, 60, 90),
        cancelled: fc.array(fc.integer({ min: 0, max: 120 }), { maxLength: 6 }),
        sequence: fc.nat(20),
      }),
      { minLength: 1, maxLength: 6 },
    ),
  })
  .map(({ startOffset, length, timezone, special, sessions }): FeedInput => {
    const startDate = dateAt(startOffset);
    const specialDays = new Map<string, SpecialDay>();
    for (const s of special) {
      const date = dateAt(startOffset + s.offset);
      if (s.kind === "makeup" && !isWeekend(date)) continue;
      specialDays.set(
        date,
        s.kind === "makeup"
          ? { date, kind: "makeup", runsWeekday: s.runs, name: "调休" }
          : { date, kind: s.kind, name: s.kind },
      );
    }
    const timetable: WeeklySession[] = sessions.map((s, i) => {
      const end = s.startHour * 60 + s.minutes;
      return {
        key: `s${i}`,
        weekday: s.weekday,
        start: `${String(s.startHour).padStart(2, "0")}:00`,
        end: `${String(Math.floor(end / 60)).padStart(2, "0")}:${String(end % 60).padStart(2, "0")}`,
        summary: `Session ${i}`,
        sequence: s.sequence,
        lastModified: "2026-01-01T00:00:00Z",
        cancelledDates: s.cancelled.map((c) => dateAt(startOffset + c)),
      };
    });
    return {
      name: "random",
      timezone,
      uidDomain: "kehou.test",
      term: { startDate, endDate: dateAt(startOffset + length) },
      specialDays: [...specialDays.values()],
      sessions: timetable,
    };
  });

describe("buildCalendar on random terms", () => {
  it("When any term, special days and timetable are built and parsed back, then the meetings equal expectedOccurrences()", () => {
    fc.assert(
      fc.property(feedArb, (feed) => {
        const ics = buildCalendar(feed);
        const { meetings, idleExdates } = meetingsInFeed(
          ics,
          feed.timezone!,
          new Date("2025-06-01T00:00:00Z"),
          new Date("2028-06-01T00:00:00Z"),
        );
        const got = meetings.map((m) => `${m.uidBase}|${m.date}|${m.start}|${m.end}`);
        const want = expectedOccurrences(feed).map((o) => `${o.key}|${o.date}|${o.start}|${o.end}`);
        expect(idleExdates).to.deep.equal([]);
        expect(got.length).to.equal(new Set(got).size);
        expect(new Set(got)).to.deep.equal(new Set(want));
        expect(buildCalendar(feed)).to.equal(ics);
      }),
      { numRuns: 60, seed: 20260901 },
    );
  });
});
