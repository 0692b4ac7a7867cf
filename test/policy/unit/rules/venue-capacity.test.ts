import { expect } from "chai";
import { smallSchool } from "../../../fixtures/policy/small-school";
import { violationsOf } from "../../../fixtures/policy/run-rule";

describe("rule venue-capacity", () => {
  it("When 45 children are expected in a room for 45, then no warning is given", async () => {
    const input = smallSchool();
    input.entries[0].expectedSize = 45;
    expect(await violationsOf(input, "venue-capacity")).to.deep.equal([]);
  });

  it("When 46 children are expected in a room for 45, then a warning names the entry and venue", async () => {
    const input = smallSchool();
    input.entries[0].expectedSize = 46;
    const found = await violationsOf(input, "venue-capacity");
    expect(found).to.have.length(1);
    expect(found[0].severity).to.equal("warning");
    expect(found[0].target).to.include({ kind: "entry", entryId: "hw-1", venueId: "room3a" });
    expect(found[0].message.en).to.equal("Mon 第一时段: 三(1)教室 holds 45 but 46 are expected.");
  });
});
