// Helpers for hand-written, driver-agnostic migrations (src/db/migrations/common):
// write defaults the way TypeORM itself would for each driver, so the schema
// matches the entities exactly (test/db/store/schema-drift.test.ts).
import type { QueryRunner } from "typeorm";

export function boolDefault(q: QueryRunner, value: boolean): boolean | number {
  return q.connection.options.type === "postgres" ? value : value ? 1 : 0;
}
