// checkResult is what "verify" trusts for a pseudonymised run, so it must accept
// every result the engine makes and catch each kind of broken result.
import { expect } from "chai";
import fc from "fast-check";
import { allocate, checkResult, parseInstance } from "../../../src/allocation/core";
import type { Instance, Result } from "../../../src/allocation/core";
import { randomInstance, Shape } from "./support/random-instance";
import { pseudonymiseRunTexts } from "../../../src/allocation/core/run-pseudonym";

const shapes: fc.Arbitrary<Shape> = fc.record({
  students: fc.integer({ min: 0, max: 30 }),
  clubs: fc.integer({ min: 1, max: 6 }),
  slots: fc.integer({ min: 1, max: 3 }),
  multiSlot: fc.boolean(),
  maxClubs: fc.integer({ min: 1, max: 3 }),
  pins: fc.boolean(),
  siblings: fc.boolean(),
  listLength: fc.integer({ min: 0, max: 4 }),
});

const small: Instance = parseInstance({
  seed: 1,
  clubs: [
    { id: "choir", capacity: 1, minSize: 1, grades: [3], slots: ["thu"] },
    { id: "chess", capacity: 2, slots: ["thu"] },
    { id: "art", capacity: 2, slots: ["fri"] },
  ],
  students: [
    { id: "S1", grade: 3, slots: ["thu"], maxClubs: 1, choices: ["choir", "chess"] },
    { id: "S2", grade: 3, slots: ["thu", "fri"], maxClubs: 2, choices: ["choir", "chess", "art"] },
    { id: "S3", grade: 2, slots: ["thu"], maxClubs: 1, choices: ["chess"] },
  ],
});

const changed = (result: Result, change: (r: Result) => void): Result => {
  const copy = structuredClone(result);
  change(copy);
  return copy;
};

describe("checking a stored result without re-running it", function () {
  this.timeout(120_000);

  for (const mechanism of ["optimal", "lottery"] as const) {
    it(`When ${mechanism} allocates a random school, then its result passes the check, also after a child is pseudonymised`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: 0, max: 2 ** 31 - 1 }), shapes, async (seed, shape) => {
          const instance = randomInstance(seed, shape);
          const { result } = await allocate(instance, { mechanism, seed });
          expect(checkResult(instance, result)).to.deep.equal([]);
          if (instance.students.length === 0) return;
          const texts = pseudonymiseRunTexts(
            { instance: JSON.stringify(instance) + "\n", result: JSON.stringify(result) + "\n" },
            instance.students[0].id,
            "deleted-0123456789abcdef",
          )!;
          expect(texts.instance).to.not.contain(`"id":${JSON.stringify(instance.students[0].id)}`);
          expect(
            checkResult(parseInstance(JSON.parse(texts.instance)), JSON.parse(texts.result) as Result),
          ).to.deep.equal([]);
        }),
        { numRuns: 40 },
      );
    });
  }

  it("When a result breaks a constraint or claims other figures, then the check names it", async () => {
    const { result } = await allocate(small, { mechanism: "optimal", seed: 1 });
    expect(checkResult(small, result)).to.deep.equal([]);
    const broken: [string, Result][] = [
      [
        "over capacity",
        changed(result, (r) => {
          r.assignments.S1 = ["choir"];
          r.assignments.S2 = ["choir", "art"];
        }),
      ],
      [
        "not on their list",
        changed(result, (r) => {
          r.assignments.S3 = ["art"];
        }),
      ],
      [
        "not open to grade",
        changed(result, (r) => {
          r.assignments.S3 = ["choir"];
          r.assignments.S1 = ["chess"];
          r.assignments.S2 = ["chess", "art"];
        }),
      ],
      [
        "not there for",
        changed(result, (r) => {
          r.assignments.S1 = ["art"];
        }),
      ],
      [
        "two clubs in thu",
        changed(result, (r) => {
          r.assignments.S2 = ["choir", "chess"];
        }),
      ],
      [
        "more clubs than maxClubs",
        changed(result, (r) => {
          r.assignments.S1 = ["choir", "chess"];
        }),
      ],
      [
        "missing from assignments",
        changed(result, (r) => {
          delete r.assignments.S3;
        }),
      ],
      [
        "metrics.sumOfRanks",
        changed(result, (r) => {
          r.metrics.sumOfRanks += 1;
        }),
      ],
      [
        "metrics.placedStudents",
        changed(result, (r) => {
          r.metrics.placedStudents -= 1;
        }),
      ],
    ];
    for (const [words, bad] of broken) expect(checkResult(small, bad).join("; "), words).to.contain(words);
  });
});
