// Hook for the policy rules: how many errors and warnings the draft timetable
// of a term has. Publishing is refused while errors > 0 unless an admin
// overrides with a written reason. Returns zeros until the policy
// capability fills it in from its rules (src/policy).
import type { DataSource } from "typeorm";

export interface PublishBlockers { errors: number; warnings: number }

export async function publishBlockers(_ds: DataSource, _termId: number): Promise<PublishBlockers> {
  return { errors: 0, warnings: 0 };
}
