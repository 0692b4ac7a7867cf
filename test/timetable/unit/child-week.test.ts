// The family timetable's core: which of a date's sessions are the child's,
// when the child leaves, which week is shown; and the day card renders a
// cancelled session's reason and a cover teacher from the DatedSession fields.
import { expect } from "chai";
import {
  childDay,
  firstWeekDate,
  leavingTime,
  rowsOfChild,
  termWeek,
  type PeriodTimes,
  type WeekDate,
} from "../../../src/timetable/core/child-week";
import type { DatedSession } from "../../../src/timetable";
import type { EntryRow } from "../../../src/timetable";
import { indexCalendar, schoolDay, type CalendarEntry } from "../../../src/kernel";
import { translator } from "../../../src/http/i18n";

const periods = new Map<number, PeriodTimes>([
  [1, { startTime: "15:40", endTime: "16:30" }],
  [2, { startTime: "16:40", endTime: "17:30" }],
]);
const child = { classId: 51, grade: 5 };

let nextId = 1;
function entry(over: Partial<EntryRow>): EntryRow {
  return {
    id: nextId++,
    termId: 1,
    weekday: 4,
    periodId: 1,
    kind: "activity",
    title: "活动",
    grades: [5],
    classId: null,
    clubId: null,
    staffId: 7,
    venueId: null,
    sequence: 0,
    updatedAt: "",
    ...over,
  };
}
function dated(date: string, e: EntryRow, over: Partial<DatedSession> = {}): DatedSession {
  return { date, entry: e, cancelled: null, staffId: e.staffId, covered: false, ...over };
}
const day = (date: string, special: CalendarEntry[] = []) => schoolDay(date, indexCalendar(special));

