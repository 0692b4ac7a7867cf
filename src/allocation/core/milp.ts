// The exact integer program for instances the flow cannot model (a child who
// may take several clubs, some meeting in more than one slot, with clashes
// that are not cliques), solved with HiGHS (WebAssembly, single-threaded).
// The model is in milp-program.ts. The lexicographic objective is solved
// layer by layer — max Σy; then max Σx with Σy ≥ L1; then min Σ rank·x with
// Σx ≥ L2 — with the last two folded into one weighted solve when the weight
// P (above any possible rank sum) keeps P·placements − ranks exact and small
// (alone, "max placements" is a degenerate LP that HiGHS is slow on).
// A layer is skipped when the incumbent already meets the flow relaxation's
// bound. Each layer first solves the LP relaxation — usually integral here,
// and then it is the integer optimum — and only branches when it is not.
// HiGHS's answer is accepted only after an exact integer re-check.

import type { Highs } from "highs";
import { buildProgram, isIntegral, Program, startValues, toTaken } from "./milp-program";
import type { Model } from "./model";
import { compareObjective, Objective, objectiveOf, violations } from "./objective";

let highsPromise: Promise<Highs> | undefined;

/** Loads HiGHS once, on first need (flow-only runs never load it); compiling overlaps other work. */
export function loadHighs(): Promise<Highs> {
  highsPromise ??= import("highs").then((m) => m.default());
  return highsPromise;
}

export interface MilpOutcome {
  taken: Uint8Array;
  layersSolved: number;
  columns: number;
  rows: number;
  ms: number;
}

interface Layer {
  cols: number[];
  cost: (j: number) => number;
  /** The layer's objective (minimised) on an objective tuple. */
  value: (o: Objective) => number;
}

/**
 * Lexicographic optimum by integer programming. `incumbent` must be feasible;
 * `bound` is the relaxation's tuple (no feasible assignment beats it);
 * `inexact` lists the children whose constraints the flow could not model.
 */
export async function solveMilp(
  model: Model,
  order: Int32Array,
  incumbent: Uint8Array,
  bound: Objective,
  inexact: number[],
): Promise<MilpOutcome> {
  const started = performance.now();
  const highs = await loadHighs();
  const prog = buildProgram(model, order);
  // Given the flow-exact children's part is a network (totally unimodular),
  // only the others need integer variables when the LP is not integral.
  const owner = new Int32Array(model.optClub.length);
  for (let u = 0; u < model.nStudents; u++) owner.fill(u, model.optStart[u], model.optStart[u + 1]);
  const hard = new Uint8Array(model.nStudents);
  for (const u of inexact) hard[u] = 1;
  const layers = lexicographicLayers(model, prog);
  const combined = layers.length === 2;
  let best: Uint8Array = incumbent.slice();
  let bestObj = objectiveOf(model, best);
  let layersSolved = 0,
    boundValid = true;
  const extra: { cols: number[]; lower: number }[] = [];
  for (let layer = 0; layer < layers.length; layer++) {
    const spec = layers[layer];
    const target = spec.value(bound);
    if (!(boundValid && spec.value(bestObj) <= target)) {
      const solve = (integer: (o: number) => boolean) => runLayer(highs, prog, spec, extra, best, integer);
      let solution = solve(() => false);
      if (!isIntegral(prog, solution)) solution = solve((o) => hard[owner[o]] === 1);
      if (!isIntegral(prog, solution)) solution = solve(() => true);
      layersSolved++;
      const candidate = toTaken(model, prog, solution);
      const candObj = objectiveOf(model, candidate);
      if (violations(model, candidate).length === 0 && compareObjective(candObj, bestObj) <= 0) {
        best = candidate;
        bestObj = candObj;
      }
    }
    const achieved = spec.value(bestObj);
    if (achieved > target) boundValid = false; // the relaxation's bound says nothing about later layers
    if (layer === 0 || !combined) extra.push({ cols: spec.cols, lower: -achieved }); // Σy ≥ L1, then Σx ≥ L2
  }
  return {
    taken: best,
    layersSolved,
    columns: prog.optionOf.length,
    rows: prog.upper.length,
    ms: performance.now() - started,
  };
}

function lexicographicLayers(model: Model, prog: Program): Layer[] {
  let P = 1; // above the largest rank sum any assignment can have
  for (let u = 0; u < model.nStudents; u++) {
    let worst = 0;
    for (let o = model.optStart[u]; o < model.optStart[u + 1]; o++) worst = Math.max(worst, model.optRank[o]);
    P += model.room[u] * worst;
  }
  const rank = (j: number) => model.optRank[prog.optionOf[j]];
  const placed: Layer = { cols: prog.yCols, cost: () => -1, value: (o) => -(o[0] - prog.base[0]) };
  if (P * P < 2 ** 40) {
    return [
      placed,
      { cols: prog.xCols, cost: (j) => rank(j) - P, value: (o) => -P * (o[1] - prog.base[1]) + o[2] - prog.base[2] },
    ];
  }
  return [
    placed,
    { cols: prog.xCols, cost: () => -1, value: (o) => -(o[1] - prog.base[1]) },
    { cols: prog.xCols, cost: rank, value: (o) => o[2] - prog.base[2] },
  ];
}

function runLayer(
  highs: Highs,
  prog: Program,
  spec: Layer,
  extra: { cols: number[]; lower: number }[],
  start: Uint8Array,
  isInteger: (option: number) => boolean,
): Float64Array {
  const n = prog.optionOf.length;
  const colCost = new Float64Array(n);
  for (const j of spec.cols) colCost[j] = spec.cost(j);
  const starts = prog.starts.slice(),
    indices = prog.indices.slice(),
    values = prog.values.slice();
  const rowLower = prog.upper.map(() => -highs.infinity),
    rowUpper = prog.upper.slice();
  for (const e of extra) {
    for (const j of e.cols) {
      indices.push(j);
      values.push(1);
    }
    starts.push(indices.length);
    rowLower.push(e.lower);
    rowUpper.push(highs.infinity);
  }
  const integrality = new Int32Array(n);
  let integers = 0;
  for (const j of prog.xCols)
    if (isInteger(prog.optionOf[j])) {
      integrality[j] = 1;
      integers++;
    }
  const model = highs.createModel({
    numCols: n,
    numRows: rowUpper.length,
    colCost,
    colLower: new Float64Array(n),
    colUpper: new Float64Array(n).fill(1),
    rowLower,
    rowUpper,
    matrix: { format: "csr", numRows: rowUpper.length, numCols: n, starts, indices, values },
    ...(integers > 0 ? { integrality } : {}),
  });
  try {
    // Presolve off: on these near-integral assignment programs it costs more than it saves in Wasm.
    model.options.set({ output_flag: false, presolve: "off", mip_rel_gap: 0, mip_abs_gap: 0.5 });
    model.setSolution({ colValue: startValues(prog, start) });
    const run = model.run();
    if (run.modelStatus !== highs.constants.modelStatus.optimal) {
      throw new Error(`the integer program ended with HiGHS model status ${run.modelStatus}, not optimal`);
    }
    return model.getSolution().colValue;
  } finally {
    model.dispose();
  }
}
