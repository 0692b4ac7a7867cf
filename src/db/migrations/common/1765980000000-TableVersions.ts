// Issue 18: the policy run is kept until a table it reads changes, not until any
// write at all (src/db/table-versions.ts). On SQLite, triggers count each table's
// inserts, updates and deletes in table_version; PostgreSQL answers from the rows'
// own versions (xmin) and needs nothing here. The list is fixed in this migration
// (never imported from the app), so what it creates never changes with the app;
// a later migration adds a table to it. Not an entity: only table-versions.ts reads it,
// and it answers only while all three triggers of every table asked about exist (a
// migration that rebuilds a SQLite table drops them: then readers fall back to changeStamp).
import { MigrationInterface, QueryRunner } from "typeorm";

const VERSIONED_TABLES = [
  "allocation_publication",
  "calendar_day",
  "choice_round",
  "club",
  "daily_sport",
  "homework_entry",
  "membership",
  "period",
  "school_class",
  "service_enrollment",
  "setting",
  "staff",
  "student",
  "term",
  "timetable",
  "timetable_entry",
  "venue",
];
const EVENTS = ["INSERT", "UPDATE", "DELETE"];

export class TableVersions1765980000000 implements MigrationInterface {
  name = "TableVersions1765980000000";

  public async up(q: QueryRunner): Promise<void> {
    if (q.connection.options.type !== "better-sqlite3") return;
    await q.query(
      `CREATE TABLE IF NOT EXISTS "table_version" ("name" varchar(64) PRIMARY KEY NOT NULL, "version" integer NOT NULL DEFAULT (0))`,
    );
    for (const table of VERSIONED_TABLES) {
      await q.query(`INSERT OR IGNORE INTO "table_version" ("name", "version") VALUES ('${table}', 0)`);
      for (const event of EVENTS) {
        await q.query(`CREATE TRIGGER IF NOT EXISTS "table_version_${table}_${event.toLowerCase()}" AFTER ${event} ON "${table}"
          BEGIN UPDATE "table_version" SET "version" = "version" + 1 WHERE "name" = '${table}'; END`);
      }
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    if (q.connection.options.type !== "better-sqlite3") return;
    for (const table of VERSIONED_TABLES)
      for (const event of EVENTS)
        await q.query(`DROP TRIGGER IF EXISTS "table_version_${table}_${event.toLowerCase()}"`);
    await q.query(`DROP TABLE IF EXISTS "table_version"`);
  }
}
