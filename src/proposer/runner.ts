// Starts a proposal's worker thread and carries its reports into the
// database: progress at most every half second (the worker throttles), the
// result when it ends. Writes go through inTransaction, the app's one write
// queue, so SQLite never sees a second writer. A stop asked on any instance
// reaches the worker through the progress write's answer (stopRequested).
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import type { DataSource } from "typeorm";
import { inTransaction } from "../db";
import type { ProposalInstance, ProposalResult } from "./core";
import type { BestScore, ProposalRun } from "./entities";
import { finishRun, markRunning, storeProgress } from "./run-store";
import type { WorkerInput, WorkerMessage } from "./worker";

interface Job {
  stop: Int32Array;
  settled: Promise<void>;
}

const jobs = new WeakMap<DataSource, Map<number, Job>>();
const jobsOf = (ds: DataSource) => jobs.get(ds) ?? jobs.set(ds, new Map()).get(ds)!;

/** The objective of a finished proposal as the progress bar shows it. */
export const scoreOf = (r: ProposalResult): BestScore => [
  r.metrics.placedClubs,
  r.metrics.placedStudents,
  r.metrics.placements,
  -r.metrics.sumOfRanks,
  -r.metrics.changes,
];

export function launchRun(ds: DataSource, run: ProposalRun, instance: ProposalInstance): void {
  const stop = new Int32Array(new SharedArrayBuffer(4));
  const input: WorkerInput = {
    instance,
    budget: run.options.budget,
    timeLimit: run.options.timeLimit,
    seed: run.options.seed,
    stop: stop.buffer,
  };
  let settle!: () => void;
  const settled = new Promise<void>((resolve) => (settle = resolve));
  jobsOf(ds).set(run.id, { stop, settled });
  // Writes one after another; a progress report that arrives while one is pending waits for the next.
  let writing: Promise<unknown> = inTransaction(ds, (em) => markRunning(em, run.id));
  let pending = false;
  let ended = false;
  const end = (outcome: Parameters<typeof finishRun>[2]) => {
    if (ended) return;
    ended = true;
    writing = writing
      .catch(() => undefined)
      .then(() => inTransaction(ds, (em) => finishRun(em, run.id, outcome)))
      .catch(() => undefined)
      .finally(() => {
        jobsOf(ds).delete(run.id);
        settle();
      });
  };
  const worker = new Worker(join(__dirname, "worker.js"), { workerData: input });
  worker.unref();
  worker.on("message", (message: WorkerMessage) => {
    if (message.type === "progress") {
      if (pending || ended) return;
      pending = true;
      const { evaluations, best } = message.progress;
      writing = writing
        .catch(() => undefined)
        .then(() => inTransaction(ds, (em) => storeProgress(em, run.id, evaluations, best)))
        .then((stopAsked) => stopAsked && Atomics.store(stop, 0, 1))
        .finally(() => (pending = false));
    } else if (message.type === "done") {
      const result = JSON.parse(message.result) as ProposalResult;
      const stopped = Atomics.load(stop, 0) === 1 && result.stoppedEarly === true;
      end({
        status: stopped ? "stopped" : "done",
        result: message.result,
        evaluations: message.evaluations,
        best: scoreOf(result),
        currentMetrics: message.current,
      });
    } else {
      end({ status: "failed", error: message.message });
    }
  });
  worker.on("error", (err) => end({ status: "failed", error: err.message }));
  worker.on("exit", (code) => end({ status: "failed", error: `worker exited (${code})` }));
}

/** Stops a run this instance computes (others see stopRequested at their next progress write). */
export function stopLocal(ds: DataSource, id: number): void {
  const job = jobsOf(ds).get(id);
  if (job) Atomics.store(job.stop, 0, 1);
}

/** Resolves when this instance's run `id` has ended and its last write is done (tests, shutdown). */
export function runSettled(ds: DataSource, id: number): Promise<void> {
  return jobsOf(ds).get(id)?.settled ?? Promise.resolve();
}
