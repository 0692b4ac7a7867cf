import { expect } from "chai";
import { gridIssues } from "../../../src/policy/core/grid-issues";
import type { Violation } from "../../../src/policy";

const violation = (over: Partial<Violation> & Pick<Violation, "ruleId" | "severity" | "target">): Violation => ({
  message: { "zh-CN": `${over.ruleId} 中文`, en: `${over.ruleId} English` },
  params: {},
  values: {},
  ...over,
});

// A lesson in Tuesday's period 7 (entry 41, grade 4), a warning on the same session, a grade-2
// slot with nowhere to go on Wednesday, and a staff-wide finding that belongs to no cell.
const violations: Violation[] = [
  violation({
    ruleId: "venue-capacity",
    severity: "warning",
    target: { kind: "entry", entryId: "41", weekday: 2, periodId: "7" },
    values: { grades: [4] },
  }),
  violation({
    ruleId: "no-lesson-in-service",
    severity: "error",
    target: { kind: "entry", entryId: "41", weekday: 2, periodId: "7" },
    values: { grades: [4] },
  }),
  violation({
    ruleId: "slot-coverage",
    severity: "error",
    target: { kind: "slot", weekday: 3, periodId: "7" },
    values: { grades: [2] },
  }),
  violation({ ruleId: "staff-weekly-load", severity: "warning", target: { kind: "staff", staffId: "3" } }),
  violation({ ruleId: "daily-sport-hour", severity: "error", target: { kind: "grade-day", grade: 4, weekday: 5 } }),
  violation({
    ruleId: "daily-sport-hour",
    severity: "error",
    target: { kind: "grade-day", grade: 3, weekday: 5, date: "2026-10-09" },
  }),
  violation({
    ruleId: "daily-sport-hour",
    severity: "error",
    target: { kind: "grade-day", grade: 3, weekday: 5, date: "2026-10-16" },
  }),
];

describe("grid issues (the rules' findings inline in the timetable grid)", () => {
  it("When the whole school is shown, then each cell lists its findings errors first and the session is flagged with its worst one", () => {
    const issues = gridIssues(violations, "zh-CN", { entryIds: new Set([41]), by: "all" });
    expect(issues.cells.get("2-7")!.map((i) => [i.severity, i.ruleId])).to.deep.equal([
      ["error", "no-lesson-in-service"],
      ["warning", "venue-capacity"],
    ]);
    expect(issues.cells.get("3-7")!.map((i) => i.ruleId)).to.deep.equal(["slot-coverage"]);
    expect(issues.chips.get(41)).to.equal("error");
    expect(issues.cells.get("2-7")![0]).to.include({
      message: "no-lesson-in-service 中文",
      href: "/admin/compliance?rule=no-lesson-in-service&weekday=2",
    });
    // Counts cover everything, also what no cell shows.
    expect([issues.errors, issues.warnings]).to.deep.equal([5, 2]);
    expect([...issues.cells.keys()]).to.have.length(2);
    // A grade's weekday shows under that weekday; the same finding on two Fridays once, with one more day.
    expect(issues.days.get(5)!.map((i) => [i.ruleId, i.more])).to.deep.equal([
      ["daily-sport-hour", 0],
      ["daily-sport-hour", 1],
    ]);
  });

  it("When one grade is shown, then only that grade's slots and the sessions on screen carry findings", () => {
    const grade2 = gridIssues(violations, "en", { entryIds: new Set(), by: "grade", grade: 2 });
    expect([...grade2.cells.keys()]).to.deep.equal(["3-7"]);
    expect(grade2.cells.get("3-7")![0].message).to.equal("slot-coverage English");
    expect(grade2.chips.size).to.equal(0);
    expect(grade2.days.size).to.equal(0);
    const grade4 = gridIssues(violations, "en", { entryIds: new Set([41]), by: "grade", grade: 4 });
    expect([...grade4.cells.keys()]).to.deep.equal(["2-7"]);
    expect([...grade4.days.keys()]).to.deep.equal([5]);
  });

  it("When a venue or a person is shown, then slot findings stay off and a session's show only when it is on screen", () => {
    const venue = gridIssues(violations, "zh-CN", { entryIds: new Set(), by: "venue" });
    expect([venue.cells.size, venue.days.size]).to.deep.equal([0, 0]);
    const staff = gridIssues(violations, "zh-CN", { entryIds: new Set([41]), by: "staff" });
    expect([...staff.cells.keys()]).to.deep.equal(["2-7"]);
  });

  it("When a session has only warnings, then its flag is a warning", () => {
    const issues = gridIssues(violations.slice(0, 1), "zh-CN", { entryIds: new Set([41]), by: "all" });
    expect(issues.chips.get(41)).to.equal("warning");
  });
});
