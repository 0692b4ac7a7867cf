// A stored run's instance and result, parsed once. Runs are written once by
// run-service and changed only when a deleted child is pseudonymised (which
// calls forgetStoredRun), so a parsed run can be kept per database and id; the family result card read and parsed the whole school's
// run (hundreds of kilobytes of JSON) on every page view before. The explanation of
// one child's placement is a pure function of the run, so it is kept with it.
import type { DataSource } from "typeorm";
import { explainPlacement, type Explanation, type Mechanism } from "../core";
import { AllocationRun } from "../entities";
import { parseRun, type ParsedRun } from "../run-report";

export interface StoredRun extends ParsedRun {
  id: number;
  mechanism: Mechanism;
  explain(studentNumber: string): Explanation;
}

// A term has a few rounds and each publishes one run: a handful kept is plenty.
const KEEP = 8;
const kept = new WeakMap<DataSource, Map<number, Promise<StoredRun>>>();

function storedRunOf(run: AllocationRun): StoredRun {
  const parsed = parseRun(run);
  const explanations = new Map<string, Explanation>();
  return {
    ...parsed,
    id: run.id,
    mechanism: run.mechanism,
    explain(studentNumber) {
      let e = explanations.get(studentNumber);
      if (!e)
        explanations.set(
          studentNumber,
          (e = explainPlacement(parsed.instance, parsed.result, run.mechanism, studentNumber)),
        );
      return e;
    },
  };
}

/** The run, parsed; callers share it, so they must not change it. */
export function storedRun(ds: DataSource, runId: number): Promise<StoredRun> {
  const runs = kept.get(ds) ?? new Map<number, Promise<StoredRun>>();
  kept.set(ds, runs);
  const hit = runs.get(runId);
  if (hit) {
    // Most recently used last, so the oldest is the one dropped.
    runs.delete(runId);
    runs.set(runId, hit);
    return hit;
  }
  const loading = ds.getRepository(AllocationRun).findOneByOrFail({ id: runId }).then(storedRunOf);
  runs.set(runId, loading);
  loading.catch(() => {
    if (runs.get(runId) === loading) runs.delete(runId);
  });
  while (runs.size > KEEP) runs.delete(runs.keys().next().value!);
  return loading;
}

/** Drops a kept run after its stored text changed (a deleted child's number became a pseudonym). */
export function forgetStoredRun(ds: DataSource, runId: number): void {
  kept.get(ds)?.delete(runId);
}
