import { expect } from "chai";
import fc from "fast-check";
import { solveClubFlow } from "../../../src/allocation/core/club-flow";
import { buildFlowModel, solveFlow } from "../../../src/allocation/core/flow-model";
import { FlowGraphBuilder, flowOn } from "../../../src/allocation/core/flow-network";
import { lotteryOrder } from "../../../src/allocation/core/lottery-order";
import { MinCostFlow } from "../../../src/allocation/core/min-cost-flow";
import { compileModel } from "../../../src/allocation/core/model";
import { objectiveOf, violations } from "../../../src/allocation/core/objective";
import { randomInstance } from "./support/random-instance";

describe("min-cost flow solvers", () => {
  it("When a small network has a cheap and a dear route, then the max flow takes the cheapest routes first", () => {
    // s→a→t costs 1 (cap 1), s→b→t costs 5 (cap 2), a→b costs 0: max flow 3, min cost 1 + 5 + 5 = 11.
    const b = new FlowGraphBuilder(4);
    const [s, t, a, c] = [0, 1, 2, 3];
    const arcs = [
      b.addArc(s, a, 2, 0),
      b.addArc(s, c, 1, 0),
      b.addArc(a, t, 1, 1),
      b.addArc(a, c, 5, 0),
      b.addArc(c, t, 2, 5),
    ];
    const g = b.build();
    const mcf = new MinCostFlow(g, s, t, new Uint8Array(4));
    expect(mcf.run()).to.equal(3);
    const costs = [0, 0, 1, 0, 5];
    expect(arcs.reduce((sum, arc, i) => sum + flowOn(g, arc) * costs[i], 0)).to.equal(11);
  });

  it("When every child takes one club, then the contracted club flow and the general network agree", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.integer({ min: 1, max: 80 }), (seed, students) => {
        const instance = randomInstance(seed, {
          students,
          clubs: 1 + (seed % 9),
          slots: 3,
          multiSlot: seed % 2 === 0,
          maxClubs: 1,
          pins: true,
          siblings: false,
          listLength: 5,
          maxCapacity: 6,
        });
        const model = compileModel(instance);
        const { order } = lotteryOrder(instance, 1);
        const contracted = solveClubFlow(model, order)!;
        const general = solveFlow(model, buildFlowModel(model, order));
        expect(violations(model, contracted.taken)).to.deep.equal([]);
        expect(objectiveOf(model, contracted.taken)).to.deep.equal(objectiveOf(model, general.taken));
      }),
      { numRuns: 150 },
    );
  });
});
