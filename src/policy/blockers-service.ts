// What stops a timetable or an allocation from being published: error-level violations
// of the draft. The publishing code (src/timetable/publish-blockers.ts) calls this and
// refuses to publish while errors > 0, unless an admin overrides with a written reason
// (views/policy/blockers.ejs renders the list and the `overrideReason` field).
import type { DataSource } from "typeorm";
import type { Violation } from "./core";
import { runPolicy } from "./service";
import type { PolicyInputOptions } from "./store/policy-input";

export interface PolicyBlockers {
  errors: number;
  warnings: number;
  violations: Violation[];
}

export async function policyBlockers(
  ds: DataSource,
  termId: number,
  options: PolicyInputOptions = {},
): Promise<PolicyBlockers> {
  const { violations } = await runPolicy(ds, termId, options);
  // Errors first: the partial lists them before the warnings.
  const sorted = [...violations].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1));
  return {
    errors: sorted.filter((v) => v.severity === "error").length,
    warnings: sorted.filter((v) => v.severity === "warning").length,
    violations: sorted,
  };
}
