// The capacity rule, pure: a lower capacity than the club's peak of members is
// refused, raising or keeping it never is; a club with more members than seats is over-full.
import { expect } from "chai";
import { belowMembers, gradeRanges, isOverFull } from "../../../src/clubs/core";

describe("clubs: the capacity rule", () => {
  const peak = { count: 20, date: "2026-10-12" };

  it("When the capacity is lowered below the peak, then it is refused; down to the peak it is not", () => {
    expect(belowMembers(30, 19, peak)).to.equal(true);
    expect(belowMembers(30, 20, peak)).to.equal(false);
  });

  it("When the capacity is raised or kept, then it is never refused, even for an over-full club", () => {
    expect(belowMembers(15, 18, peak)).to.equal(false);
    expect(belowMembers(15, 15, peak)).to.equal(false);
  });

  it("When a club holds more members than seats, then it is over-full; as many as seats is not", () => {
    expect(isOverFull(peak, 19)).to.equal(true);
    expect(isOverFull(peak, 20)).to.equal(false);
    expect(isOverFull(undefined, 0)).to.equal(false);
  });

  it("When grades are listed, then runs are written as ranges", () => {
    expect(gradeRanges([5, 1, 2, 3, 3])).to.equal("1–3, 5");
    expect(gradeRanges([4])).to.equal("4");
  });
});
