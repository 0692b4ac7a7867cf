import { expect } from "chai";
import { propose, type ProposalInstance } from "../../../src/proposer/core";
import { staticReason } from "../../../src/proposer/core/candidates";
import { compareScore } from "../../../src/proposer/core/judge";
import { Prng } from "../../../src/proposer/core/prng";
import { compileProblem } from "../../../src/proposer/core/problem";
import { randomSchool } from "./support/random-school";

function school(): ProposalInstance {
  return {
    seed: 0,
    slots: [
      { id: "mon-2", weekday: 1 },
      { id: "thu-2", weekday: 4 },
    ],
    venues: [{ id: "hall", kind: "hall", capacity: 40 }],
    staff: [
      { id: "T1", slots: ["mon-2", "thu-2"] },
      { id: "X1", slots: ["thu-2"] },
    ],
    clubs: [
      { id: "choir", capacity: 30, minSize: 0, sessions: 1, venueKind: "hall", staff: ["T1"], fixed: [] },
      { id: "nobody", capacity: 30, minSize: 0, sessions: 1, venueKind: "hall", staff: [], fixed: [] },
      { id: "huge", capacity: 90, minSize: 0, sessions: 1, venueKind: "hall", staff: ["T1"], fixed: [] },
      { id: "twice", capacity: 30, minSize: 0, sessions: 2, venueKind: "hall", staff: ["X1"], fixed: [] },
      {
        id: "pinned",
        capacity: 30,
        minSize: 0,
        sessions: 1,
        venueKind: "hall",
        staff: ["X1"],
        fixed: [{ slot: "mon-2" }],
      },
    ],
    students: [{ id: "S1", grade: 1, slots: ["mon-2", "thu-2"], maxClubs: 1, choices: ["choir"], pinned: [] }],
    current: [],
  };
}

describe("proposer pieces", () => {
  it("When a club cannot be placed in any layout, then the reason says why", () => {
    const problem = compileProblem(school());
    expect(problem.clubs.map((_, c) => staticReason(problem, c)?.reason ?? null)).to.deep.equal([
      null,
      "no-eligible-staff",
      "no-venue",
      "too-few-slots",
      "fixed-conflict",
    ]);
  });

  it("When two scores differ, then clubs placed count first and fewer changes last", () => {
    expect(compareScore([3, 0, 0, -99, -9], [2, 99, 99, 0, 0])).to.be.above(0);
    expect(compareScore([3, 10, 12, -20, -9], [3, 10, 12, -20, -1])).to.be.below(0);
    expect(compareScore([3, 10, 12, -20, -1], [3, 10, 12, -20, -1])).to.equal(0);
  });

  it("When the generator is seeded twice alike, then it draws the same numbers", () => {
    const a = new Prng(42);
    const b = new Prng(42);
    const draws = Array.from({ length: 5 }, () => [a.next(), b.next()]);
    for (const [x, y] of draws) expect(x).to.equal(y);
    expect(new Prng(43).next()).to.not.equal(new Prng(42).next());
  });

  it("When the one hall is wanted on Monday by one club only, then choir goes where its child stays", async () => {
    const { result } = await propose(school(), { budget: 10 });
    expect(result.entries).to.deep.equal([{ club: "choir", slot: "mon-2", venue: "hall", staff: "T1" }]);
    expect(result.metrics).to.include({ placedStudents: 1, placedClubs: 1, changes: 1 });
    expect(result.unplacedClubs.map((u) => u.reason)).to.deep.equal([
      "no-eligible-staff",
      "no-venue",
      "too-few-slots",
      "fixed-conflict",
    ]);
  });

  it("When the time limit passes before the budget is spent, then the result says it stopped early", async () => {
    let now = 0;
    const clock = () => (now += 400);
    const instance = randomSchool(5, { slots: 4, venues: 3, staff: 3, clubs: 5, students: 20, maxSessions: 2 });
    const { result } = await propose(instance, { budget: 1_000, timeLimit: 2, clock });
    expect(result.stoppedEarly).to.equal(true);
    expect(result.timeLimit).to.equal(2);
    const { result: full } = await propose(instance, { budget: 5 });
    expect(full).to.not.have.property("stoppedEarly");
  });
});
