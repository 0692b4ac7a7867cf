import { expect } from "chai";
import fc from "fast-check";
import { allocate } from "../../../src/allocation/core";
import { compareTuples, tupleOf } from "./support/check";
import { bruteForceTuple, oracleTuple } from "./support/oracle";
import { randomInstance, Shape } from "./support/random-instance";

function shapes(max: Partial<Shape> & { students: number }, fixed: Partial<Shape> = {}): fc.Arbitrary<Shape> {
  return fc.record({
    students: fc.integer({ min: 1, max: max.students }),
    clubs: fc.integer({ min: 1, max: max.clubs ?? 10 }),
    slots: fc.integer({ min: 1, max: 4 }),
    multiSlot: fixed.multiSlot !== undefined ? fc.constant(fixed.multiSlot) : fc.boolean(),
    maxClubs: fc.integer({ min: 1, max: max.maxClubs ?? 3 }),
    pins: fc.boolean(),
    siblings: fc.boolean(),
    listLength: fc.integer({ min: 1, max: max.listLength ?? 5 }),
    maxCapacity: fc.integer({ min: 1, max: max.maxCapacity ?? 12 }),
  });
}

const seeds = fc.integer({ min: 0, max: 2 ** 31 - 1 });

describe("optimal objective against independent exact solvers", function () {
  this.timeout(300_000);

  it("When the school has single-slot clubs only, then the objective tuple equals the integer program's", async () => {
    await fc.assert(
      fc.asyncProperty(seeds, shapes({ students: 60 }, { multiSlot: false }), async (seed, shape) => {
        const instance = randomInstance(seed, shape);
        const { result } = await allocate(instance, { mechanism: "optimal" });
        expect(tupleOf(instance, result)).to.deep.equal(await oracleTuple(instance));
      }),
      { numRuns: 40 },
    );
  });

  it("When clubs meet in several slots and children take up to three, then the tuple equals the integer program's", async () => {
    await fc.assert(
      fc.asyncProperty(seeds, shapes({ students: 60, maxClubs: 3 }, { multiSlot: true }), async (seed, shape) => {
        const instance = randomInstance(seed, shape);
        const { result } = await allocate(instance, { mechanism: "optimal" });
        expect(tupleOf(instance, result)).to.deep.equal(await oracleTuple(instance));
      }),
      { numRuns: 40 },
    );
  });

  it("When the school is tiny, then the tuple equals brute force over every assignment", async () => {
    await fc.assert(
      fc.asyncProperty(seeds, shapes({ students: 5, clubs: 4, listLength: 3 }), async (seed, shape) => {
        const instance = randomInstance(seed, shape);
        const { result } = await allocate(instance, { mechanism: "optimal" });
        expect(tupleOf(instance, result)).to.deep.equal(bruteForceTuple(instance));
      }),
      { numRuns: 150 },
    );
  });

  it("When the lottery or the rush run on the same school, then neither beats the optimum", async () => {
    await fc.assert(
      fc.asyncProperty(seeds, shapes({ students: 30 }), async (seed, shape) => {
        const instance = randomInstance(seed, shape);
        const best = tupleOf(instance, (await allocate(instance, { mechanism: "optimal" })).result);
        const lottery = tupleOf(instance, (await allocate(instance, { mechanism: "lottery" })).result);
        expect(compareTuples(best, lottery)).to.be.at.most(0);
      }),
      { numRuns: 40 },
    );
  });

  // Seeds picked so that each exact path is exercised (checked below).
  const paths: [string, number][] = [
    ["milp", 5],
    ["milp", 7],
    ["flow-repair", 74],
    ["flow-relaxation", 1],
    ["flow", 9],
  ];
  for (const [path, seed] of paths) {
    it(`When a multi-slot school (seed ${seed}) takes the ${path} path, then its tuple equals the integer program's`, async () => {
      const instance = randomInstance(seed, {
        students: 60,
        clubs: 10,
        slots: 4,
        multiSlot: true,
        maxClubs: 3,
        pins: true,
        siblings: true,
        listLength: 5,
        maxCapacity: 12,
      });
      const { result, diagnostics } = await allocate(instance, { mechanism: "optimal" });
      expect(diagnostics.path).to.equal(path);
      expect(tupleOf(instance, result)).to.deep.equal(await oracleTuple(instance));
      if (diagnostics.bound) expect(compareTuples(diagnostics.bound, diagnostics.objective)).to.be.at.most(0);
    });
  }
});
