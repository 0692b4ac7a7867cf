// How many policy errors and warnings the draft timetable of a term has.
// Publishing is refused while errors > 0 unless an admin overrides with a
// written reason (audit-logged by the publish service).
import type { DataSource } from "typeorm";
import { policyBlockers } from "../policy";

export interface PublishBlockers {
  errors: number;
  warnings: number;
}

export async function publishBlockers(ds: DataSource, termId: number): Promise<PublishBlockers> {
  const { errors, warnings } = await policyBlockers(ds, termId);
  return { errors, warnings };
}
