// The optimal mechanism: which exact method runs, and why.
// 0. Every child may take one more club at most (the usual round, any size):
//    the min-cost flow contracted onto clubs (club-flow.ts) is the optimum.
// 1. Otherwise build the general flow network. If every child's clash
//    structure is exact in it (always true with single-slot clubs), its
//    min-cost flow is the optimum.
// 2. Otherwise the flow is a relaxation: its optimum tuple bounds every
//    feasible assignment. If that optimum happens to have no clash, it is
//    feasible, hence optimal.
// 3. Otherwise repair it into a feasible incumbent (ban the worse club of each
//    clash and re-solve); if the incumbent meets the bound it is optimal.
// 4. Otherwise the integer program decides (milp.ts), warm-started from the
//    incumbent, with layers the incumbent already closes skipped.
// Then ties are broken (lottery, siblings) by zero-cost moves only.

import { canUseClubFlow, solveClubFlow } from "./club-flow";
import { buildFlowModel, FlowModel, solveFlow } from "./flow-model";
import { loadHighs, solveMilp } from "./milp";
import type { Model } from "./model";
import { clubsClash } from "./constraints";
import { clashingStudents, compareObjective, Objective, objectiveOf } from "./objective";
import type { Diagnostics, SolverPath } from "./types";

export interface OptimalOutcome {
  taken: Uint8Array;
  path: SolverPath;
  note: string;
  bound?: Objective;
  flow: NonNullable<Diagnostics["flow"]>;
  milp?: Diagnostics["milp"];
  timings: Record<string, number>;
}

const MAX_REPAIR_ROUNDS = 25;

const children = (n: number) => `${n} ${n === 1 ? "child" : "children"}`;

export async function solveOptimal(model: Model, order: Int32Array): Promise<OptimalOutcome> {
  const timings: Record<string, number> = {};
  let t = performance.now();
  const run = canUseClubFlow(model) ? solveClubFlow(model, order) : null;
  if (run !== null) {
    timings.flowMs = lap();
    return {
      taken: run.taken,
      path: "flow",
      note: "one club per child: min-cost flow contracted onto clubs",
      timings,
      flow: {
        nodes: model.nClubs + 2,
        arcs: model.optClub.length,
        phases: run.phases,
        augmentations: run.augmentations,
        relaxationRounds: 0,
      },
    };
  }
  const fm = buildFlowModel(model, order);
  if (fm.inexact.length > 0) void loadHighs(); // HiGHS may be needed: compile its WebAssembly while the flow runs
  timings.buildNetworkMs = lap();
  const first = solveFlow(model, fm);
  timings.flowMs = lap();
  const flow = {
    nodes: fm.graph.n,
    arcs: fm.arcCount,
    phases: first.phases,
    augmentations: first.augmentations,
    relaxationRounds: 0,
  };
  if (fm.inexact.length === 0) {
    return {
      taken: first.taken,
      path: "flow",
      note: "every child's clash constraints are exact in the flow network",
      flow,
      timings,
    };
  }
  const bound = objectiveOf(model, first.taken);
  if (clashingStudents(model, first.taken).length === 0) {
    return {
      taken: first.taken,
      path: "flow-relaxation",
      bound,
      flow,
      timings,
      note: `the flow relaxes clashes for ${children(fm.inexact.length)}, and its optimum has no clash`,
    };
  }
  const { taken: incumbent, rounds } = repair(model, fm, first.taken);
  flow.relaxationRounds = rounds;
  timings.repairMs = lap();
  if (compareObjective(objectiveOf(model, incumbent), bound) === 0) {
    return {
      taken: incumbent,
      path: "flow-repair",
      bound,
      flow,
      timings,
      note: `the repaired relaxation (${rounds} rounds) meets the relaxation bound`,
    };
  }
  const milp = await solveMilp(model, order, incumbent, bound, fm.inexact);
  timings.milpMs = lap();
  return {
    taken: milp.taken,
    path: "milp",
    bound,
    flow,
    timings,
    milp: { columns: milp.columns, rows: milp.rows, layersSolved: milp.layersSolved, ms: Math.round(milp.ms) },
    note: `the flow relaxes clashes for ${children(fm.inexact.length)} and its optimum clashes; the integer program solved ${milp.layersSolved} layer(s)`,
  };

  function lap(): number {
    const now = performance.now();
    const ms = now - t;
    t = now;
    return Math.round(ms * 10) / 10;
  }
}

/**
 * A feasible assignment near the relaxation's optimum: ban the worse-ranked
 * club of every clash and re-solve; after a few rounds, just drop clashes.
 */
function repair(model: Model, fm: FlowModel, relaxed: Uint8Array): { taken: Uint8Array; rounds: number } {
  const banned = new Uint8Array(model.optClub.length);
  let taken = relaxed;
  let rounds = 0;
  for (; rounds < MAX_REPAIR_ROUNDS; rounds++) {
    const clashes = clashingStudents(model, taken);
    if (clashes.length === 0) return { taken, rounds };
    for (const u of clashes) forEachClash(model, taken, u, (worse) => (banned[worse] = 1));
    taken = solveFlow(model, fm, banned).taken;
  }
  taken = taken.slice();
  for (const u of clashingStudents(model, taken)) forEachClash(model, taken, u, (worse) => (taken[worse] = 0));
  return { taken, rounds };
}

/** Calls back with the worse-ranked option of each clashing pair u holds (options are in rank order). */
function forEachClash(model: Model, taken: Uint8Array, u: number, worse: (o: number) => void): void {
  const { optStart, optClub } = model;
  for (let i = optStart[u]; i < optStart[u + 1]; i++) {
    if (!taken[i]) continue;
    for (let j = i + 1; j < optStart[u + 1]; j++) {
      if (taken[j] && clubsClash(model, optClub[i], optClub[j])) worse(j);
    }
  }
}
