import { expect } from "chai";
import { evaluatePolicy, loadRules, PolicySettingsError, summarizeRules } from "../../../src/policy";
import { smallSchool } from "../../fixtures/policy/small-school";

describe("school settings over rule parameters", () => {
  it("When settings.latestEnd is 19:00, then a service ending 18:45 passes service-5-plus-2", async () => {
    const input = smallSchool();
    input.periods[1].end = "18:45";
    const rules = loadRules().filter((r) => r.id === "service-5-plus-2");
    expect(await evaluatePolicy(input, { rules })).to.have.length(5);
    input.settings = { latestEnd: "19:00" };
    expect(await evaluatePolicy(input, { rules })).to.deep.equal([]);
  });

  it("When settings.maxStaffSessionsPerWeek is 4, then a teacher with 5 sessions is reported against 4", async () => {
    const input = smallSchool();
    input.settings = { maxStaffSessionsPerWeek: 4 };
    const found = await evaluatePolicy(input, { rules: loadRules().filter((r) => r.id === "staff-weekly-load") });
    expect(found.map((v) => [v.target.staffId, v.params.maxStaffSessionsPerWeek])).to.deep.equal([
      ["t1", 4],
      ["t2", 4],
    ]);
  });

  it("When a school sets its own grade bands for homework-limit, then the band for the class's grade applies", async () => {
    const input = smallSchool();
    input.settings = {
      rules: {
        "homework-limit": { parameters: { maxWrittenMinutes: { by: "grade", cases: [{ in: [3, 4], value: 20 }] } } },
      },
    };
    const found = await evaluatePolicy(input, { rules: loadRules().filter((r) => r.id === "homework-limit") });
    expect(found.map((v) => v.params.maxWrittenMinutes)).to.deep.equal([20]);
  });

  it("When a rule is disabled or made a warning in settings, then it is skipped or reported as a warning", async () => {
    const input = smallSchool();
    input.staff.push({ id: "x1", name: "Coach Wu", kind: "external" });
    const rules = loadRules();
    input.settings = { rules: { "external-vetting": { severity: "warning" } } };
    expect((await evaluatePolicy(input, { rules })).map((v) => v.severity)).to.deep.equal(["warning"]);
    input.settings = { rules: { "external-vetting": { enabled: false } } };
    expect(await evaluatePolicy(input, { rules })).to.deep.equal([]);
    expect(summarizeRules(rules, [], input.settings).find((s) => s.id === "external-vetting")?.status).to.equal(
      "disabled",
    );
  });

  it("When a setting has the wrong type, then evaluation fails naming the settings field", async () => {
    const input = smallSchool();
    input.settings = { minServiceMinutes: "120" as unknown as number };
    let err: unknown;
    try {
      await evaluatePolicy(input);
    } catch (e) {
      err = e;
    }
    expect(err).to.be.instanceOf(PolicySettingsError);
    expect((err as Error).message).to.equal("settings.minServiceMinutes: expected number, received string");
  });
});
