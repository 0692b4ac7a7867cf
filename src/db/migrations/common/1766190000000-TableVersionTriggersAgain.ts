// On SQLite, adding a column rebuilds the table and drops its triggers, so the
// table_version counters of venue and staff stopped after VenueKind and
// StaffHours (issue 23) — and the policy run fell back to "read again after any
// write". This puts back every versioned table's three triggers (IF NOT EXISTS:
// the ones still there stay). A later migration that rebuilds a versioned table
// must do the same. The list is spelled here, never imported, as in
// TableVersions1765980000000.
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

export class TableVersionTriggersAgain1766190000000 implements MigrationInterface {
  name = "TableVersionTriggersAgain1766190000000";

  public async up(q: QueryRunner): Promise<void> {
    if (q.connection.options.type !== "better-sqlite3") return;
    for (const table of VERSIONED_TABLES) {
      await q.query(`INSERT OR IGNORE INTO "table_version" ("name", "version") VALUES ('${table}', 0)`);
      for (const event of EVENTS)
        await q.query(`CREATE TRIGGER IF NOT EXISTS "table_version_${table}_${event.toLowerCase()}" AFTER ${event} ON "${table}"
          BEGIN UPDATE "table_version" SET "version" = "version" + 1 WHERE "name" = '${table}'; END`);
    }
  }

  // The triggers belong to TableVersions1765980000000's down.
  public async down(): Promise<void> {}
}
