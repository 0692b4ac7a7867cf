// The one parser of the published snapshot and the questions asked of it
// (no database): which rows are entries, and which sessions a date has.
import { expect } from "chai";
import { indexCalendar, schoolDay, type CalendarEntry } from "../../../src/kernel/core";
import { parseSnapshot } from "../../../src/timetable/core/snapshot";
import { clubSessions, sessionsOn, staffWeek, type DateChanges } from "../../../src/timetable/core/questions";

const row = (over: Record<string, unknown> = {}) => ({
  id: 1,
  termId: 7,
  weekday: 1,
  periodId: 10,
  kind: "club",
  title: "合唱",
  grades: [3],
  classId: null,
  clubId: 5,
  staffId: 9,
  venueId: null,
  sequence: 2,
  updatedAt: "2026-09-01T00:00:00.000Z",
  ...over,
});

describe("timetable: the published snapshot's parser", () => {
  it("When nothing is published (null, or not a list), then there are no rows and nothing is counted as unreadable", () => {
    for (const raw of [null, undefined, {}, "[]"]) expect(parseSnapshot(raw)).to.deep.equal({ rows: [], skipped: [] });
  });

  it("When a row is a valid entry, then it is read as it was published", () => {
    expect(parseSnapshot([row()]).rows).to.deep.equal([row()]);
  });

  it("When an older row lacks the optional fields, then they take their defaults (the snapshot's term, no references, sequence 0)", () => {
    const { rows, skipped } = parseSnapshot(
      [{ id: 3, weekday: 2, periodId: 10, kind: "sport", title: "跳绳", grades: [1, 2] }],
      7,
    );
    expect(skipped).to.deep.equal([]);
    expect(rows[0]).to.deep.equal({
      id: 3,
      termId: 7,
      weekday: 2,
      periodId: 10,
      kind: "sport",
      title: "跳绳",
      grades: [1, 2],
      classId: null,
      clubId: null,
      staffId: null,
      venueId: null,
      sequence: 0,
      updatedAt: "",
    });
  });

  const bad: [string, unknown, string][] = [
    ["not an object", "合唱", "notAnObject"],
    ["an id that is text", row({ id: "1" }), "id"],
    ["a weekday that is text", row({ weekday: "3" }), "weekday"],
    ["a Saturday", row({ weekday: 6 }), "weekday"],
    ["a missing period", row({ periodId: null }), "periodId"],
    ["an unknown kind", row({ kind: "party" }), "kind"],
    ["no title", row({ title: 42 }), "title"],
    ["a grade that is text", row({ grades: [3, "4"] }), "grades"],
    ["a club id that is text", row({ clubId: "5" }), "reference"],
    ["a sequence that is text", row({ sequence: "2" }), "sequence"],
  ];
  for (const [what, raw, problem] of bad) {
    it(`When a row has ${what}, then it is left out and counted (${problem}); the other rows stand`, () => {
      const { rows, skipped } = parseSnapshot([row({ id: 100 }), raw]);
      expect(rows.map((r) => r.id)).to.deep.equal([100]);
      expect(skipped).to.have.length(1);
      expect(skipped[0]).to.include({ index: 1, problem });
    });
  }

  it("When two rows share an id, then the first stands and the second is left out (one session, one feed UID)", () => {
    const { rows, skipped } = parseSnapshot([row({ title: "first" }), row({ title: "second" })]);
    expect(rows.map((r) => r.title)).to.deep.equal(["first"]);
    expect(skipped).to.deep.equal([{ index: 1, id: 1, problem: "duplicateId" }]);
  });
});

describe("timetable: the questions asked of the published week", () => {
  const rows = parseSnapshot([
    row({ id: 1, weekday: 1, periodId: 20, title: "篮球", clubId: 5, staffId: 9 }),
    row({ id: 2, weekday: 1, periodId: 10, kind: "homework", title: "作业辅导", clubId: null, classId: 3, staffId: 8 }),
    row({ id: 3, weekday: 3, periodId: 10, title: "篮球", clubId: 5, staffId: 9 }),
    row({ id: 4, weekday: 4, periodId: 10, title: "合唱", clubId: 6, staffId: 8 }),
  ]).rows;
  const order = new Map([
    [10, 0],
    [20, 1],
  ]);
  const on = (date: string, entries: CalendarEntry[] = [], changes?: DateChanges) =>
    sessionsOn(rows, schoolDay(date, indexCalendar(entries)), changes, order).map((s) => s.entry.id);

  it("When a plain Monday comes, then its sessions are Monday's, in the order of the day", () => {
    expect(on("2026-09-07")).to.deep.equal([2, 1]);
  });

  it("When a Sunday is a make-up day following Wednesday, then it has Wednesday's sessions", () => {
    expect(on("2026-09-27", [{ date: "2026-09-27", kind: "makeup", runsWeekday: 3, name: "调休" }])).to.deep.equal([3]);
  });

  it("When a Monday is a holiday, or the day is a weekend, then it has no sessions", () => {
    expect(on("2026-10-05", [{ date: "2026-10-05", kind: "holiday", name: "国庆节" }])).to.deep.equal([]);
    expect(on("2026-09-06")).to.deep.equal([]);
  });

  it("When a date's changes cancel a session and cover another, then the sessions carry the reason and the covering staff", () => {
    const changes: DateChanges = {
      cancelled: (id) => (id === 1 ? "rain" : null),
      coverOf: (id) => (id === 2 ? 77 : null),
    };
    const sessions = sessionsOn(rows, schoolDay("2026-09-07", indexCalendar([])), changes, order);
    expect(sessions.map((s) => [s.entry.id, s.cancelled, s.staffId, s.covered])).to.deep.equal([
      [2, null, 77, true],
      [1, "rain", 9, false],
    ]);
  });

  it("When a club's sessions are asked for, then only that club's come, Monday first", () => {
    expect(clubSessions(rows, 5, order).map((r) => r.id)).to.deep.equal([1, 3]);
  });

  it("When a staff member's week is asked for, then only the sessions they lead come, by day and period", () => {
    expect(staffWeek(rows, 8, order).map((r) => r.id)).to.deep.equal([2, 4]);
  });
});
