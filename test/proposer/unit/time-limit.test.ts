import { expect } from "chai";
import { propose, violations, type ProposalInstance, type ProposalResult } from "../../../src/proposer/core";
import { randomSchool } from "./support/random-school";

// The time limit is the one thing the proposer reads the clock for. These
// tests assert no durations: only that it stops early, says so, and that the
// proposal it keeps is a valid one.

function expectValid(instance: ProposalInstance, result: ProposalResult): void {
  expect(result.stoppedEarly).to.equal(true);
  expect(violations(instance, result.entries)).to.deep.equal([]);
  const placed = new Set(result.entries.map((e) => e.club));
  const accounted = [...placed, ...result.unplacedClubs.map((u) => u.club)].sort();
  expect(accounted).to.deep.equal(instance.clubs.map((c) => c.id).sort());
  expect(result.metrics.placedClubs).to.equal(placed.size);
}

describe("proposer time limit", function () {
  this.timeout(60_000);
  const school = () => randomSchool(11, { slots: 5, venues: 4, staff: 4, clubs: 8, students: 60, maxSessions: 2 });

  it("When the time limit is tiny, then the search stops early and keeps a valid proposal", async () => {
    const instance = school();
    const { result } = await propose(instance, { budget: 10_000, timeLimit: 0.001 });
    expectValid(instance, result);
    expect(result.timeLimit).to.equal(0.001);
  });

  it("When the next evaluation would end past the limit, then the search stops before it rather than after", async () => {
    // Every reading of this clock is 3 s after the last, so the start's evaluation looks 3 s long. At the
    // search's first check (the 5th reading, 12 s after the start) 1 s is left: too little for another.
    let now = 0;
    const clock = () => (now += 3_000);
    const instance = school();
    const run = await propose(instance, { budget: 10_000, timeLimit: 13, clock });
    expectValid(instance, run.result);
    expect(run.diagnostics.evaluations).to.equal(1);
  });
});
