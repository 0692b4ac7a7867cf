import { expect } from "chai";
import { allocate, firstComeFirstServed, Instance, lotteryDraw, parseInstance } from "../../../src/allocation/core";
import { tupleOf, violations } from "./support/check";

// Three children want the one violin seat first; a lottery or a rush leaves
// someone out, the optimum gives everyone a club.
function orchestra(): Instance {
  return parseInstance({
    seed: 3,
    clubs: [
      { id: "violin", capacity: 1, slots: ["thu"] },
      { id: "drums", capacity: 1, slots: ["thu"] },
      { id: "choir", capacity: 1, slots: ["thu"], minSize: 3 },
    ],
    students: [
      { id: "A", grade: 1, slots: ["thu"], choices: ["violin", "drums"] },
      { id: "B", grade: 1, slots: ["thu"], choices: ["violin", "choir"] },
      { id: "C", grade: 1, slots: ["thu"], choices: ["violin"] },
    ],
  });
}

describe("allocate (optimal)", () => {
  it("When only one child can take the contested club, then the optimum places every child", async () => {
    const { result } = await allocate(orchestra(), { mechanism: "optimal" });
    expect(result.assignments).to.deep.equal({ A: ["drums"], B: ["choir"], C: ["violin"] });
    expect(result.metrics).to.deep.equal({
      students: 3,
      placedStudents: 3,
      placements: 3,
      rankCounts: [1, 2],
      sumOfRanks: 5,
      underMinClubs: ["choir"],
    });
  });

  it("When the submission order names an unknown child, then first come first served rejects it", () => {
    expect(() => firstComeFirstServed(orchestra(), ["A", "Z"])).to.throw("order[1]: unknown student");
  });

  it("When first come first served runs on the same seats, then fewer children are placed", () => {
    const rush = firstComeFirstServed(orchestra(), ["A", "B", "C"]);
    expect(rush.mechanism).to.equal("first-come-first-served");
    expect(rush.assignments).to.deep.equal({ A: ["violin"], B: ["choir"], C: [] });
    expect(rush.waitlists.violin).to.deep.equal(["B", "C"]);
  });

  it("When a child is pinned outside their list and grade, then the pin holds, uses a seat and counts toward maxClubs", async () => {
    const instance = parseInstance({
      clubs: [
        { id: "team", capacity: 1, grades: [6], slots: ["tue"] },
        { id: "art", capacity: 5, slots: ["wed"] },
      ],
      students: [
        { id: "P", grade: 2, slots: ["tue", "wed"], maxClubs: 1, choices: ["art"], pinned: ["team"] },
        { id: "Q", grade: 6, slots: ["tue"], choices: ["team"] },
      ],
    });
    const { result } = await allocate(instance, { mechanism: "optimal" });
    expect(result.assignments).to.deep.equal({ P: ["team"], Q: [] });
    // A pin outside the list is a placement without a rank.
    expect(result.metrics.placements).to.equal(1);
    expect(result.metrics.sumOfRanks).to.equal(0);
    expect(result.metrics.rankCounts).to.deep.equal([0]);
    expect(result.waitlists.team).to.deep.equal(["Q"]);
  });

  it("When a child may take two clubs, then they get both in rank order and never two in one slot", async () => {
    const instance = parseInstance({
      clubs: [
        { id: "a", capacity: 3, slots: ["tue"] },
        { id: "b", capacity: 3, slots: ["tue"] },
        { id: "c", capacity: 3, slots: ["thu"] },
      ],
      students: [{ id: "K", grade: 1, slots: ["tue", "thu"], maxClubs: 2, choices: ["c", "b", "a"] }],
    });
    const { result } = await allocate(instance, { mechanism: "optimal" });
    expect(result.assignments.K).to.deep.equal(["c", "b"]);
    expect(violations(instance, result)).to.deep.equal([]);
  });

  it("When the same instance and seed run twice, then the bytes are identical and the seed is echoed", async () => {
    const a = await allocate(orchestra(), { mechanism: "optimal", seed: 11 });
    const b = await allocate(orchestra(), { mechanism: "optimal", seed: 11 });
    expect(JSON.stringify(a.result)).to.equal(JSON.stringify(b.result));
    expect(a.result.seed).to.equal(11);
    expect(Object.keys(a.result)).to.deep.equal(["mechanism", "seed", "assignments", "waitlists", "metrics"]);
  });

  it("When no seed is given, then the instance's seed is used and echoed", async () => {
    const { result } = await allocate(orchestra(), { mechanism: "lottery" });
    expect(result.seed).to.equal(3);
  });

  it("When a club is ranked by children who could take it, then its waitlist is ordered by rank, then lottery number", async () => {
    const instance = parseInstance({
      clubs: [
        { id: "x", capacity: 0, slots: ["mon"] },
        { id: "y", capacity: 9, slots: ["tue"] },
        { id: "z", capacity: 9, slots: ["wed"] },
      ],
      students: [
        { id: "content", grade: 1, slots: ["mon", "tue"], choices: ["y", "x"] },
        { id: "second", grade: 1, slots: ["mon", "tue", "wed"], choices: ["y", "x", "z"], maxClubs: 1 },
        { id: "first", grade: 1, slots: ["mon", "tue"], choices: ["x", "y"] },
        { id: "other", grade: 1, slots: ["mon", "tue"], choices: ["x", "y"] },
      ],
    });
    const { result } = await allocate(instance, { mechanism: "optimal", seed: 5 });
    const byDraw = ["first", "other"].sort((a, b) => lotteryDraw(5, a) - lotteryDraw(5, b));
    // "content" got y, ranked above x, and has no room left: not waiting for x.
    // "second" also got y (rank 1): x (rank 2) is below it, so not waiting either.
    expect(result.waitlists.x).to.deep.equal(byDraw);
    expect(result.waitlists.y).to.deep.equal([]);
  });

  it("When children rank a full club at different positions, then better ranks wait first", async () => {
    const instance = parseInstance({
      clubs: [
        { id: "x", capacity: 0, slots: ["mon"] },
        { id: "y", capacity: 9, slots: ["tue"] },
        { id: "z", capacity: 9, slots: ["wed"] },
      ],
      students: [
        { id: "r2", grade: 1, slots: ["mon", "tue", "wed"], choices: ["z", "x", "y"], maxClubs: 2 },
        { id: "r1", grade: 1, slots: ["mon", "tue"], choices: ["x", "y"] },
      ],
    });
    const { result } = await allocate(instance, { mechanism: "optimal", seed: 1 });
    expect(result.waitlists.x).to.deep.equal(["r1", "r2"]);
  });

  it("When the diagnostics are read, then they report the exact path and the objective", async () => {
    const { result, diagnostics } = await allocate(orchestra(), { mechanism: "optimal" });
    expect(diagnostics.path).to.equal("flow");
    expect(diagnostics.objective).to.deep.equal(tupleOf(orchestra(), result));
    expect(diagnostics.timings.totalMs).to.be.a("number");
  });

  it("When the mechanism is unknown, then allocate rejects it", async () => {
    let error: unknown;
    try {
      await allocate(orchestra(), { mechanism: "auction" as never });
    } catch (err) {
      error = err;
    }
    expect(String(error)).to.contain("mechanism");
  });
});
