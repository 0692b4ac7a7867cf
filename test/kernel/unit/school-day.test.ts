// The kernel's school calendar, one rule per test (no database).
import { expect } from "chai";
import {
  CalendarDataError,
  indexCalendar,
  localDate,
  makeUpProblems,
  schoolDay,
  schoolDays,
  termCalendarOf,
  termWeeks,
  type CalendarEntry,
} from "../../../src/kernel/core";

const day = (date: string, entries: CalendarEntry[] = []) => schoolDay(date, indexCalendar(entries));

describe("kernel: schoolDay", () => {
  it("When a plain Wednesday comes, then it is a school day running Wednesday's timetable", () => {
    expect(day("2026-09-02")).to.deep.equal({
      date: "2026-09-02",
      kind: "school",
      calendarWeekday: 3,
      runsWeekday: 3,
      label: null,
    });
  });

  it("When a plain Saturday comes, then it is a weekend with no service", () => {
    expect(day("2026-09-05")).to.include({ kind: "weekend", runsWeekday: null, calendarWeekday: 6 });
  });

  it("When a weekday is a holiday, then it has no service and carries the holiday's name", () => {
    expect(day("2026-10-01", [{ date: "2026-10-01", kind: "holiday", name: "国庆节" }])).to.include({
      kind: "holiday",
      runsWeekday: null,
      label: "国庆节",
    });
  });

  it("When a weekday is an exam day, then it has no service", () => {
    expect(day("2026-11-12", [{ date: "2026-11-12", kind: "exam", name: "期中考试" }])).to.include({
      kind: "exam",
      runsWeekday: null,
    });
  });

  it("When a Friday is an event day, then Friday's timetable still runs", () => {
    expect(day("2026-10-23", [{ date: "2026-10-23", kind: "event", name: "运动会" }])).to.include({
      kind: "event",
      runsWeekday: 5,
      label: "运动会",
    });
  });

  it("When a Saturday is an event day, then it is noted but has no service", () => {
    expect(day("2026-10-24", [{ date: "2026-10-24", kind: "event", name: "开放日" }])).to.include({
      kind: "event",
      runsWeekday: null,
    });
  });

  it("When Sunday 20 Sep is a make-up day following Friday, then Friday's timetable runs on it", () => {
    expect(day("2026-09-20", [{ date: "2026-09-20", kind: "makeup", runsWeekday: 5, name: "调休" }])).to.deep.equal({
      date: "2026-09-20",
      kind: "makeup",
      calendarWeekday: 7,
      runsWeekday: 5,
      label: "调休",
    });
  });

  it("When a stored make-up day names no weekday (or 6), then reading it is refused naming the date and field", () => {
    for (const runsWeekday of [undefined, null, 6, 0, 2.5]) {
      const read = () => day("2026-09-26", [{ date: "2026-09-26", kind: "makeup", runsWeekday }]);
      expect(read).to.throw(CalendarDataError, /2026-09-26.*runsWeekday/);
    }
  });
});

describe("kernel: the make-up rule for forms and imports", () => {
  it("When a make-up Sunday follows Friday, then nothing is wrong", () => {
    expect(makeUpProblems("2026-09-20", 5)).to.deep.equal({});
  });

  it("When a Monday–Friday make-up date names no weekday, then both the date and the weekday are refused", () => {
    expect(makeUpProblems("2026-09-21", null)).to.deep.equal({
      date: "makeupWeekend",
      runsWeekday: "runsWeekdayRequired",
    });
  });

  it("When the date itself is malformed, then only the weekday is judged here (the date field names its own error)", () => {
    expect(makeUpProblems("", 5)).to.deep.equal({});
    expect(makeUpProblems("2026-02-30", null)).to.deep.equal({ runsWeekday: "runsWeekdayRequired" });
  });

  it("When a make-up Saturday names Saturday, then the weekday is refused", () => {
    expect(makeUpProblems("2026-09-26", 6)).to.deep.equal({ runsWeekday: "runsWeekdayRequired" });
  });
});

describe("kernel: the term's school days and weeks", () => {
  const calendar = {
    startDate: "2026-09-19",
    endDate: "2026-09-27",
    specialDays: [
      { date: "2026-09-20", kind: "makeup" as const, runsWeekday: 5 },
      { date: "2026-09-25", kind: "holiday" as const },
    ],
  };

  it("When a week has a make-up Sunday and a holiday Friday, then the Sunday counts as a Friday and the Friday not at all", () => {
    expect(schoolDays(calendar).map((d) => [d.date, d.weekday, d.isMakeUpDay])).to.deep.equal([
      ["2026-09-20", 5, true],
      ["2026-09-21", 1, false],
      ["2026-09-22", 2, false],
      ["2026-09-23", 3, false],
      ["2026-09-24", 4, false],
    ]);
  });

  it("When the term's weeks are grouped, then the make-up Sunday closes the week it ends (Monday first)", () => {
    expect(termWeeks(termCalendarOf(calendar)).map((w) => [w.weekStart, w.schoolDays.length])).to.deep.equal([
      ["2026-09-14", 1],
      ["2026-09-21", 4],
    ]);
  });
});

describe("kernel: the school's today", () => {
  it("When it is 17:00 UTC on 10 Sep, then the school in Asia/Shanghai is already on 11 Sep and Berlin is not", () => {
    const at = new Date("2026-09-10T17:00:00Z");
    expect([localDate(at, "Asia/Shanghai"), localDate(at, "Europe/Berlin")]).to.deep.equal([
      "2026-09-11",
      "2026-09-10",
    ]);
  });
});
