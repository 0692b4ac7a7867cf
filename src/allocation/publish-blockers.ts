// The one place the allocation asks the policy rules whether publishing is
// safe: error-level violations of the term block publishing unless the admin
// writes an override reason (audit-logged with the publication). The run's own
// result stands in for its round's members, so the size warnings (a club under
// its minimum, a room too small) are those this run would cause once published.
import type { DataSource } from "typeorm";
import { policyBlockers, PolicyBlockers } from "../policy";
import type { AllocationRun } from "./entities";
import { parseRun } from "./run-report";

export type { PolicyBlockers };

export function allocationBlockers(ds: DataSource, termId: number, run?: AllocationRun): Promise<PolicyBlockers> {
  const pending = run ? { roundId: run.roundId, assignments: parseRun(run).result.assignments } : undefined;
  return policyBlockers(ds, termId, { pending });
}
