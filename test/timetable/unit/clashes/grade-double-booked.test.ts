import { expect } from "chai";
import { gradeDoubleBooked } from "../../../../src/timetable/core/clashes";
import { homework, placement } from "./builders";

describe("gradeDoubleBooked", () => {
  it("When grade 3 has homework help and a club in the same slot, then both entries are reported", () => {
    const clashes = gradeDoubleBooked([homework("hw3"), placement("choir")]);
    expect(clashes).to.deep.equal([
      { kind: "grade-double-booked", weekday: 4, periodId: "p2", entryIds: ["choir", "hw3"], params: { grade: 3 } },
    ]);
  });

  it("When grade 3 has two clubs in the same slot, then there is no clash, since its children are split between them", () => {
    expect(gradeDoubleBooked([placement("choir"), placement("chess")])).to.deep.equal([]);
  });

  it("When classes 3-1 and 3-2 each have homework help in their own room, then there is no clash", () => {
    const clashes = gradeDoubleBooked([
      homework("hw31", { classIds: ["3-1"] }),
      homework("hw32", { classIds: ["3-2"] }),
    ]);
    expect(clashes).to.deep.equal([]);
  });

  it("When class 3-1 has homework help and a sport session in one slot, then only those two are reported", () => {
    const clashes = gradeDoubleBooked([
      homework("hw31", { classIds: ["3-1"] }),
      homework("hw32", { classIds: ["3-2"] }),
      placement("run31", { kind: "sport", classIds: ["3-1"] }),
    ]);
    expect(clashes.map((c) => c.entryIds)).to.deep.equal([["hw31", "run31"]]);
  });

  it("When a grade 3 club and a grade 4 activity share a slot, then there is no clash", () => {
    expect(
      gradeDoubleBooked([placement("choir", { grades: [3] }), homework("hw4", { kind: "activity", grades: [4] })]),
    ).to.deep.equal([]);
  });

  it("When grade 3's clubs share Thursday's period with a grade-wide activity, then there is no clash: the activity is where the children with no club go (自主活动/托管)", () => {
    expect(
      gradeDoubleBooked([placement("choir"), placement("chess"), homework("care3", { kind: "activity" })]),
    ).to.deep.equal([]);
  });

  it("When grade 3's clubs share a period with two grade-wide activities, then the two activities still clash with each other", () => {
    const clashes = gradeDoubleBooked([
      placement("choir"),
      homework("care3", { kind: "activity" }),
      homework("game3", { kind: "activity" }),
    ]);
    expect(clashes.map((c) => c.entryIds)).to.deep.equal([["care3", "game3"]]);
  });
});
