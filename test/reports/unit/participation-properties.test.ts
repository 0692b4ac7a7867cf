import { expect } from "chai";
import fc from "fast-check";
import { studentParticipation } from "../../../src/reports/core/student-participation";

// Any school: 1–3 classes, up to 12 children, random opt-ins and withdrawals over two weeks (one with a holiday).
const weeks = [
  { weekStart: "2026-09-07", schoolDays: ["2026-09-07", "2026-09-08", "2026-09-09", "2026-09-10", "2026-09-11"] },
  { weekStart: "2026-09-21", schoolDays: ["2026-09-21", "2026-09-22", "2026-09-23", "2026-09-24"] },
];
const dates = ["2026-09-01", "2026-09-09", "2026-09-15", "2026-09-22", "2026-09-30"];
const school = fc.record({
  children: fc.array(
    fc.record({
      classIndex: fc.nat(2),
      enrollments: fc.array(
        fc.record({
          days: fc.subarray([1, 2, 3, 4, 5]),
          from: fc.constantFrom(...dates),
          to: fc.option(fc.constantFrom(...dates), { nil: undefined }),
        }),
        { maxLength: 2 },
      ),
    }),
    { maxLength: 12 },
  ),
});

describe("studentParticipation (properties)", () => {
  it("When any school is counted, then every rate is a fraction in [0, 1] or null over nobody, and classes add up to the school", () => {
    fc.assert(
      fc.property(school, ({ children }) => {
        const classes = [0, 1, 2].map((i) => ({ id: `c${i}`, grade: i + 1, name: `${i + 1}班` }));
        const students = children.map((c, i) => ({
          id: `s${i}`,
          classId: `c${c.classIndex}`,
          grade: c.classIndex + 1,
        }));
        const enrollments = children.flatMap((c, i) => c.enrollments.map((e) => ({ studentId: `s${i}`, ...e })));
        const r = studentParticipation({ classes, students, enrollments, weeks });
        for (const g of [...r.weeks, r.term!, r.termChildWeeks!]) {
          for (const x of [g.school, ...g.byClass.map((c) => c.rate), ...g.byGrade.map((c) => c.rate)]) {
            expect(x.numerator).to.be.within(0, x.denominator);
            expect(x.value).to.equal(x.denominator === 0 ? null : x.numerator / x.denominator);
          }
          expect(g.byClass.reduce((n, c) => n + c.rate.numerator, 0)).to.equal(g.school.numerator);
        }
        // Taking part in some week is at least taking part in any one week.
        for (const w of r.weeks) expect(r.term!.school.numerator).to.be.at.least(w.school.numerator);
      }),
      { numRuns: 200 },
    );
  });
});
