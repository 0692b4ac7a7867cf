import { expect } from "chai";
import { staffDoubleBooked } from "../../../../src/timetable/core/clashes";
import { placement } from "./builders";

describe("staffDoubleBooked", () => {
  it("When one teacher has two clubs on Thursday period 2, then both entries are reported", () => {
    const clashes = staffDoubleBooked([placement("choir", { staffId: "T1" }), placement("chess", { staffId: "T1" })]);
    expect(clashes).to.deep.equal([
      {
        kind: "staff-double-booked",
        weekday: 4,
        periodId: "p2",
        entryIds: ["chess", "choir"],
        params: { staffId: "T1" },
      },
    ]);
  });

  it("When the same teacher's second club is in the next period, then there is no clash", () => {
    const clashes = staffDoubleBooked([
      placement("choir", { staffId: "T1" }),
      placement("chess", { staffId: "T1", periodId: "p3" }),
    ]);
    expect(clashes).to.deep.equal([]);
  });

  it("When two sessions have no teacher yet, then they do not clash with each other", () => {
    expect(staffDoubleBooked([placement("a"), placement("b")])).to.deep.equal([]);
  });
});
