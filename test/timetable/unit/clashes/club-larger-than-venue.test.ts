import { expect } from "chai";
import { clubLargerThanVenue } from "../../../../src/timetable/core/clashes";
import { context, homework, placement } from "./builders";

describe("clubLargerThanVenue", () => {
  it("When a 31-seat club meets in a 30-seat room, then the club is reported with both sizes", () => {
    const ctx = context({ clubs: [{ id: "choir", maxSize: 31 }] });
    const clashes = clubLargerThanVenue([placement("e1", { clubId: "choir", venueId: "music" })], ctx);
    expect(clashes).to.deep.equal([
      {
        kind: "club-larger-than-venue",
        weekday: 4,
        periodId: "p2",
        entryIds: ["e1"],
        params: { venueId: "music", capacity: 30, size: 31, clubId: "choir" },
      },
    ]);
  });

  it("When the club's maximum equals the room's capacity, then there is no clash", () => {
    const ctx = context({ clubs: [{ id: "choir", maxSize: 30 }] });
    expect(clubLargerThanVenue([placement("e1", { clubId: "choir", venueId: "music" })], ctx)).to.deep.equal([]);
  });

  it("When a homework session expects 45 children in the 30-seat room, then it is reported by its expected size", () => {
    const clashes = clubLargerThanVenue([homework("h1", { venueId: "music", expectedSize: 45 })], context());
    expect(clashes.map((c) => c.params)).to.deep.equal([{ venueId: "music", capacity: 30, size: 45 }]);
  });

  it("When the room is not in the context, then nothing is judged", () => {
    expect(clubLargerThanVenue([placement("e1", { clubId: "choir", venueId: "field" })], context())).to.deep.equal([]);
  });
});
