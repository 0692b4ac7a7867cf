// Where a round stands, and what it offers a child: pure rules of choices/core.
import { expect } from "chai";
import { meetingDays, offeredTo, roundState, type OfferedClub } from "../../../src/choices/core";

describe("choices: round state and the offer", () => {
  const round = { opensAt: "2026-09-01T00:00:00.000Z", closesAt: "2026-09-08T10:00:00.000Z" };

  it("When the instant is before, inside or at the end of the window, then the round is upcoming, open or closed", () => {
    expect(roundState(round, "2026-08-31T23:59:59.999Z")).to.equal("upcoming");
    expect(roundState(round, round.opensAt)).to.equal("open");
    expect(roundState(round, round.closesAt)).to.equal("closed");
  });

  const club: OfferedClub = {
    id: 1,
    code: "chess",
    name: "Chess",
    category: "thinking",
    description: "",
    grades: [3, 4],
    minSize: 0,
    maxSize: 20,
    cancelled: false,
    staffName: null,
    venueName: null,
    meetings: [
      { weekday: 4, periodId: 1, periodNo: 1, startTime: "16:50", endTime: "17:50" },
      { weekday: 2, periodId: 1, periodNo: 1, startTime: "16:50", endTime: "17:50" },
    ],
  };

  it("When a club meets, is open to the grade and not cancelled, then it is offered; otherwise not", () => {
    expect(offeredTo(club, 3)).to.equal(true);
    expect(offeredTo(club, 5)).to.equal(false);
    expect(offeredTo({ ...club, cancelled: true }, 3)).to.equal(false);
    expect(offeredTo({ ...club, meetings: [] }, 3)).to.equal(false);
    expect(meetingDays(club)).to.deep.equal([2, 4]);
  });
});
