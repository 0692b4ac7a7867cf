import { expect } from "chai";
import {
  enrolledInWeek,
  studentParticipation,
  StudentParticipationInput,
} from "../../../src/reports/core/student-participation";
import { schoolWeeks } from "../../../src/reports/core/school-days";

// Classes 1A and 1B (grade 1), 2A (grade 2), 3A (grade 3, no children yet).
// Week 1: Mon 7 – Fri 11 Sep 2026 (5 days). Week 2: Mon 21 – Thu 24 Sep (Fri 25 is Mid-Autumn, off).
// Week of 12 Oct: school closed (no school days) — excluded.
const input: StudentParticipationInput = {
  classes: [
    { id: "1A", grade: 1, name: "一(1)班" },
    { id: "1B", grade: 1, name: "一(2)班" },
    { id: "2A", grade: 2, name: "二(1)班" },
    { id: "3A", grade: 3, name: "三(1)班" },
  ],
  students: [
    { id: "s1", classId: "1A", grade: 1 },
    { id: "s2", classId: "1A", grade: 1 },
    { id: "s3", classId: "1A", grade: 1 },
    { id: "s4", classId: "1A", grade: 1 },
    { id: "s5", classId: "1B", grade: 1 },
    { id: "s6", classId: "1B", grade: 1 },
    { id: "s7", classId: "2A", grade: 2 },
    { id: "s8", classId: "2A", grade: 2 },
    { id: "s9", classId: "2A", grade: 2 },
  ],
  enrollments: [
    { studentId: "s1", days: [1, 2, 3, 4, 5], from: "2026-09-01" }, // both weeks
    { studentId: "s2", days: [5], from: "2026-09-01" }, // Friday only: week 1 yes, week 2 no (Fri 25 is a holiday)
    { studentId: "s3", days: [1, 3], from: "2026-09-01", to: "2026-09-11" }, // withdrew after week 1
    { studentId: "s4", days: [2], from: "2026-09-15" }, // joined mid-term: week 2 only (Tue 22)
    { studentId: "s7", days: [1, 2, 3, 4, 5], from: "2026-09-01" }, // both weeks
    { studentId: "s8", days: [4], from: "2026-09-01" }, // Thu 10 and Thu 24: both weeks
    { studentId: "s9", days: [], from: "2026-09-01" }, // opted out of every day: never
    { studentId: "ghost", days: [1], from: "2026-09-01" }, // not a student of the school: ignored
  ],
  weeks: [
    { weekStart: "2026-09-07", schoolDays: ["2026-09-07", "2026-09-08", "2026-09-09", "2026-09-10", "2026-09-11"] },
    { weekStart: "2026-09-21", schoolDays: ["2026-09-21", "2026-09-22", "2026-09-23", "2026-09-24"] },
    { weekStart: "2026-10-12", schoolDays: [] },
  ],
};

const fractions = (rows: Array<{ rate: { numerator: number; denominator: number } }>) =>
  rows.map((r) => `${r.rate.numerator}/${r.rate.denominator}`);

