// Entry points of the engine: allocate (optimal or lottery) and the
// first-come-first-served contrast. Pure: plain objects in, plain objects out;
// the only asynchrony is loading the HiGHS WebAssembly module, and only when
// an instance needs the integer program.

import { InstanceError } from "./instance-error";
import { lotteryOrder } from "./lottery-order";
import { compileModel } from "./model";
import { objectiveOf } from "./objective";
import { solveOptimal } from "./optimal";
import { buildResult } from "./result";
import { serialAssignment, submissionOrder } from "./serial";
import { breakTies } from "./tie-break";
import type { AllocateOptions, AllocationRun, Diagnostics, Instance, Result } from "./types";

export async function allocate(instance: Instance, options: AllocateOptions): Promise<AllocationRun> {
  const started = performance.now();
  const seed = options.seed ?? instance.seed;
  if (!Number.isSafeInteger(seed) || seed < 0)
    throw new InstanceError("seed", `expected a non-negative integer, got ${seed}`);
  if (options.mechanism !== "optimal" && options.mechanism !== "lottery") {
    throw new InstanceError("mechanism", `expected "optimal" or "lottery", got ${JSON.stringify(options.mechanism)}`);
  }
  const model = compileModel(instance);
  const { order, position } = lotteryOrder(instance, seed);
  const timings: Record<string, number> = { compileMs: round(performance.now() - started) };
  let diagnostics: Diagnostics;
  let taken: Uint8Array;
  if (options.mechanism === "lottery") {
    const t = performance.now();
    taken = serialAssignment(model, order, true);
    timings.lotteryMs = round(performance.now() - t);
    diagnostics = {
      mechanism: "lottery",
      path: "lottery",
      note: "seeded serial dictatorship, round by round",
      objective: objectiveOf(model, taken),
      siblingMoves: 0,
      timings,
    };
  } else {
    const outcome = await solveOptimal(model, order);
    taken = outcome.taken;
    Object.assign(timings, outcome.timings);
    const t = performance.now();
    const siblingMoves = breakTies(model, taken, order, position);
    timings.tieBreakMs = round(performance.now() - t);
    diagnostics = {
      mechanism: "optimal",
      path: outcome.path,
      note: outcome.note,
      objective: objectiveOf(model, taken),
      ...(outcome.bound ? { bound: outcome.bound } : {}),
      flow: outcome.flow,
      ...(outcome.milp ? { milp: outcome.milp } : {}),
      siblingMoves,
      timings,
    };
  }
  const t = performance.now();
  const result = buildResult(model, taken, options.mechanism, seed, position);
  timings.resultMs = round(performance.now() - t);
  timings.totalMs = round(performance.now() - started);
  return { result, diagnostics };
}

/**
 * The rush the admin page contrasts with the optimum: children in submission
 * order each take their best clubs that still have seats. Children missing
 * from `order` come last, in input order; waitlists follow submission order.
 */
export function firstComeFirstServed(instance: Instance, order: string[]): Result {
  const model = compileModel(instance);
  const turns = submissionOrder(model, order);
  const position = new Int32Array(model.nStudents);
  turns.forEach((u, p) => (position[u] = p));
  return buildResult(model, serialAssignment(model, turns, false), "first-come-first-served", instance.seed, position);
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
