// The proposer's worker thread: runs `propose` off the request thread and
// reports to the thread that started it (runner.ts), which alone writes the
// database (on SQLite every write goes through the app's one write queue).
// Progress at most every PROGRESS_MS; "stop" is a flag in shared memory the
// search reads before each move, so it is seen even while this thread computes.
import { parentPort, workerData } from "node:worker_threads";
import { baselineLayouts, propose, type ProposalInstance, type ProposalMetrics, type Progress } from "./core";

export interface WorkerInput {
  instance: ProposalInstance;
  budget: number;
  timeLimit: number;
  seed: number;
  /** Int32Array over a SharedArrayBuffer: [0] = 1 asks to stop. */
  stop: SharedArrayBuffer;
}

export type WorkerMessage =
  | { type: "progress"; progress: Progress }
  | { type: "done"; result: string; evaluations: number; current: ProposalMetrics | null }
  | { type: "error"; message: string };

const PROGRESS_MS = 500;

async function main(input: WorkerInput): Promise<void> {
  const stop = new Int32Array(input.stop);
  let last = 0;
  const post = (message: WorkerMessage) => parentPort!.postMessage(message);
  const run = await propose(input.instance, {
    seed: input.seed,
    budget: input.budget,
    timeLimit: input.timeLimit,
    shouldStop: () => Atomics.load(stop, 0) === 1,
    onProgress: (progress) => {
      const now = performance.now();
      if (now - last < PROGRESS_MS) return;
      last = now;
      post({ type: "progress", progress });
    },
  });
  // The draft as it is, judged the same way: the page's "now" beside the proposal.
  const [baseline] = await baselineLayouts(input.instance, { seed: input.seed, randomLayouts: 0 });
  const current = baseline?.name === "current" ? baseline.metrics : null;
  post({ type: "done", result: JSON.stringify(run.result), evaluations: run.diagnostics.evaluations, current });
}

if (parentPort)
  main(workerData as WorkerInput).catch((err: unknown) =>
    parentPort!.postMessage({ type: "error", message: err instanceof Error ? err.message : String(err) }),
  );