describe("the family timetable's core (one child's week)", () => {
  const thursday = "2026-09-17";
  const homework = entry({ kind: "homework", title: "作业辅导 · 五年级(1)班", classId: 51 });
  const otherClass = entry({ kind: "homework", title: "作业辅导 · 五年级(2)班", classId: 52 });
  const robots = entry({ kind: "club", title: "机器人", clubId: 11, periodId: 2 });
  const dance = entry({ kind: "club", title: "舞蹈", clubId: 12, periodId: 2 });
  const grade3 = entry({ title: "三年级游戏", grades: [3], periodId: 2 });
  const sessions = [homework, otherClass, robots, dance, grade3].map((e) => dated(thursday, e));
  const week = (s: DatedSession[], clubIds: number[] = [11], date = thursday): WeekDate => ({
    day: day(date),
    sessions: s,
    clubIds,
  });

  it("When a grade-5 child is in one of the grade's clubs, then club day shows that club and the child's own class, nothing else", () => {
    const d = childDay(week(sessions), child, [4], periods);
    expect(d.sessions.map((s) => s.session.entry.title)).to.deep.equal(["作业辅导 · 五年级(1)班", "机器人"]);
    expect(d.inService).to.equal(true);
    expect(d.leavesAt).to.equal("17:30");
  });

  it("When the week's rows are narrowed to the child's before the dates are laid out, then the class's, the grade's and the child's clubs stay", () => {
    const kept = [homework, otherClass, robots, dance, grade3].filter(rowsOfChild(child, new Set([11])));
    expect(kept.map((e) => e.title)).to.deep.equal(["作业辅导 · 五年级(1)班", "机器人"]);
  });

  it("When the child is not opted in that weekday, then only the club shows (a seat is the family's choice) and the day says so", () => {
    const d = childDay(week(sessions), child, [1, 2], periods);
    expect(d.inService).to.equal(false);
    expect(d.sessions.map((s) => s.session.entry.title)).to.deep.equal(["机器人"]);
    const none = childDay(week(sessions, []), child, [1, 2], periods);
    expect(none.sessions).to.deep.equal([]);
    expect(none.leavesAt).to.equal(null);
  });

  it("When the grade has a supervised activity (托管) beside its clubs, then a club member sees their club, a child with no club sees the activity, as the registers expect", () => {
    const care = entry({ title: "自主活动（托管）", grades: [5], periodId: 2 });
    const s = [homework, robots, dance, care].map((e) => dated(thursday, e));
    expect(childDay(week(s), child, [4], periods).sessions.map((x) => x.session.entry.title)).to.deep.equal([
      "作业辅导 · 五年级(1)班",
      "机器人",
    ]);
    expect(childDay(week(s, []), child, [4], periods).sessions.map((x) => x.session.entry.title)).to.deep.equal([
      "作业辅导 · 五年级(1)班",
      "自主活动（托管）",
    ]);
    // A cancelled club still holds its member's period: the register of the activity does not expect them, so they leave after homework.
    const rained = [
      dated(thursday, homework),
      dated(thursday, robots, { cancelled: "weather" }),
      dated(thursday, care),
    ];
    expect(childDay(week(rained), child, [4], periods).leavesAt).to.equal("16:30");
  });

  it("When the last session is cancelled, then the child leaves after the one before", () => {
    const s = [dated(thursday, homework), dated(thursday, robots, { cancelled: "weather" })];
    const d = childDay(week(s), child, [4], periods);
    expect(d.sessions).to.have.length(2);
    expect(d.leavesAt).to.equal("16:30");
    expect(leavingTime([])).to.equal(null);
  });

  it("When a make-up Saturday runs Wednesday's timetable, then the Wednesday opt-in decides it", () => {
    const saturday = day("2026-10-10", [{ date: "2026-10-10", kind: "makeup", runsWeekday: 3, name: "国庆调休" }]);
    const s = [dated("2026-10-10", entry({ kind: "homework", classId: 51, weekday: 3 }))];
    expect(childDay({ day: saturday, sessions: s, clubIds: [] }, child, [3], periods).inService).to.equal(true);
    expect(childDay({ day: saturday, sessions: s, clubIds: [] }, child, [6], periods).sessions).to.deep.equal([]);
  });

  it("When a week is asked for outside the term or at its edges, then it is the nearest term week and links stay in the term", () => {
    const term = { startDate: "2026-09-01", endDate: "2027-01-15" };
    const first = termWeek("2026-08-01", term);
    expect([first.monday, first.prev, first.next]).to.deep.equal(["2026-08-31", null, "2026-09-07"]);
    const last = termWeek("2027-03-01", term);
    expect([last.monday, last.prev, last.next]).to.deep.equal(["2027-01-11", "2027-01-04", null]);
    expect(termWeek("2026-10-07", term).dates).to.deep.equal([
      "2026-10-05",
      "2026-10-06",
      "2026-10-07",
      "2026-10-08",
      "2026-10-09",
      "2026-10-10",
      "2026-10-11",
    ]);
  });

  it("When today is a weekend without service, then the coming week shows first; on a make-up Saturday, this week", () => {
    expect(firstWeekDate(day("2026-12-06"))).to.equal("2026-12-07");
    expect(firstWeekDate(day("2026-12-05"))).to.equal("2026-12-07");
    expect(firstWeekDate(day("2026-12-03"))).to.equal("2026-12-03");
    expect(firstWeekDate(day("2026-10-10", [{ date: "2026-10-10", kind: "makeup", runsWeekday: 3 }]))).to.equal(
      "2026-10-10",
    );
  });

  it("When a session is cancelled or covered, then the day card shows the reason and the cover teacher's name", async () => {
    const ejs = await import("ejs");
    const s = [
      dated(thursday, homework, { staffId: 99, covered: true }),
      dated(thursday, robots, { cancelled: "outing" }),
    ];
    const d = childDay(week(s), child, [4], periods);
    const html = await ejs.renderFile(`${process.cwd()}/views/timetable/_family-day.ejs`, {
      d,
      venues: new Map(),
      covers: new Map([[99, "李老师"]]),
      today: "2026-09-01",
      t: translator("zh-CN"),
    });
    expect(html).to.contain("已取消：外出活动").and.to.contain("代课：李老师").and.to.contain("离校时间 16:30");
    expect(html).to.contain('class="fw-session kind-club fw-cancelled"');
  });
});
