import { expect } from "chai";
import { notPlacedWhy } from "../../../src/allocation/core";

describe("notPlacedWhy", () => {
  it("When the child was not in the run, or sent no list, then the reason is no list", () => {
    expect(notPlacedWhy(null)).to.equal("no-list");
    expect(notPlacedWhy([])).to.equal("no-list");
  });
  it("When every ranked club was full (or taken by earlier turns), then all full", () => {
    expect(notPlacedWhy(["full", "drew-later"])).to.equal("all-full");
  });
  it("When the ranked clubs clash or meet on days the child does not stay, then clash", () => {
    expect(notPlacedWhy(["clash", "slot-not-chosen"])).to.equal("clash");
  });
  it("When every ranked club is for other grades, then grade", () => {
    expect(notPlacedWhy(["not-eligible-grade"])).to.equal("grade");
  });
  it("When the reasons differ, then mixed, and the lines below say which", () => {
    expect(notPlacedWhy(["full", "clash"])).to.equal("mixed");
  });
});
