import { expect } from "chai";
import type { ProposalInstance } from "../../../src/proposer/core";
import { Layout } from "../../../src/proposer/core/layout";
import { compileProblem } from "../../../src/proposer/core/problem";

function school(): ProposalInstance {
  return {
    seed: 0,
    slots: [
      { id: "mon-2", weekday: 1 },
      { id: "thu-2", weekday: 4 },
    ],
    venues: [
      { id: "big", kind: "hall", capacity: 40 },
      { id: "small", kind: "hall", capacity: 20 },
      { id: "room", kind: "classroom", capacity: 30 },
    ],
    staff: [
      { id: "T1", slots: ["mon-2", "thu-2"] },
      { id: "T2", slots: ["mon-2"] },
    ],
    clubs: [
      { id: "choir", capacity: 35, minSize: 0, sessions: 1, venueKind: "hall", staff: ["T1", "T2"], fixed: [] },
      { id: "chess", capacity: 15, minSize: 0, sessions: 1, venueKind: "hall", staff: ["T1", "T2"], fixed: [] },
      { id: "drama", capacity: 15, minSize: 0, sessions: 2, venueKind: "hall", staff: ["T1", "T2"], fixed: [] },
      { id: "art", capacity: 15, minSize: 0, sessions: 1, venueKind: "hall", staff: ["T2"], fixed: [] },
    ],
    students: [],
    current: [],
  };
}

describe("Layout", () => {
  it("When a teacher already leads a club on Monday, then a second club with them on Monday is refused", () => {
    const layout = new Layout(compileProblem(school()));
    expect(layout.place(1, 0, [0])).to.equal(true);
    expect(layout.place(2, 0, [0, 1])).to.equal(false);
    expect(layout.isPlaced(2)).to.equal(false);
  });

  it("When a teacher is not available on Thursday, then a session with them on Thursday is refused", () => {
    const layout = new Layout(compileProblem(school()));
    expect(layout.place(2, 1, [0, 1])).to.equal(false);
    expect(layout.place(2, 0, [0, 1])).to.equal(true);
  });

  it("When a club meets twice, then its two sessions must be in distinct slots", () => {
    const layout = new Layout(compileProblem(school()));
    expect(layout.place(2, 0, [0, 0])).to.equal(false);
  });

  it("When a small club is placed first, then it takes the smallest hall that fits, keeping the big one free", () => {
    const layout = new Layout(compileProblem(school()));
    layout.place(1, 0, [0]);
    expect(layout.venues[1]).to.deep.equal([1]);
    expect(layout.place(0, 1, [0])).to.equal(true);
    expect(layout.venues[0]).to.deep.equal([0]);
  });

  it("When a small club sits in the only big hall, then a big club re-seats it into the small hall", () => {
    const layout = new Layout(compileProblem(school()));
    layout.place(1, 0, [0]); // chess takes the small hall
    layout.place(3, 1, [0]); // art gets the big one
    layout.remove(1); // the small hall is free again, but choir needs the big one
    expect(layout.place(0, 0, [0])).to.equal(true);
    expect(layout.venues[0]).to.deep.equal([0]);
    expect(layout.venues[3]).to.deep.equal([1]);
  });

  it("When a club is removed, then its staff and venues are free again", () => {
    const layout = new Layout(compileProblem(school()));
    layout.place(0, 0, [0]);
    layout.remove(0);
    expect([...layout.venueAt].every((c) => c === -1)).to.equal(true);
    expect([...layout.staffAt].every((c) => c === -1)).to.equal(true);
    expect(layout.place(1, 0, [0])).to.equal(true);
  });
});
