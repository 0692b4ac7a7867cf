import { expect } from "chai";
import { weeklySummary, WeeklySummaryInput } from "../../../src/reports/core/weekly-summary";

// The Mid-Autumn week: Mon 21 – Thu 24 Sep 2026 (Fri 25 off).
const input: WeeklySummaryInput = {
  week: { weekStart: "2026-09-21", schoolDays: ["2026-09-21", "2026-09-22", "2026-09-23", "2026-09-24"] },
  students: {
    classes: [
      { id: "1A", grade: 1, name: "一(1)班" },
      { id: "2A", grade: 2, name: "二(1)班" },
    ],
    students: [
      { id: "s1", classId: "1A", grade: 1 },
      { id: "s2", classId: "1A", grade: 1 },
      { id: "s3", classId: "2A", grade: 2 },
      { id: "s4", classId: "2A", grade: 2 },
    ],
    enrollments: [
      { studentId: "s1", days: [1], from: "2026-09-01" },
      { studentId: "s2", days: [5], from: "2026-09-01" }, // Friday only: the holiday
      { studentId: "s3", days: [4], from: "2026-09-01" },
      { studentId: "s4", days: [2], from: "2026-09-01", to: "2026-09-18" }, // withdrew the week before
    ],
  },
  staff: {
    staff: [
      { id: "T1", name: "王老师", kind: "teacher" },
      { id: "T2", name: "李老师", kind: "teacher" },
      { id: "E1", name: "赵教练", kind: "external" },
    ],
    sessions: [
      { date: "2026-09-21", staffIds: ["T1", "E1"] },
      { date: "2026-09-14", staffIds: ["T2"] },
    ],
  },
  compliance: {
    grades: [1, 2],
    checks: [{ key: "sport", ruleIds: ["sport-hour"] }],
    violations: [{ ruleId: "sport-hour", severity: "error", target: { grade: 2, weekday: 2 } }],
  },
  survey: {
    questions: [
      {
        id: "q",
        kind: "single",
        text: "满意吗",
        satisfaction: true,
        options: [
          { id: "a", label: "满意", satisfied: true },
          { id: "c", label: "不满意" },
        ],
      },
    ],
    replies: [{ answers: { q: "a" } }, { answers: { q: "a" } }, { answers: { q: "c" } }],
  },
  clubs: {
    clubs: [
      { id: "choir", name: "合唱", maxSize: 4 },
      { id: "chess", name: "棋", maxSize: 2 },
    ],
    allocation: {
      assignments: { s1: ["choir"], s3: ["chess"], s4: ["chess"] },
      waitlists: { chess: ["s1"] },
      metrics: { placements: 3, rankCounts: [3] },
    },
    attendance: [
      { entryId: "e1", clubId: "choir", date: "2026-09-24", taken: true, expected: 1, attended: 1 },
      { entryId: "e2", clubId: "chess", date: "2026-09-24", taken: true, expected: 2, attended: 0 },
      { entryId: "e1", clubId: "choir", date: "2026-09-17", taken: true, expected: 1, attended: 0 }, // last week: not this summary
    ],
  },
};

describe("weeklySummary", () => {
  const s = weeklySummary(input);

  it("When the week has a holiday, then its 4 school days are listed", () => {
    expect(s.schoolDays).to.deep.equal(["2026-09-21", "2026-09-22", "2026-09-23", "2026-09-24"]);
  });

  it("When s1 (Mon) and s3 (Thu) are in the service, the Friday-only and the withdrawn child not, then the school is 2/4", () => {
    expect(s.students!.school).to.deep.equal({ numerator: 2, denominator: 4, value: 0.5 });
    expect(s.students!.byGrade.map((g) => g.rate.numerator)).to.deep.equal([1, 1]);
  });

  it("When only T1 runs a session this week, then teachers are 1/2 and the external is listed with 1 session", () => {
    expect(s.teachers!.rate).to.deep.equal({ numerator: 1, denominator: 2, value: 0.5 });
    expect(s.teachers!.externals).to.deep.equal([{ staffId: "E1", name: "赵教练", sessions: 1 }]);
  });

  it("When grade 2 misses sport on Tuesday, then sport is met on 4 + 3 = 7 of 8 grade-days", () => {
    expect(s.compliance!.checks[0].school).to.deep.equal({ numerator: 7, denominator: 8, value: 7 / 8 });
  });

  it("When 2 of 3 replies are satisfied, then satisfaction is 2/3", () => {
    expect(s.survey).to.deep.equal({ replies: 3, satisfaction: { numerator: 2, denominator: 3, value: 2 / 3 } });
  });

  it("When 3 of 6 seats are filled and 1 of the 3 members expected this week came, then fill is 3/6 and attendance 1/3", () => {
    // seats: choir 4 + chess 2 = 6; members: choir 1 + chess 2 = 3
    expect(s.clubs).to.deep.equal({
      fill: { numerator: 3, denominator: 6, value: 0.5 },
      attendance: { numerator: 1, denominator: 3, value: 1 / 3 },
      waitlisted: 1,
    });
  });

  it("When today is the week's Monday, then the week is planned: no participation, teachers or attendance, but the seats and compliance stay", () => {
    const planned = weeklySummary({ ...input, today: "2026-09-21" });
    expect(planned).to.deep.include({ planned: true, students: null, teachers: null });
    expect(planned.clubs!.attendance).to.equal(null);
    expect(planned.clubs!.fill.numerator).to.equal(3);
    expect(planned.compliance).to.not.equal(null);
    expect(weeklySummary({ ...input, today: "2026-09-22" }).planned).to.equal(false);
  });

  it("When the week has no school days, then there are no figures rather than zeros", () => {
    const off = weeklySummary({
      ...input,
      week: { weekStart: "2026-10-05", schoolDays: [] },
      survey: undefined,
      clubs: undefined,
    });
    expect(off).to.deep.include({ students: null, teachers: null, compliance: null, survey: null, clubs: null });
  });
});
