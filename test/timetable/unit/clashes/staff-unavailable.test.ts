import { expect } from "chai";
import { staffOutsideHours, staffUnavailable } from "../../../../src/timetable/core/clashes";
import { context, placement } from "./builders";

describe("staffUnavailable", () => {
  const coachOnTueThu = context({ staff: [{ id: "E1", availableWeekdays: [2, 4] }] });

  it("When an external coach who comes Tuesday and Thursday is placed on Wednesday, then the entry is reported", () => {
    const clashes = staffUnavailable([placement("football", { staffId: "E1", weekday: 3 })], coachOnTueThu);
    expect(clashes).to.deep.equal([
      { kind: "staff-unavailable", weekday: 3, periodId: "p2", entryIds: ["football"], params: { staffId: "E1" } },
    ]);
  });

  it("When the same coach is placed on Thursday, then there is no clash", () => {
    expect(staffUnavailable([placement("football", { staffId: "E1", weekday: 4 })], coachOnTueThu)).to.deep.equal([]);
  });
});

describe("staffOutsideHours", () => {
  const coachFromHalfPast = context({
    staff: [{ id: "E1", availableWeekdays: [2, 4], hours: { "2": { from: "16:30", to: "18:00" } } }],
    periods: [
      { id: "p1", start: "15:40", end: "16:40" },
      { id: "p2", start: "16:50", end: "17:50" },
    ],
  });

  it("When a coach who comes Tuesdays from 16:30 is placed in Tuesday's 15:40 period, then the entry is reported with the window", () => {
    const clashes = staffOutsideHours(
      [placement("football", { staffId: "E1", weekday: 2, periodId: "p1" })],
      coachFromHalfPast,
    );
    expect(clashes).to.deep.equal([
      {
        kind: "staff-outside-hours",
        weekday: 2,
        periodId: "p1",
        entryIds: ["football"],
        params: { staffId: "E1", from: "16:30", to: "18:00" },
      },
    ]);
  });

  it("When the period fits the window, or the day has no window, or the day is not agreed (staffUnavailable's case), then no clash here", () => {
    const fits = placement("football", { staffId: "E1", weekday: 2, periodId: "p2" });
    const wholeDay = placement("chess", { staffId: "E1", weekday: 4, periodId: "p1" });
    const otherDay = placement("art", { staffId: "E1", weekday: 3, periodId: "p1" });
    expect(staffOutsideHours([fits, wholeDay, otherDay], coachFromHalfPast)).to.deep.equal([]);
  });
});
