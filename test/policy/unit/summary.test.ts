import { expect } from "chai";
import { checkPolicy } from "../../../src/policy";
import { smallSchool } from "../../fixtures/policy/small-school";

describe("summary per rule (rules and status page)", () => {
  it("When two external instructors are unvetted, then the summary counts 2 for external-vetting with its severity and parameters", async () => {
    const input = smallSchool();
    input.staff.push({ id: "x1", name: "A", kind: "external" }, { id: "x2", name: "B", kind: "external" });
    input.settings = { maxStaffSessionsPerWeek: 12 };
    const { summary } = await checkPolicy(input);
    expect(summary).to.have.length(12);
    expect(summary.find((s) => s.id === "external-vetting")).to.deep.include({
      severity: "error",
      violationCount: 2,
      status: "failing",
    });
    expect(summary.find((s) => s.id === "staff-weekly-load")).to.deep.include({
      violationCount: 0,
      status: "ok",
      parameters: { maxStaffSessionsPerWeek: 12 },
      file: "rules/staff-weekly-load.json",
    });
    expect(summary.find((s) => s.id === "homework-limit")?.title.en).to.equal("Written homework limit");
  });
});
