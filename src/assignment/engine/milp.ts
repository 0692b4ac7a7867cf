// The exact integer program for instances the flow cannot model (a child who
// may take several clubs, some meeting in more than one slot, with clashes
// that are not cliques). Solved with HiGHS (WebAssembly, single-threaded).
//
// Variables: x[o] ∈ {0,1} per option (child–club pair) and y[u] ∈ [0,1] for
// "u is placed" (y ≤ Σx; integral at any optimum of the layer that maximises
// it, and later layers keep Σy ≥ L1). Rows: seats per club, room per child,
// one club per (child, slot). The lexicographic objective is solved layer by
// layer with small integer coefficients (no big weights, so no floating point
// doubt): max Σy; then max Σx with Σy ≥ L1; then min Σ rank·x with Σx ≥ L2.
// A layer is skipped when the incumbent already meets the flow relaxation's
// bound, and a solve is interrupted as soon as its incumbent meets the bound.

import type { Highs } from "highs";
import type { Model } from "./model";
import { compareObjective, Objective, objectiveOf, violations } from "./objective";

let highsPromise: Promise<Highs> | undefined;

/** Loads the HiGHS WebAssembly module once, on first need (flow-only runs never load it). */
export function loadHighs(): Promise<Highs> {
  highsPromise ??= (require("highs") as (options?: object) => Promise<Highs>)();
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

interface Program {
  /** Option of each column, or -1 for a y column. */
  optionOf: number[];
  yCols: number[];
  /** x columns [from, to) of the child behind each y column. */
  ySpan: [number, number][];
  xCols: number[];
  starts: number[];
  indices: number[];
  values: number[];
  upper: number[];
  /** The pins' share of the objective (constant). */
  base: Objective;
}

function buildProgram(model: Model, order: Int32Array): Program {
  const { optStart, optClub, room, seats, pinStart, clubSlotStart, clubSlot } = model;
  const p: Program = {
    optionOf: [], yCols: [], ySpan: [], xCols: [], starts: [0], indices: [], values: [], upper: [],
    base: objectiveOf(model, new Uint8Array(optClub.length)),
  };
  const row = (cols: number[], coef: number[], ub: number) => {
    p.indices.push(...cols);
    p.values.push(...coef);
    p.starts.push(p.indices.length);
    p.upper.push(ub);
  };
  const ones = (k: number) => new Array<number>(k).fill(1);
  for (const u of order) {
    if (room[u] === 0) continue;
    const mine: number[] = [];
    for (let o = optStart[u]; o < optStart[u + 1]; o++) {
      if (seats[optClub[o]] <= 0) continue;
      mine.push(p.optionOf.length);
      p.xCols.push(p.optionOf.length);
      p.optionOf.push(o);
    }
    if (mine.length === 0) continue;
    if (mine.length > room[u]) row(mine, ones(mine.length), room[u]);
    if (pinStart[u + 1] === pinStart[u]) {
      const y = p.optionOf.length;
      p.optionOf.push(-1);
      p.yCols.push(y);
      p.ySpan.push([mine[0], mine[mine.length - 1] + 1]);
      row([y, ...mine], [1, ...mine.map(() => -1)], 0); // y ≤ Σx: placed only with a club
    }
    if (mine.length > 1 && room[u] > 1) {
      const bySlot = new Map<number, number[]>();
      for (const j of mine) {
        const c = optClub[p.optionOf[j]];
        for (let k = clubSlotStart[c]; k < clubSlotStart[c + 1]; k++) {
          const list = bySlot.get(clubSlot[k]);
          if (list) list.push(j); else bySlot.set(clubSlot[k], [j]);
        }
      }
      for (const list of bySlot.values()) if (list.length > 1) row(list, ones(list.length), 1);
    }
  }
  const byClub: number[][] = Array.from({ length: model.nClubs }, () => []);
  for (const j of p.xCols) byClub[optClub[p.optionOf[j]]].push(j);
  byClub.forEach((cols, c) => { if (cols.length > seats[c]) row(cols, ones(cols.length), seats[c]); });
  return p;
}

/**
 * Lexicographic optimum by integer programming. `incumbent` must be feasible;
 * `bound` is the relaxation's tuple (no feasible assignment beats it).
 */
export async function solveMilp(
  model: Model, order: Int32Array, incumbent: Uint8Array, bound: Objective, inexact: number[],
): Promise<MilpOutcome> {
  const started = performance.now();
  const highs = await loadHighs();
  const prog = buildProgram(model, order);
  // Only children the flow cannot model need integer variables: given their
  // choices, the rest is a network (totally unimodular), so a basic LP
  // solution is integral there. If HiGHS ever returns a fraction, the layer is
  // re-solved with every variable integer.
  const integerChild = new Uint8Array(model.nStudents);
  for (const u of inexact) integerChild[u] = 1;
  let best: Uint8Array = incumbent.slice();
  let bestObj = objectiveOf(model, best);
  let layersSolved = 0;
  const extra: { cols: number[]; lower: number }[] = [];
  // Placements and ranks are one solve when a weight P (above any possible
  // rank sum) keeps P·placements − ranks exact and far below 2^53: alone,
  // "max placements" is a highly degenerate LP that HiGHS is slow on.
  let P = 1;
  for (let u = 0; u < model.nStudents; u++) {
    let worst = 0;
    for (let o = model.optStart[u]; o < model.optStart[u + 1]; o++) worst = Math.max(worst, model.optRank[o]);
    P += model.room[u] * worst;
  }
  const combine = P * P < 2 ** 40;
  const layers: Layer[] = [
    { cols: prog.yCols, cost: () => -1, value: (o) => -(o[0] - prog.base[0]) },
    ...(combine
      ? [{ cols: prog.xCols, cost: (j: number) => model.optRank[prog.optionOf[j]] - P, value: (o: Objective) => -P * (o[1] - prog.base[1]) + o[2] - prog.base[2] }]
      : [
        { cols: prog.xCols, cost: () => -1, value: (o: Objective) => -(o[1] - prog.base[1]) },
        { cols: prog.xCols, cost: (j: number) => model.optRank[prog.optionOf[j]], value: (o: Objective) => o[2] - prog.base[2] },
      ]),
  ];
  const owner = new Int32Array(model.optClub.length);
  for (let u = 0; u < model.nStudents; u++) for (let o = model.optStart[u]; o < model.optStart[u + 1]; o++) owner[o] = u;
  let boundValid = true;
  for (let layer = 0; layer < layers.length; layer++) {
    const spec = layers[layer];
    const target = spec.value(bound);
    if (!(boundValid && spec.value(bestObj) <= target)) {
      // The LP relaxation is usually integral already (then it is the integer
      // optimum); otherwise branch on the children the flow could not model,
      // and on everyone if a fraction still shows up elsewhere.
      const stopAt = boundValid ? target : -Infinity;
      let solution = runLayer(highs, prog, spec, extra, best, stopAt, () => false);
      if (!integral(prog, solution)) solution = runLayer(highs, prog, spec, extra, best, stopAt, (o) => integerChild[owner[o]] === 1);
      if (!integral(prog, solution)) solution = runLayer(highs, prog, spec, extra, best, stopAt, () => true);
      layersSolved++;
      const candidate = toTaken(model, prog, solution);
      const candObj = objectiveOf(model, candidate);
      // Trust HiGHS only when its answer checks out in exact integer arithmetic.
      if (violations(model, candidate).length === 0 && compareObjective(candObj, bestObj) <= 0) {
        best = candidate;
        bestObj = candObj;
      }
    }
    const achieved = spec.value(bestObj);
    if (achieved > target) boundValid = false; // the relaxation bound says nothing about later layers
    if (layer === 0 || (layer === 1 && !combine)) extra.push({ cols: spec.cols, lower: -achieved }); // Σy ≥ L1, then Σx ≥ L2
  }
  return { taken: best, layersSolved, columns: prog.optionOf.length, rows: prog.upper.length, ms: performance.now() - started };
}

function runLayer(
  highs: Highs, prog: Program, spec: { cols: number[]; cost: (j: number) => number },
  extra: { cols: number[]; lower: number }[], start: Uint8Array, stopAt: number, isInteger: (option: number) => boolean,
): Float64Array {
  const n = prog.optionOf.length;
  const colCost = new Float64Array(n);
  for (const j of spec.cols) colCost[j] = spec.cost(j);
  const starts = prog.starts.slice(), indices = prog.indices.slice(), values = prog.values.slice();
  const rowLower = prog.upper.map(() => -highs.infinity), rowUpper = prog.upper.slice();
  for (const e of extra) {
    indices.push(...e.cols);
    values.push(...e.cols.map(() => 1));
    starts.push(indices.length);
    rowLower.push(e.lower);
    rowUpper.push(highs.infinity);
  }
  const colUpper = new Float64Array(n).fill(1);
  const integrality = new Int32Array(n);
  let integers = 0;
  for (const j of prog.xCols) if (isInteger(prog.optionOf[j])) { integrality[j] = 1; integers++; }
  const model = highs.createModel({
    numCols: n, numRows: rowUpper.length, colCost, colLower: new Float64Array(n), colUpper, rowLower, rowUpper,
    matrix: { format: "csr", numRows: rowUpper.length, numCols: n, starts, indices, values },
    ...(integers > 0 ? { integrality } : {}),
  });
  try {
    // Presolve off: on these near-integral assignment LPs it costs more than it saves in Wasm.
    model.options.set({ output_flag: false, presolve: "off", mip_rel_gap: 0, mip_abs_gap: 0.5 });
    if (process.env.KEHOU_MILP_OPTIONS) model.options.set(JSON.parse(process.env.KEHOU_MILP_OPTIONS));
    model.setSolution({ colValue: startValues(prog, start) });
    let metBound = false;
    const run = model.run({
      ...(process.env.KEHOU_DEBUG_MILP === "log"
        ? { [highs.constants.callbackType.logging](event: { message: string }) { process.stderr.write(event.message); } }
        : {}),
      [highs.constants.callbackType.mipInterrupt](event) {
        const primal = event.data.mip_primal_bound;
        if (primal !== undefined && primal <= stopAt + 0.5) {
          metBound = true;
          event.interrupt();
        }
      },
    });
    if (process.env.KEHOU_DEBUG_MILP) {
      process.stderr.write(`milp layer: status ${run.modelStatus} nodes ${model.info.get("mip_node_count")} lp-iters ${model.info.get("simplex_iteration_count")} time ${model.getRunTime()}\n`);
    }
    const ok = run.modelStatus === highs.constants.modelStatus.optimal
      || (metBound && run.modelStatus === highs.constants.modelStatus.interrupted);
    if (!ok) throw new Error(`the integer program ended with HiGHS model status ${run.modelStatus}, not optimal`);
    return model.getSolution().colValue;
  } finally {
    model.dispose();
  }
}

function startValues(prog: Program, taken: Uint8Array): Float64Array {
  const x = new Float64Array(prog.optionOf.length);
  for (const j of prog.xCols) x[j] = taken[prog.optionOf[j]];
  prog.yCols.forEach((y, k) => {
    const [from, to] = prog.ySpan[k];
    for (let j = from; j < to; j++) if (x[j] > 0) x[y] = 1;
  });
  return x;
}

function integral(prog: Program, colValue: Float64Array): boolean {
  for (const j of prog.xCols) if (Math.abs(colValue[j] - Math.round(colValue[j])) > 1e-6) return false;
  return true;
}

function toTaken(model: Model, prog: Program, colValue: Float64Array): Uint8Array {
  const taken = new Uint8Array(model.optClub.length);
  for (const j of prog.xCols) if (colValue[j] > 0.5) taken[prog.optionOf[j]] = 1;
  return taken;
}
