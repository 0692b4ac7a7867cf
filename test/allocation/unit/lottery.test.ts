import { expect } from "chai";
import fc from "fast-check";
import { allocate, Instance, lotteryDraw, parseInstance } from "../../../src/allocation/core";
import { randomInstance } from "./support/random-instance";

function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items.slice()];
  return items.flatMap((x, i) =>
    permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [x, ...rest]),
  );
}

/** How much a child likes an outcome by their true list: 1 best, list length + 1 for nothing. */
function value(trueList: string[], got: string[]): number {
  return got.length === 0 ? trueList.length + 1 : trueList.indexOf(got[0]) + 1;
}

describe("lottery mechanism", function () {
  this.timeout(120_000);

  it("When any child reorders their list (one club each), then they never get a club they truly prefer", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.integer({ min: 0, max: 1000 }),
        async (seed, draw) => {
          const instance = randomInstance(seed, {
            students: 6,
            clubs: 4,
            slots: 2,
            multiSlot: true,
            maxClubs: 1,
            pins: false,
            siblings: true,
            listLength: 4,
          });
          const truthful = (await allocate(instance, { mechanism: "lottery", seed: draw })).result;
          for (const [i, s] of instance.students.entries()) {
            const honest = value(s.choices, truthful.assignments[s.id]);
            for (const lie of permutations(s.choices)) {
              const other: Instance = structuredClone(instance);
              other.students[i].choices = lie;
              const got = (await allocate(other, { mechanism: "lottery", seed: draw })).result.assignments[s.id];
              expect(value(s.choices, got)).to.be.at.least(honest);
            }
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it("When lists change, then the turn order does not: draws depend only on the seed and the id", () => {
    expect(lotteryDraw(7, "S001")).to.equal(lotteryDraw(7, "S001"));
    expect(lotteryDraw(7, "S001")).to.not.equal(lotteryDraw(8, "S001"));
    expect(lotteryDraw(7, "S001")).to.not.equal(lotteryDraw(7, "S002"));
    expect(lotteryDraw(2 ** 40 + 3, "S001")).to.not.equal(lotteryDraw(3, "S001"));
    expect(Number.isSafeInteger(lotteryDraw(123456789, "anything"))).to.equal(true);
  });

  it("When one seat is contested, then the child who drew earlier gets it", async () => {
    const ids = ["ana", "ben", "cai", "dev"];
    const instance = parseInstance({
      clubs: [{ id: "kite", capacity: 1, slots: ["fri"] }],
      students: ids.map((id) => ({ id, grade: 1, slots: ["fri"], choices: ["kite"] })),
    });
    for (const seed of [1, 2, 3, 4, 5]) {
      const first = [...ids].sort((a, b) => lotteryDraw(seed, a) - lotteryDraw(seed, b))[0];
      const { result } = await allocate(instance, { mechanism: "lottery", seed });
      expect(result.assignments[first]).to.deep.equal(["kite"]);
      expect(result.waitlists.kite).to.have.length(3);
    }
  });

  it("When siblings share a group, then they take consecutive turns at their best member's draw", async () => {
    const others = ["a", "b", "c", "d", "e"];
    const instance = parseInstance({
      clubs: [{ id: "swim", capacity: 2, slots: ["wed"] }],
      students: [
        ...others.map((id) => ({ id, grade: 2, slots: ["wed"], choices: ["swim"] })),
        { id: "twin1", grade: 2, slots: ["wed"], choices: ["swim"], group: "T" },
        { id: "twin2", grade: 2, slots: ["wed"], choices: ["swim"], group: "T" },
      ],
    });
    const outcomes = new Set<number>();
    for (let seed = 0; seed < 40; seed++) {
      const groupDraw = Math.min(lotteryDraw(seed, "twin1"), lotteryDraw(seed, "twin2"));
      const before = others.filter((id) => lotteryDraw(seed, id) < groupDraw).length;
      const { result } = await allocate(instance, { mechanism: "lottery", seed });
      const twins = result.assignments.twin1.length + result.assignments.twin2.length;
      expect(twins).to.equal(Math.max(0, Math.min(2, 2 - before)));
      outcomes.add(twins);
    }
    expect(outcomes.has(2)).to.equal(true);
  });

  it("When children may take two clubs, then everyone's first club comes before anyone's second", async () => {
    const instance = parseInstance({
      clubs: [
        { id: "x", capacity: 2, slots: ["mon"] },
        { id: "y", capacity: 1, slots: ["tue"] },
      ],
      students: [
        { id: "p", grade: 1, slots: ["mon", "tue"], maxClubs: 2, choices: ["x", "y"] },
        { id: "q", grade: 1, slots: ["mon", "tue"], maxClubs: 2, choices: ["y", "x"] },
        { id: "r", grade: 1, slots: ["mon", "tue"], maxClubs: 2, choices: ["x", "y"] },
      ],
    });
    for (let seed = 0; seed < 10; seed++) {
      const { result } = await allocate(instance, { mechanism: "lottery", seed });
      // q's first choice y is taken in round one, before anyone's second club.
      expect(result.assignments.q).to.include("y");
    }
  });
});
