// The entry form's default kind: the slot's commonest kind, else the period's, else an activity.
import { expect } from "chai";
import { slotKind } from "../../../src/timetable/core";

const at = (weekday: number, periodId: number, kind: "club" | "activity" | "sport" | "homework") => ({
  weekday,
  periodId,
  kind,
});

describe("timetable: the kind a new session in a slot defaults to", () => {
  const week = [
    ...Array.from({ length: 5 }, () => at(4, 2, "club")),
    at(4, 2, "activity"),
    at(1, 2, "activity"),
    at(2, 2, "sport"),
    at(1, 1, "homework"),
  ];

  it("When the slot holds mostly clubs (Thursday period 2), then a new session there is a club", () => {
    expect(slotKind(week, 4, 2)).to.equal("club");
  });

  it("When the slot holds one activity, then it is an activity", () => {
    expect(slotKind(week, 1, 2)).to.equal("activity");
  });

  it("When the slot is empty, then the period's commonest kind over the week is used", () => {
    expect(slotKind(week, 5, 2)).to.equal("club");
    expect(slotKind(week, 5, 1)).to.equal("homework");
  });

  it("When the period is empty too, then it is an activity", () => {
    expect(slotKind(week, 3, 9)).to.equal("activity");
  });

  it("When two kinds tie, then a club wins over the others", () => {
    expect(slotKind([at(3, 2, "activity"), at(3, 2, "club")], 3, 2)).to.equal("club");
  });
});
