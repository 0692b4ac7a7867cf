// Where a club could meet: the week's club slots, each with what the club's session there would clash with.
import { expect } from "chai";
import { clubSlotFits, clubSlotsOf } from "../../../src/timetable/core";
import { context, homework, placement } from "./clashes/builders";

describe("timetable: the slots a club could be placed in", () => {
  const week = [
    placement("choir", { clubId: "choir", staffId: "T1", venueId: "music" }),
    placement("wed-choir", { clubId: "choir", weekday: 3, staffId: "T2", venueId: "gym" }),
    homework("hw", { weekday: 1, periodId: "p1", grades: [3], classIds: ["3-1"] }),
  ];
  const chess = { kind: "club" as const, clubId: "chess", grades: [3], staffId: "T1", venueId: "music" };

  it("When the week has clubs on Wednesday and Thursday period 2, then those two are the club slots, Wednesday first", () => {
    expect(clubSlotsOf(week, [1, 2, 3, 4, 5], ["p1", "p2"])).to.deep.equal([
      { weekday: 3, periodId: "p2" },
      { weekday: 4, periodId: "p2" },
    ]);
  });

  it("When the week has no club yet, then every slot is offered", () => {
    expect(clubSlotsOf([week[2]], [1, 2], ["p1", "p2"])).to.have.length(4);
  });

  it("When the club's teacher and venue are taken in a slot, then both clashes are given; where they are free, none", () => {
    const [wed, thu] = clubSlotFits(week, chess, clubSlotsOf(week, [1, 2, 3, 4, 5], ["p1", "p2"]), context());
    expect(wed.clashes).to.deep.equal([]);
    expect(thu.clashes.map((c) => c.kind).sort()).to.deep.equal(["staff-double-booked", "venue-double-booked"]);
  });

  it("When the slot holds a class's homework for the club's grade, then the grade rule is the reason", () => {
    const [fit] = clubSlotFits(
      week,
      { ...chess, staffId: "T2", venueId: "gym" },
      [{ weekday: 1, periodId: "p1" }],
      context(),
    );
    expect(fit.clashes.map((c) => c.kind)).to.deep.equal(["grade-double-booked"]);
  });

  it("When the club already meets in the slot, then it is marked so and not checked again", () => {
    const [fit] = clubSlotFits(week, { ...chess, clubId: "choir" }, [{ weekday: 4, periodId: "p2" }], context());
    expect(fit).to.include({ already: true });
    expect(fit.clashes).to.deep.equal([]);
  });

  it("When the club's teacher does not come on Thursdays, then the slot says so", () => {
    const ctx = context({ staff: [{ id: "T3", availableWeekdays: [1, 2, 3] }] });
    const [fit] = clubSlotFits(
      week,
      { ...chess, staffId: "T3", venueId: "gym" },
      [{ weekday: 4, periodId: "p2" }],
      ctx,
    );
    expect(fit.clashes.map((c) => c.kind)).to.deep.equal(["staff-unavailable"]);
  });
});
