// One test per rule of which timetable runs on a date, and the edges of a term.
import { expect } from "chai";
import { buildCalendar, expectedOccurrences, timetableWeekdayOn } from "../../../src/feeds/core";
import type { SpecialDay } from "../../../src/feeds/core";
import { demoFeed, demoSessions } from "./demo-term";
import { meetingsInFeed, parseEvents } from "./parsed-feed";

const index = (days: SpecialDay[]) => new Map(days.map((d) => [d.date, d]));

describe("timetableWeekdayOn", () => {
  it("When a plain Wednesday comes, then the Wednesday timetable runs", () => {
    expect(timetableWeekdayOn("2026-09-02", index([]))).to.equal(3);
  });

  it("When a plain Saturday comes, then there is no service", () => {
    expect(timetableWeekdayOn("2026-09-05", index([]))).to.equal(null);
  });

  it("When a weekday is a holiday, then there is no service", () => {
    expect(timetableWeekdayOn("2026-10-01", index([{ date: "2026-10-01", kind: "holiday", name: "国庆节" }]))).to.equal(
      null,
    );
  });

  it("When a weekday is an exam day, then there is no service", () => {
    expect(timetableWeekdayOn("2026-11-12", index([{ date: "2026-11-12", kind: "exam", name: "期中考试" }]))).to.equal(
      null,
    );
  });

  it("When a Sunday is a make-up day running Friday, then the Friday timetable runs", () => {
    expect(
      timetableWeekdayOn("2026-09-20", index([{ date: "2026-09-20", kind: "makeup", runsWeekday: 5, name: "调休" }])),
    ).to.equal(5);
  });

  it("When a Friday is an event day (sports meet), then the Friday timetable still runs", () => {
    expect(timetableWeekdayOn("2026-10-23", index([{ date: "2026-10-23", kind: "event", name: "运动会" }]))).to.equal(
      5,
    );
  });
});

describe("expectedOccurrences and the edges of a term", () => {
  it("When the list is produced, then it is ordered by date, start time and key", () => {
    const list = expectedOccurrences(demoFeed());
    const keys = list.map((o) => `${o.date} ${o.start} ${o.key}`);
    expect(keys).to.deep.equal([...keys].sort());
    expect(list[0]).to.deep.equal({ key: "football-tue", date: "2026-09-01", start: "16:40", end: "17:40" });
  });

  it("When a make-up day lies outside the term, then it adds no meeting", () => {
    const feed = demoFeed({ specialDays: [{ date: "2027-02-20", kind: "makeup", runsWeekday: 1, name: "调休" }] });
    expect(expectedOccurrences(feed).some((o) => o.date === "2027-02-20")).to.equal(false);
    expect(buildCalendar(feed)).to.not.contain("+20270220@");
  });

  it("When the term is a single Tuesday, then only the Tuesday session appears, once, and the other weekdays have no series", () => {
    const feed = demoFeed({ term: { startDate: "2026-09-01", endDate: "2026-09-01" }, specialDays: [] });
    const ics = buildCalendar(feed);
    expect(parseEvents(ics).map((e) => e.uid)).to.deep.equal(["football-tue@kehou.local"]);
    const { meetings } = meetingsInFeed(
      ics,
      "Asia/Shanghai",
      new Date("2026-01-01T00:00:00Z"),
      new Date("2028-01-01T00:00:00Z"),
    );
    expect(meetings.map((m) => `${m.uidBase} ${m.date}`)).to.deep.equal(["football-tue 2026-09-01"]);
  });

  it("When every meeting of a session falls on a holiday or is cancelled, then it has no VEVENT at all", () => {
    const feed = demoFeed({
      term: { startDate: "2026-09-28", endDate: "2026-10-09" },
      specialDays: [{ date: "2026-10-01", kind: "holiday", name: "国庆节" }],
      sessions: demoSessions().map((s) => (s.key === "choir-thu" ? { ...s, cancelledDates: ["2026-10-08"] } : s)),
    });
    const uids = parseEvents(buildCalendar(feed)).map((e) => e.uid);
    expect(uids).to.not.include("choir-thu@kehou.local");
    expect(uids).to.include("chess-thu@kehou.local");
  });

  it("When DTSTART's own date is a holiday, then it is excluded by EXDATE and the series still starts there", () => {
    const feed = demoFeed({ specialDays: [{ date: "2026-09-01", kind: "holiday", name: "开学典礼" }] });
    const ics = buildCalendar(feed);
    const tue = parseEvents(ics).find((e) => e.uid === "football-tue@kehou.local")!;
    expect(tue.start.toISOString()).to.equal("2026-09-01T08:40:00.000Z");
    const { meetings } = meetingsInFeed(
      ics,
      "Asia/Shanghai",
      new Date("2026-08-01T00:00:00Z"),
      new Date("2027-02-01T00:00:00Z"),
    );
    expect(meetings.filter((m) => m.uidBase === "football-tue")[0].date).to.equal("2026-09-08");
  });

  it("When the school's zone has daylight saving (Europe/Berlin), then meetings keep their wall-clock time across the change", () => {
    const feed = demoFeed({
      timezone: "Europe/Berlin",
      term: { startDate: "2026-10-19", endDate: "2026-11-06" },
      specialDays: [],
    });
    const ics = buildCalendar(feed);
    expect(ics).to.contain("RRULE:FREQ=WEEKLY;UNTIL=20261106T225959Z");
    const { meetings } = meetingsInFeed(
      ics,
      "Europe/Berlin",
      new Date("2026-10-01T00:00:00Z"),
      new Date("2026-12-01T00:00:00Z"),
    );
    const expected = expectedOccurrences(feed).map((o) => `${o.key} ${o.date} ${o.start}`);
    expect(new Set(meetings.map((m) => `${m.uidBase} ${m.date} ${m.start}`))).to.deep.equal(new Set(expected));
    expect(meetings.filter((m) => m.uidBase === "homework-mon").map((m) => m.start)).to.deep.equal([
      "15:40",
      "15:40",
      "15:40",
    ]);
  });
});
