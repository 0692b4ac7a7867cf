// Runs the allocation for a choice round as a draft and stores it whole: the
// exact instance text, the seed, the result text and a summary, in one row
// written in one transaction (a crash leaves no half run). The engine runs
// before the transaction opens, so a slow solve never holds the write queue.
import { createHash, randomInt } from "node:crypto";
import type { DataSource } from "typeorm";
import type { ChoiceRound } from "../choices";
import { inTransaction, nowIso } from "../db";
import { Actor, recordAudit } from "../audit";
import { allocate, checkResult, firstComeFirstServed, parseInstance, type Mechanism, type Result } from "./core";
import { HttpError } from "../http";
import type { AllocationRun, RunSummary } from "./entities";
import { buildInstance } from "./store/instance";
import { roundById } from "./store/school";
import { insertRun, runById } from "./store/runs";

export const MAX_SEED = 2147483647;

export const randomSeed = (): number => randomInt(0, MAX_SEED);

export interface RunRequest {
  mechanism: Mechanism;
  seed: number;
  note: string;
}

export class NothingToAllocate extends Error {}

export async function findRound(ds: DataSource, roundId: number): Promise<ChoiceRound> {
  const round = await roundById(ds, roundId);
  if (!round) throw new HttpError(404, "errors.notFound");
  return round;
}

export async function findRun(ds: DataSource, runId: number): Promise<AllocationRun> {
  const run = await runById(ds, runId);
  if (!run) throw new HttpError(404, "errors.notFound");
  return run;
}

/** Throws InstanceError (naming the field) when the round's data cannot be allocated, e.g. clashing pins. */
export async function createRun(
  ds: DataSource,
  roundId: number,
  request: RunRequest,
  actor: Actor,
): Promise<AllocationRun> {
  const round = await findRound(ds, roundId);
  const built = await buildInstance(ds, round, request.seed);
  if (built.instance.students.length === 0) throw new NothingToAllocate();
  const instance = parseInstance(JSON.parse(built.text));
  const { result, diagnostics } = await allocate(instance, { mechanism: request.mechanism, seed: request.seed });
  const fcfs = firstComeFirstServed(instance, built.submissionOrder);
  const summary = summarise(result, fcfs, diagnostics.path, diagnostics.timings.totalMs ?? 0);
  return inTransaction(ds, async (em) => {
    const text = resultText(result);
    const run = await insertRun(em, {
      roundId,
      mechanism: request.mechanism,
      seed: request.seed,
      instance: built.text,
      result: text,
      instanceHash: sha256(built.text),
      resultHash: sha256(text),
      pseudonymisedAt: null,
      summary,
      note: request.note,
      createdById: actor.kind === "staff" ? actor.id : null,
      createdAt: nowIso(),
    });
    await recordAudit(em, actor, {
      action: "allocation.run",
      entity: "allocation_run",
      entityId: run.id,
      details: {
        roundId,
        mechanism: run.mechanism,
        seed: run.seed,
        placedStudents: summary.placedStudents,
        students: summary.students,
        pins: countPins(built.instance),
      },
    });
    return run;
  });
}

/** Exactly what `kehou allocate` prints on stdout, so `cmp` works on the downloads. */
export function resultText(result: Result): string {
  return JSON.stringify(result) + "\n";
}

/** SHA-256 (hex) of a run's stored text, as kept in instanceHash and resultHash. */
export function sha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

export type Verification =
  | { kind: "rerun"; identical: boolean; hashesMatch: boolean; bytes: number; ms: number }
  | { kind: "checked"; ok: boolean; hashesMatch: boolean; problems: string[]; ms: number };

/**
 * Re-runs a stored run from its stored instance text and compares bytes. A run
 * in which a deleted child was pseudonymised is checked instead: its lottery draw
 * depends on the ids, so only feasibility and the objective are promised.
 * Either way the stored bytes must still match the stored hashes.
 */
export async function verifyRun(run: AllocationRun): Promise<Verification> {
  const started = performance.now();
  const hashesMatch = run.instanceHash === sha256(run.instance) && run.resultHash === sha256(run.result);
  const instance = parseInstance(JSON.parse(run.instance));
  if (run.pseudonymisedAt) {
    const problems = checkResult(instance, JSON.parse(run.result) as Result);
    return {
      kind: "checked",
      ok: hashesMatch && problems.length === 0,
      hashesMatch,
      problems: problems.slice(0, 20),
      ms: Math.round(performance.now() - started),
    };
  }
  const { result } = await allocate(instance, { mechanism: run.mechanism, seed: run.seed });
  const again = resultText(result);
  return {
    kind: "rerun",
    identical: hashesMatch && again === run.result,
    hashesMatch,
    bytes: Buffer.byteLength(run.result),
    ms: Math.round(performance.now() - started),
  };
}

function summarise(result: Result, fcfs: Result, solverPath: string, ms: number): RunSummary {
  const m = result.metrics;
  return {
    students: m.students,
    placedStudents: m.placedStudents,
    placements: m.placements,
    sumOfRanks: m.sumOfRanks,
    rankCounts: m.rankCounts,
    underMinClubs: m.underMinClubs.length,
    fcfs: {
      placedStudents: fcfs.metrics.placedStudents,
      placements: fcfs.metrics.placements,
      rankCounts: fcfs.metrics.rankCounts,
    },
    solverPath,
    ms,
  };
}

function countPins(instance: { students: { pinned: string[] }[] }): number {
  return instance.students.reduce((n, s) => n + s.pinned.length, 0);
}
