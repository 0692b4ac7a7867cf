// The one place the allocation asks the policy rules whether publishing is
// safe: error-level violations of the term block publishing unless the admin
// writes an override reason (audit-logged with the publication).
import type { DataSource } from "typeorm";
import { policyBlockers, PolicyBlockers } from "../../policy/web/blockers";

export type { PolicyBlockers };

export function allocationBlockers(ds: DataSource, termId: number): Promise<PolicyBlockers> {
  return policyBlockers(ds, termId);
}
