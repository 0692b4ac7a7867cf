import { expect } from "chai";
import fc from "fast-check";
import { constructLayout } from "../../../src/proposer/core/construct";
import { allocationInstance } from "../../../src/proposer/core/judge";
import { allocate } from "../../../src/allocation/core";
import { Prng } from "../../../src/proposer/core/prng";
import { compileProblem } from "../../../src/proposer/core/problem";
import { childrenReached } from "../../../src/proposer/core/reach";
import { randomSchool } from "./support/random-school";

describe("proposer children reached (the judge's shortcut)", function () {
  this.timeout(120_000);

  it("When a random layout is judged, then children reached equals the engine's placed children exactly", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.nat(),
        fc.record({
          slots: fc.integer({ min: 1, max: 5 }),
          venues: fc.integer({ min: 1, max: 4 }),
          staff: fc.integer({ min: 1, max: 4 }),
          clubs: fc.integer({ min: 1, max: 6 }),
          students: fc.integer({ min: 0, max: 40 }),
          maxSessions: fc.integer({ min: 1, max: 2 }),
        }),
        async (seed, layoutSeed, shape) => {
          const problem = compileProblem(randomSchool(seed, shape));
          const layout = constructLayout(problem, "random", { prng: new Prng(layoutSeed) });
          const { result } = await allocate(allocationInstance(problem, layout, seed), { mechanism: "optimal" });
          expect(childrenReached(problem, layout)).to.equal(result.metrics.placedStudents);
        },
      ),
      { numRuns: 150 },
    );
  });

  it("When a child has pinned clubs, then children reached is unknown and the engine decides", () => {
    const school = randomSchool(1, { slots: 2, venues: 2, staff: 2, clubs: 2, students: 3, maxSessions: 1 });
    school.students[0].pinned = [school.clubs[0].id];
    const problem = compileProblem(school);
    expect(childrenReached(problem, constructLayout(problem, "first"))).to.equal(-1);
  });
});
