import { expect } from "chai";
import { teacherParticipation, TeacherParticipationInput } from "../../../src/reports/core/teacher-participation";

// Week 1: Mon 7 – Fri 11 Sep 2026. Week 2: Mon 21 – Thu 24 Sep (Fri 25 is Mid-Autumn, off).
const input: TeacherParticipationInput = {
  staff: [
    { id: "T1", name: "王老师", kind: "teacher" },
    { id: "T2", name: "李老师", kind: "class_teacher" },
    { id: "A1", name: "教务处", kind: "admin" }, // not teaching staff
    { id: "T9", name: "已调离", kind: "teacher", active: false }, // left the school
    { id: "T3", name: "张老师", kind: "teacher" },
    { id: "E1", name: "赵教练", kind: "external" },
    { id: "E2", name: "钱老师", kind: "external" },
  ],
  sessions: [
    { date: "2026-09-07", staffIds: ["T1"] },
    { date: "2026-09-08", staffIds: ["T1", "E1"] },
    { date: "2026-09-10", staffIds: ["T2"] },
    { date: "2026-09-22", staffIds: ["T1"] },
    { date: "2026-09-23", staffIds: ["E1", "E1"] }, // listed twice: one session
    { date: "2026-09-24", staffIds: ["E1"] },
    { date: "2026-09-25", staffIds: ["T3"] }, // a holiday: not a service session
  ],
  weeks: [
    { weekStart: "2026-09-07", schoolDays: ["2026-09-07", "2026-09-08", "2026-09-09", "2026-09-10", "2026-09-11"] },
    { weekStart: "2026-09-21", schoolDays: ["2026-09-21", "2026-09-22", "2026-09-23", "2026-09-24"] },
  ],
};

describe("teacherParticipation", () => {
  const result = teacherParticipation(input);

  it("When T1 and the class teacher T2 run sessions in week 1, then teacher participation is 2/3 and externals stay out", () => {
    // teaching staff: T1, T2 (班主任), T3 → 3; with a session: T1, T2 → 2/3
    expect(result.weeks[0].teachers).to.deep.equal({ numerator: 2, denominator: 3, value: 2 / 3 });
    expect(result.weeks[0].externals).to.deep.equal([
      { staffId: "E1", name: "赵教练", sessions: 1 },
      { staffId: "E2", name: "钱老师", sessions: 0 },
    ]);
  });

  it("When a session falls on the holiday Friday, then it does not count: week 2 is 1/3 (T1 only)", () => {
    expect(result.weeks[1].teachers).to.deep.equal({ numerator: 1, denominator: 3, value: 1 / 3 });
    // E1: 23 Sep (listed twice, one session) + 24 Sep = 2
    expect(result.weeks[1].externals[0].sessions).to.equal(2);
  });

  it("When the term is counted, then it is 2/3, E1 has 1 + 2 = 3 sessions and T3 is listed without sessions", () => {
    expect(`${result.term.numerator}/${result.term.denominator}`).to.equal("2/3");
    expect(result.externals.map((e) => e.sessions)).to.deep.equal([3, 0]);
    expect(result.teachersWithoutSessions).to.deep.equal(["T3"]);
  });

  it("When staff-weeks are pooled, then they are (2 + 1)/(3 × 2) = 3/6", () => {
    expect(result.termStaffWeeks).to.deep.equal({ numerator: 3, denominator: 6, value: 0.5 });
  });

  it("When the school has no teaching staff, then the rate is null, not NaN", () => {
    const r = teacherParticipation({ ...input, staff: input.staff.filter((s) => s.kind === "external") });
    expect(r.term.value).to.equal(null);
  });
});
