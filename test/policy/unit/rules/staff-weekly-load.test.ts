import { expect } from "chai";
import { smallSchool } from "../../../fixtures/policy/small-school";
import { violationsOf } from "../../../fixtures/policy/run-rule";

describe("rule staff-weekly-load", () => {
  it("When a teacher runs exactly 10 sessions a week, then no violation is reported", async () => {
    const input = smallSchool();
    for (const e of input.entries) e.staffId = "t1";
    expect(await violationsOf(input, "staff-weekly-load")).to.deep.equal([]);
  });

  it("When a teacher runs 11 sessions a week, then that teacher is reported", async () => {
    const input = smallSchool();
    for (const e of input.entries) e.staffId = "t1";
    input.entries.push({ id: "extra", weekday: 1, periodId: "p2", kind: "activity", grades: [3], staffId: "t1" });
    const found = await violationsOf(input, "staff-weekly-load");
    expect(found.map((v) => v.target)).to.deep.equal([{ kind: "staff", staffId: "t1" }]);
    expect(found[0].message.en).to.equal("王老师 runs 11 service sessions a week, above the limit of 10.");
  });
});
