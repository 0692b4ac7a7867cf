import { expect } from "chai";
import { staffUnavailable } from "../../../../src/timetable/core/clashes";
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
