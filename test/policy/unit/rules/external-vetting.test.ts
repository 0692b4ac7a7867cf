import { expect } from "chai";
import { smallSchool } from "../../../fixtures/policy/small-school";
import { violationsOf } from "../../../fixtures/policy/run-rule";

describe("rule external-vetting", () => {
  it("When an external coach has a vetting date and teachers have none, then no violation is reported", async () => {
    const input = smallSchool();
    input.staff.push({ id: "x1", name: "Coach Wu", kind: "external", vettedOn: "2026-08-20" });
    expect(await violationsOf(input, "external-vetting")).to.deep.equal([]);
  });

  it("When an external coach has no vetting date, then that person is reported", async () => {
    const input = smallSchool();
    input.staff.push({ id: "x1", name: "Coach Wu", kind: "external" });
    const found = await violationsOf(input, "external-vetting");
    expect(found.map((v) => v.target)).to.deep.equal([{ kind: "staff", staffId: "x1" }]);
    expect(found[0].message.en).to.contain("Coach Wu");
  });
});
