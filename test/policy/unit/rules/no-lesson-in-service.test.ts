import { expect } from "chai";
import { smallSchool } from "../../../fixtures/policy/small-school";
import { violationsOf } from "../../../fixtures/policy/run-rule";

describe("rule no-lesson-in-service", () => {
  it("When the service has homework help and sport only, then no violation is reported", async () => {
    expect(await violationsOf(smallSchool(), "no-lesson-in-service")).to.deep.equal([]);
  });

  it("When Wednesday's homework help is turned into a lesson, then that entry is reported", async () => {
    const input = smallSchool();
    input.entries.find((e) => e.id === "hw-3")!.kind = "lesson";
    const found = await violationsOf(input, "no-lesson-in-service");
    expect(found).to.have.length(1);
    expect(found[0].target).to.include({ kind: "entry", entryId: "hw-3", weekday: 3, periodId: "p1" });
    expect(found[0].message["zh-CN"]).to.contain("周三").and.contain("授课");
  });
});