describe("studentParticipation", () => {
  const result = studentParticipation(input);

  it("When a week has no school days, then it is excluded and the holiday week keeps its 4 days", () => {
    expect(result.weeks.map((w) => [w.weekStart, w.schoolDays])).to.deep.equal([
      ["2026-09-07", 5],
      ["2026-09-21", 4],
    ]);
  });

  it("When week 1 is counted, then 1A is 3/4 (s1, s2, s3), 1B 0/2, 2A 2/3 (s7, s8) and the school 5/9", () => {
    const w1 = result.weeks[0];
    expect(fractions(w1.byClass)).to.deep.equal(["3/4", "0/2", "2/3", "0/0"]);
    // grade 1: 3 + 0 of 4 + 2 = 3/6; grade 2: 2/3; grade 3: 0/0
    expect(fractions(w1.byGrade)).to.deep.equal(["3/6", "2/3", "0/0"]);
    expect(w1.school).to.deep.equal({ numerator: 5, denominator: 9, value: 5 / 9 });
  });

  it("When a class has no children in the service, then its rate is 0/n = 0, not NaN", () => {
    const oneB = result.weeks[0].byClass.find((c) => c.classId === "1B")!;
    expect(oneB.rate).to.deep.equal({ numerator: 0, denominator: 2, value: 0 });
  });

  it("When a class has no children at all, then its rate is null, not NaN", () => {
    const threeA = result.term!.byClass.find((c) => c.classId === "3A")!;
    expect(threeA.rate.value).to.equal(null);
    expect(result.term!.byGrade.find((g) => g.grade === 3)!.rate.value).to.equal(null);
  });

  it("When a Friday-only child meets the Mid-Autumn holiday and a child withdrew, then week 2 is 1A 2/4 (s1, s4) and school 4/9", () => {
    const w2 = result.weeks[1];
    // s2 has no Friday that week, s3 withdrew on 11 Sep; s4 joined on 15 Sep.
    expect(fractions(w2.byClass)).to.deep.equal(["2/4", "0/2", "2/3", "0/0"]);
    expect(`${w2.school.numerator}/${w2.school.denominator}`).to.equal("4/9");
  });

  it("When the term is counted, then a child in the service in any week counts: 1A 4/4, school 6/9", () => {
    expect(fractions(result.term!.byClass)).to.deep.equal(["4/4", "0/2", "2/3", "0/0"]);
    expect(fractions(result.term!.byGrade)).to.deep.equal(["4/6", "2/3", "0/0"]);
    expect(result.term!.school).to.deep.equal({ numerator: 6, denominator: 9, value: 6 / 9 });
  });

  it("When child-weeks are pooled, then 1A is (3 + 2)/(4 × 2) = 5/8 and the school (5 + 4)/(9 × 2) = 9/18", () => {
    expect(fractions(result.termChildWeeks!.byClass)).to.deep.equal(["5/8", "0/4", "4/6", "0/0"]);
    expect(`${result.termChildWeeks!.school.numerator}/${result.termChildWeeks!.school.denominator}`).to.equal("9/18");
  });

  it("When a child withdrew mid-term, then they count in the weeks before withdrawal only", () => {
    const withdrew = studentParticipation({ ...input, enrollments: [input.enrollments[2]] });
    expect(withdrew.weeks.map((w) => w.school.numerator)).to.deep.equal([1, 0]);
  });

  it("When a child withdrew on Tuesday, then Monday still counts that week but a Thursday-only child does not", () => {
    const [, week2] = schoolWeeks(input.weeks);
    expect(enrolledInWeek([{ studentId: "x", days: [1], from: "2026-09-01", to: "2026-09-22" }], week2.days)).to.equal(
      true,
    );
    expect(enrolledInWeek([{ studentId: "x", days: [4], from: "2026-09-01", to: "2026-09-22" }], week2.days)).to.equal(
      false,
    );
  });

  it("When a Saturday make-up day runs Monday's timetable, then a Monday-only child counts in a week whose Monday is a holiday", () => {
    // National Day week: Mon 5 – Wed 7 Oct off; Thu 8, Fri 9 and the make-up Sat 10 Oct (running Monday) are school days.
    const r = studentParticipation({
      ...input,
      enrollments: [{ studentId: "s1", days: [1], from: "2026-09-01" }],
      weeks: [
        { weekStart: "2026-10-05", schoolDays: ["2026-10-08", "2026-10-09", { date: "2026-10-10", weekday: 1 }] },
      ],
    });
    expect(r.weeks[0].school.numerator).to.equal(1);
  });

  it("When a child has two enrollments (days changed mid-term), then they still count once per week", () => {
    const r = studentParticipation({
      ...input,
      enrollments: [
        { studentId: "s1", days: [1], from: "2026-09-01", to: "2026-09-08" },
        { studentId: "s1", days: [3], from: "2026-09-09" },
      ],
    });
    expect(r.weeks.map((w) => w.school.numerator)).to.deep.equal([1, 1]);
    expect(r.termChildWeeks!.school.numerator).to.equal(2);
  });

  it("When today is Tuesday 22 Sep, then week 2 is in progress and counted, and the term is of both weeks", () => {
    const r = studentParticipation({ ...input, today: "2026-09-22" });
    expect(r.weeks.map((w) => [w.weekStart, w.state])).to.deep.equal([
      ["2026-09-07", "done"],
      ["2026-09-21", "current"],
    ]);
    expect(r.planned).to.deep.equal([]);
  });

  it("When today is Monday 21 Sep, then week 2 is planned: listed without any rate, and the term counts week 1 only", () => {
    const r = studentParticipation({ ...input, today: "2026-09-21" });
    expect(r.weeks.map((w) => w.weekStart)).to.deep.equal(["2026-09-07"]);
    expect(r.planned).to.deep.equal([{ weekStart: "2026-09-21", schoolDays: 4, state: "planned" }]);
    expect(Object.values(r.planned[0]).some((v) => typeof v === "object")).to.equal(false);
    // s4 joined for week 2 only: not in the term so far.
    expect(r.term!.school.numerator).to.equal(5);
    expect(r.termChildWeeks!.school.denominator).to.equal(9);
  });

  it("When the term has not begun, then every week is planned and there is no term figure rather than 0 %", () => {
    const r = studentParticipation({ ...input, today: "2026-09-01" });
    expect(r.weeks).to.deep.equal([]);
    expect(r.planned.map((w) => w.weekStart)).to.deep.equal(["2026-09-07", "2026-09-21"]);
    expect(r.term).to.equal(null);
    expect(r.termChildWeeks).to.equal(null);
  });

  it("When today is malformed, then it throws naming it", () => {
    expect(() => studentParticipation({ ...input, today: "22/09/2026" })).to.throw(RangeError, "today");
  });

  it("When an enrollment date is malformed, then it throws naming the enrollment", () => {
    expect(() =>
      studentParticipation({ ...input, enrollments: [{ studentId: "s1", days: [1], from: "1 Sep" }] }),
    ).to.throw(RangeError, "enrollments[0].from");
  });
});
