import { expect } from "chai";
import { rankCounts } from "../../../src/reports/core/rank-counts";

describe("rankCounts", () => {
  it("When s1 got its 1st and 3rd choice and s2 its 1st, then the counts are [2, 0, 1]", () => {
    expect(rankCounts({ s1: ["a", "c"], s2: ["b"] }, { s1: ["a", "b", "c"], s2: ["b", "a"] })).to.deep.equal([2, 0, 1]);
  });

  it("When a child is pinned to a club not on its list (or has no list), then that placement has no rank", () => {
    expect(rankCounts({ s1: ["x"], s2: ["a"] }, { s1: ["a"] })).to.deep.equal([]);
  });

  it("When nobody is placed, then there are no counts", () => {
    expect(rankCounts({}, { s1: ["a"] })).to.deep.equal([]);
  });
});
