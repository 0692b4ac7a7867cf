import { expect } from "chai";
import { complianceReport, ComplianceInput } from "../../../src/reports/core/compliance-report";

// Mon 7 – Fri 11 Sep 2026, grades 1–3.
const input: ComplianceInput = {
  schoolDays: ["2026-09-07", "2026-09-08", "2026-09-09", "2026-09-10", "2026-09-11"],
  grades: [1, 2, 3],
  checks: [
    { key: "sport", ruleIds: ["sport-hour"] },
    { key: "homework", ruleIds: ["homework-none-grades-1-2", "homework-max-minutes"] },
  ],
  violations: [
    { ruleId: "sport-hour", severity: "error", target: { grade: 1, weekday: 3 } }, // grade 1, every Wednesday (9 Sep)
    { ruleId: "sport-hour", severity: "error", target: { grade: 2, date: "2026-09-10" } }, // grade 2, Thu 10 Sep
    { ruleId: "sport-hour", severity: "error", target: { date: "2026-09-11" } }, // every grade, Fri 11 Sep
    { ruleId: "homework-max-minutes", severity: "warning", target: { grade: 3, date: "2026-09-07" } },
    { ruleId: "homework-none-grades-1-2", severity: "error", target: { grade: 3, date: "2026-09-07" } }, // same day again
    { ruleId: "homework-none-grades-1-2", severity: "error", target: { grade: 1, date: "2026-09-14" } }, // outside these days
    { ruleId: "venue-double-booked", severity: "error", target: { grade: 1, date: "2026-09-08" } }, // in no check
  ],
};

describe("complianceReport", () => {
  const report = complianceReport(input);
  const check = (key: string) => report.checks.find((c) => c.key === key)!;

  it("When grade 1 misses sport on Wednesday and everyone on Friday, then grade 1 met it on 5 − 2 = 3 of 5 days", () => {
    const g1 = check("sport").byGrade[0];
    expect(g1.met).to.deep.equal({ numerator: 3, denominator: 5, value: 0.6 });
    expect(g1.failedDates).to.deep.equal(["2026-09-09", "2026-09-11"]);
  });

  it("When the sport check is summed, then grades 3/5 + 3/5 + 4/5 give the school 10/15", () => {
    expect(check("sport").byGrade.map((g) => g.met.numerator)).to.deep.equal([3, 3, 4]);
    expect(check("sport").school).to.deep.equal({ numerator: 10, denominator: 15, value: 10 / 15 });
  });

  it("When two homework rules fail for grade 3 on the same day, then that day counts once: 4/5, school 14/15", () => {
    expect(check("homework").byGrade.map((g) => `${g.met.numerator}/${g.met.denominator}`)).to.deep.equal([
      "5/5",
      "5/5",
      "4/5",
    ]);
    expect(`${check("homework").school.numerator}/${check("homework").school.denominator}`).to.equal("14/15");
  });

  it("When a violation is for a rule in no check or a day outside the list, then it changes nothing", () => {
    expect(check("homework").byGrade[0].failedDates).to.deep.equal([]);
    expect(report.days).to.equal(5);
  });

  it("When a make-up Sunday runs Thursday's timetable, then a Thursday-only violation hits it, and a dated one hits it whatever weekday it names", () => {
    const r = complianceReport({
      schoolDays: [{ date: "2026-09-20", weekday: 4 }, "2026-09-21"],
      grades: [1, 2],
      checks: [{ key: "sport", ruleIds: ["sport-hour"] }],
      violations: [
        { ruleId: "sport-hour", severity: "error", target: { grade: 1, weekday: 4 } },
        { ruleId: "sport-hour", severity: "error", target: { grade: 2, date: "2026-09-20", weekday: 7 } },
      ],
    });
    expect(r.checks[0].byGrade.map((g) => g.failedDates)).to.deep.equal([["2026-09-20"], ["2026-09-20"]]);
  });

  it("When there are no school days, then every rate is null, not NaN", () => {
    const empty = complianceReport({ ...input, schoolDays: [] });
    expect(empty.checks.map((c) => c.school.value)).to.deep.equal([null, null]);
    expect(empty.checks[0].byGrade[0].met.value).to.equal(null);
  });
});
