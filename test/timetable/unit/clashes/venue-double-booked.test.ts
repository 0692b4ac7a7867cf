import { expect } from "chai";
import { venueDoubleBooked } from "../../../../src/timetable/core/clashes";
import { placement } from "./builders";

describe("venueDoubleBooked", () => {
  it("When choir and chess both use the music room on Thursday period 2, then both entries are reported", () => {
    const clashes = venueDoubleBooked([
      placement("choir", { venueId: "music" }),
      placement("chess", { venueId: "music" }),
    ]);
    expect(clashes).to.have.length(1);
    expect(clashes[0]).to.include({ kind: "venue-double-booked", weekday: 4, periodId: "p2" });
    expect(clashes[0].entryIds).to.deep.equal(["chess", "choir"]);
    expect(clashes[0].params).to.deep.equal({ venueId: "music" });
  });

  it("When chess uses the music room on Wednesday instead, then there is no clash", () => {
    const clashes = venueDoubleBooked([
      placement("choir", { venueId: "music" }),
      placement("chess", { venueId: "music", weekday: 3 }),
    ]);
    expect(clashes).to.deep.equal([]);
  });
});
