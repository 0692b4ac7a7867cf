import { expect } from "chai";
import { isAway, markOf } from "../../../src/attendance/core";

describe("a child's day: marked, and away", () => {
  it("When the registers mark a child absent in one session and excused in another, then the day's mark is absent", () => {
    expect(markOf(["present", "excused", "absent"])).to.equal("absent");
    expect(markOf(["present", "excused"])).to.equal("excused");
    expect(markOf(["present"])).to.equal(null);
  });

  it("When a child is on leave and no register is taken yet, then the child is away", () => {
    expect(isAway(null, true)).to.equal(true);
  });

  it("When a child has no mark and no leave, then the child is not away; any mark makes them away", () => {
    expect(isAway(null, false)).to.equal(false);
    expect(isAway("absent", false)).to.equal(true);
    expect(isAway("excused", false)).to.equal(true);
  });
});
