import { expect } from "chai";
import fc from "fast-check";
import { allocate, Instance, lotteryDraw, parseInstance } from "../../../src/allocation/core";
import { tupleOf, violations } from "./support/check";
import { oracleTuple } from "./support/oracle";
import { randomInstance, Shape } from "./support/random-instance";

const shapes: fc.Arbitrary<Shape> = fc.record({
  students: fc.integer({ min: 2, max: 40 }),
  clubs: fc.integer({ min: 1, max: 8 }),
  slots: fc.integer({ min: 1, max: 4 }),
  multiSlot: fc.boolean(),
  maxClubs: fc.integer({ min: 1, max: 3 }),
  pins: fc.boolean(),
  siblings: fc.constant(true),
  listLength: fc.integer({ min: 1, max: 5 }),
  maxCapacity: fc.integer({ min: 1, max: 8 }),
});

function withoutGroups(instance: Instance): Instance {
  const copy: Instance = structuredClone(instance);
  for (const s of copy.students) delete s.group;
  return copy;
}

describe("tie-breaking among optima", function () {
  this.timeout(300_000);

  it("When siblings are grouped, then the objective equals the same school without groups and the oracle", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 2 ** 31 - 1 }), shapes, async (seed, shape) => {
        const instance = randomInstance(seed, shape);
        const grouped = (await allocate(instance, { mechanism: "optimal" })).result;
        const plain = (await allocate(withoutGroups(instance), { mechanism: "optimal" })).result;
        expect(violations(instance, grouped)).to.deep.equal([]);
        expect(tupleOf(instance, grouped)).to.deep.equal(tupleOf(instance, plain));
        expect(tupleOf(instance, grouped)).to.deep.equal(await oracleTuple(instance));
      }),
      { numRuns: 40 },
    );
  });

  it("When siblings can share a club at no cost, then they are placed together whatever the seed", async () => {
    const instance = parseInstance({
      clubs: [
        { id: "x", capacity: 2, slots: ["thu"] },
        { id: "y", capacity: 2, slots: ["thu"] },
      ],
      students: [
        { id: "sib1", grade: 1, slots: ["thu"], choices: ["x", "y"], group: "F" },
        { id: "sib2", grade: 1, slots: ["thu"], choices: ["y", "x"], group: "F" },
        { id: "o1", grade: 1, slots: ["thu"], choices: ["x", "y"] },
        { id: "o2", grade: 1, slots: ["thu"], choices: ["y", "x"] },
      ],
    });
    for (let seed = 0; seed < 20; seed++) {
      const { result } = await allocate(instance, { mechanism: "optimal", seed });
      // Everyone could have their first choice (rank sum 4): that optimum is unique, siblings apart.
      expect(result.metrics.sumOfRanks).to.equal(4);
    }
    const tied = parseInstance({
      clubs: [
        { id: "x", capacity: 2, slots: ["thu"] },
        { id: "y", capacity: 2, slots: ["thu"] },
      ],
      students: [
        { id: "sib1", grade: 1, slots: ["thu"], choices: ["x", "y"], group: "F" },
        { id: "sib2", grade: 1, slots: ["thu"], choices: ["x", "y"], group: "F" },
        { id: "o1", grade: 1, slots: ["thu"], choices: ["x", "y"] },
        { id: "o2", grade: 1, slots: ["thu"], choices: ["x", "y"] },
      ],
    });
    for (let seed = 0; seed < 20; seed++) {
      const { result } = await allocate(tied, { mechanism: "optimal", seed });
      expect(result.metrics.sumOfRanks).to.equal(6);
      expect(result.assignments.sib1).to.deep.equal(result.assignments.sib2);
    }
  });

  it("When two children tie for one seat, then the earlier draw gets it", async () => {
    const instance = parseInstance({
      clubs: [
        { id: "x", capacity: 1, slots: ["thu"] },
        { id: "y", capacity: 1, slots: ["thu"] },
      ],
      students: [
        { id: "p", grade: 1, slots: ["thu"], choices: ["x", "y"] },
        { id: "q", grade: 1, slots: ["thu"], choices: ["x", "y"] },
      ],
    });
    for (let seed = 0; seed < 20; seed++) {
      const winner = lotteryDraw(seed, "p") < lotteryDraw(seed, "q") ? "p" : "q";
      const { result } = await allocate(instance, { mechanism: "optimal", seed });
      expect(result.assignments[winner]).to.deep.equal(["x"]);
    }
  });

  it("When children may take two clubs (general network), then the earlier draw still wins the tie", async () => {
    const instance = parseInstance({
      clubs: [
        { id: "x", capacity: 1, slots: ["thu"] },
        { id: "y", capacity: 1, slots: ["thu"] },
        { id: "z", capacity: 2, slots: ["fri"] },
      ],
      students: [
        { id: "p", grade: 1, slots: ["thu", "fri"], maxClubs: 2, choices: ["x", "y", "z"] },
        { id: "q", grade: 1, slots: ["thu", "fri"], maxClubs: 2, choices: ["x", "y", "z"] },
      ],
    });
    for (let seed = 0; seed < 20; seed++) {
      const winner = lotteryDraw(seed, "p") < lotteryDraw(seed, "q") ? "p" : "q";
      const { result } = await allocate(instance, { mechanism: "optimal", seed });
      expect(result.assignments[winner]).to.deep.equal(["x", "z"]);
    }
  });
});
