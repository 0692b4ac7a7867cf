import { expect } from "chai";
import fc from "fast-check";
import { allocate, firstComeFirstServed, Mechanism } from "../../../src/allocation/core";
import { tupleOf, violations, wastedSeats } from "./support/check";
import { randomInstance, Shape } from "./support/random-instance";

const shapes: fc.Arbitrary<Shape> = fc.record({
  students: fc.integer({ min: 0, max: 40 }),
  clubs: fc.integer({ min: 1, max: 8 }),
  slots: fc.integer({ min: 1, max: 4 }),
  multiSlot: fc.boolean(),
  maxClubs: fc.integer({ min: 1, max: 3 }),
  pins: fc.boolean(),
  siblings: fc.boolean(),
  listLength: fc.integer({ min: 0, max: 5 }),
});
const cases = fc.record({
  seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  shape: shapes,
  draw: fc.integer({ min: 0, max: 1e9 }),
});
const mechanisms: Mechanism[] = ["optimal", "lottery"];

describe("allocation properties (random schools)", function () {
  this.timeout(120_000);

  for (const mechanism of mechanisms) {
    it(`When ${mechanism} allocates a random school, then every constraint holds and no seat is wasted`, async () => {
      await fc.assert(
        fc.asyncProperty(cases, async ({ seed, shape, draw }) => {
          const instance = randomInstance(seed, shape);
          const { result } = await allocate(instance, { mechanism, seed: draw });
          expect(violations(instance, result)).to.deep.equal([]);
          expect(wastedSeats(instance, result)).to.deep.equal([]);
          expect(Object.keys(result.assignments)).to.deep.equal(instance.students.map((s) => s.id));
          expect(Object.keys(result.waitlists)).to.deep.equal(instance.clubs.map((c) => c.id));
        }),
        { numRuns: 60 },
      );
    });

    it(`When ${mechanism} runs twice with one seed, then the bytes are identical and the seed is echoed`, async () => {
      await fc.assert(
        fc.asyncProperty(cases, async ({ seed, shape, draw }) => {
          const instance = randomInstance(seed, shape);
          const a = await allocate(instance, { mechanism, seed: draw });
          const b = await allocate(structuredClone(instance), { mechanism, seed: draw });
          expect(JSON.stringify(a.result)).to.equal(JSON.stringify(b.result));
          expect(a.result.seed).to.equal(draw);
          expect(a.result.mechanism).to.equal(mechanism);
        }),
        { numRuns: 30 },
      );
    });

    it(`When ${mechanism} reports metrics, then they match the assignments`, async () => {
      await fc.assert(
        fc.asyncProperty(cases, async ({ seed, shape, draw }) => {
          const instance = randomInstance(seed, shape);
          const { result, diagnostics } = await allocate(instance, { mechanism, seed: draw });
          const [placed, placements, ranks] = tupleOf(instance, result);
          const m = result.metrics;
          expect([m.placedStudents, m.placements, m.sumOfRanks]).to.deep.equal([placed, placements, ranks]);
          expect(diagnostics.objective).to.deep.equal([placed, placements, ranks]);
          expect(m.students).to.equal(instance.students.length);
          expect(m.rankCounts.reduce((s, n, i) => s + n * (i + 1), 0)).to.equal(ranks);
          const members = (id: string) => Object.values(result.assignments).filter((got) => got.includes(id)).length;
          expect(m.underMinClubs).to.deep.equal(
            instance.clubs.filter((c) => c.minSize > 0 && members(c.id) < c.minSize).map((c) => c.id),
          );
        }),
        { numRuns: 30 },
      );
    });
  }

  it("When first come first served runs, then every constraint holds and no seat is wasted", () => {
    fc.assert(
      fc.property(cases, ({ seed, shape }) => {
        const instance = randomInstance(seed, shape);
        const result = firstComeFirstServed(instance, instance.students.map((s) => s.id).reverse());
        expect(violations(instance, result)).to.deep.equal([]);
        expect(wastedSeats(instance, result)).to.deep.equal([]);
      }),
      { numRuns: 60 },
    );
  });

  it("When waitlists are built, then each lists children who ranked the club, are not in it, and could take it", async () => {
    await fc.assert(
      fc.asyncProperty(cases, async ({ seed, shape, draw }) => {
        const instance = randomInstance(seed, shape);
        const { result } = await allocate(instance, { mechanism: "optimal", seed: draw });
        for (const club of instance.clubs) {
          const ranks: number[] = [];
          for (const id of result.waitlists[club.id]) {
            const s = instance.students.find((x) => x.id === id)!;
            expect(s.choices).to.include(club.id);
            expect(result.assignments[id]).to.not.include(club.id);
            ranks.push(s.choices.indexOf(club.id));
          }
          expect(ranks).to.deep.equal([...ranks].sort((a, b) => a - b));
        }
      }),
      { numRuns: 40 },
    );
  });
});
