import { expect } from "chai";
import { checkPolicy } from "../../../src/policy";
import { demoSchool } from "../../fixtures/policy/demo-school";

describe("the demo-like school", () => {
  it("When the autumn 2026 demo timetable is checked, then no error-level rule fires and the small quilling club is warned about", async () => {
    const { violations, summary } = await checkPolicy(demoSchool());
    expect(violations.filter((v) => v.severity === "error")).to.deep.equal([]);
    const warnings = violations.filter((v) => v.severity === "warning");
    expect(warnings.map((v) => [v.ruleId, v.target])).to.deep.equal([
      ["club-min-size", { kind: "club", clubId: "quilling" }],
    ]);
    expect(summary.find((s) => s.id === "club-min-size")).to.include({ violationCount: 1, status: "failing" });
    expect(summary.filter((s) => s.status === "ok")).to.have.length(11);
  });

  it("When one Thursday sport club is moved to Wednesday, then the grades it was the only sport for are short on Thursdays", async () => {
    const input = demoSchool();
    input.entries.find((e) => e.id === "club-sports-games")!.weekday = 3;
    const { violations } = await checkPolicy(input);
    const sport = violations.filter((v) => v.ruleId === "daily-sport-hour");
    expect(new Set(sport.map((v) => v.target.grade))).to.deep.equal(new Set([1, 2]));
    expect(sport.every((v) => v.target.weekday === 4)).to.equal(true);
  });
});
