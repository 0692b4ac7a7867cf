import { expect } from "chai";
import fc from "fast-check";
import { schoolDays } from "../../../src/policy";
import { unionMinutes } from "../../../src/policy/core/clock";

describe("term calendar and clock", () => {
  it("When a week has a holiday, an exam day and a sports meet, then the holiday and exam are not school days but the meet is", () => {
    const days = schoolDays({
      startDate: "2026-11-09",
      endDate: "2026-11-15",
      specialDays: [
        { date: "2026-11-10", kind: "holiday" },
        { date: "2026-11-12", kind: "exam" },
        { date: "2026-11-13", kind: "event" },
      ],
    });
    expect(days.map((d) => d.date)).to.deep.equal(["2026-11-09", "2026-11-11", "2026-11-13"]);
    expect(days[2].isEventDay).to.equal(true);
  });

  it("When period intervals overlap, then their union is at least the longest and at most the sum", () => {
    const interval = fc
      .tuple(fc.integer({ min: 0, max: 1440 }), fc.integer({ min: 0, max: 120 }))
      .map(([s, len]): [number, number] => [s, s + len]);
    fc.assert(
      fc.property(fc.array(interval, { maxLength: 8 }), (intervals) => {
        const u = unionMinutes(intervals);
        const lengths = intervals.map(([s, e]) => e - s);
        return u >= Math.max(0, ...lengths) && u <= lengths.reduce((a, b) => a + b, 0);
      }),
    );
    expect(
      unionMinutes([
        [940, 1000],
        [1010, 1070],
        [1010, 1070],
      ]),
    ).to.equal(120);
  });
});
