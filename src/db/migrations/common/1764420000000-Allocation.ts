// Allocation runs, publication, pins, placements, waitlists, offers, and the
// generic family notification inbox (driver-agnostic: SQLite and PostgreSQL).
import { MigrationInterface, QueryRunner, Table, TableIndex } from "typeorm";

const id = {
  name: "id",
  type: "integer",
  isPrimary: true,
  isGenerated: true,
  generationStrategy: "increment" as const,
};
const instant = (name: string, isNullable = false) => ({ name, type: "varchar", length: "30", isNullable });
const int = (name: string, isNullable = false) => ({ name, type: "integer", isNullable });
const fk = (column: string, table: string, onDelete = "CASCADE") => ({
  columnNames: [column],
  referencedTableName: table,
  referencedColumnNames: ["id"],
  onDelete,
});

export class Allocation1764420000000 implements MigrationInterface {
  name = "Allocation1764420000000";

  public async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: "allocation_run",
        columns: [
          id,
          int("roundId"),
          { name: "mechanism", type: "varchar", length: "10" },
          int("seed"),
          { name: "instance", type: "text" },
          { name: "result", type: "text" },
          { name: "summary", type: "text" },
          { name: "note", type: "varchar", length: "200", default: "''" },
          int("createdById", true),
          instant("createdAt"),
        ],
        foreignKeys: [fk("roundId", "choice_round")],
      }),
      true,
    );
    await q.createIndex("allocation_run", new TableIndex({ columnNames: ["roundId"] }));

    await q.createTable(
      new Table({
        name: "allocation_publication",
        columns: [
          id,
          int("roundId"),
          int("runId"),
          instant("publishedAt"),
          int("publishedById", true),
          { name: "version", type: "integer", default: 0 },
        ],
        foreignKeys: [fk("roundId", "choice_round"), fk("runId", "allocation_run")],
      }),
      true,
    );
    await q.createIndex("allocation_publication", new TableIndex({ columnNames: ["roundId"], isUnique: true }));

    await q.createTable(
      new Table({
        name: "allocation_pin",
        columns: [
          id,
          int("roundId"),
          int("studentId"),
          int("clubId"),
          { name: "reason", type: "text" },
          int("createdById", true),
          instant("createdAt"),
        ],
        foreignKeys: [fk("roundId", "choice_round"), fk("studentId", "student"), fk("clubId", "club")],
      }),
      true,
    );
    await q.createIndex(
      "allocation_pin",
      new TableIndex({ columnNames: ["roundId", "studentId", "clubId"], isUnique: true }),
    );
    await q.createIndex("allocation_pin", new TableIndex({ columnNames: ["studentId"] }));

    await q.createTable(
      new Table({
        name: "club_placement",
        columns: [
          id,
          int("roundId"),
          int("studentId"),
          int("clubId"),
          { name: "source", type: "varchar", length: "10" },
          instant("createdAt"),
        ],
        foreignKeys: [fk("roundId", "choice_round"), fk("studentId", "student"), fk("clubId", "club")],
      }),
      true,
    );
    await q.createIndex(
      "club_placement",
      new TableIndex({ columnNames: ["roundId", "studentId", "clubId"], isUnique: true }),
    );
    await q.createIndex("club_placement", new TableIndex({ columnNames: ["studentId"] }));
    await q.createIndex("club_placement", new TableIndex({ columnNames: ["clubId"] }));

    await q.createTable(
      new Table({
        name: "waitlist_entry",
        columns: [
          id,
          int("roundId"),
          int("clubId"),
          int("studentId"),
          int("position"),
          { name: "status", type: "varchar", length: "10", default: "'waiting'" },
        ],
        foreignKeys: [fk("roundId", "choice_round"), fk("clubId", "club"), fk("studentId", "student")],
      }),
      true,
    );
    await q.createIndex(
      "waitlist_entry",
      new TableIndex({ columnNames: ["roundId", "clubId", "studentId"], isUnique: true }),
    );
    await q.createIndex("waitlist_entry", new TableIndex({ columnNames: ["studentId"] }));

    await q.createTable(
      new Table({
        name: "waitlist_offer",
        columns: [
          id,
          int("roundId"),
          int("clubId"),
          int("studentId"),
          int("entryId"),
          { name: "status", type: "varchar", length: "10", default: "'open'" },
          instant("createdAt"),
          instant("expiresAt"),
          instant("respondedAt", true),
        ],
        foreignKeys: [
          fk("roundId", "choice_round"),
          fk("clubId", "club"),
          fk("studentId", "student"),
          fk("entryId", "waitlist_entry"),
        ],
      }),
      true,
    );
    await q.createIndex("waitlist_offer", new TableIndex({ columnNames: ["status", "expiresAt"] }));
    await q.createIndex("waitlist_offer", new TableIndex({ columnNames: ["roundId"] }));
    await q.createIndex("waitlist_offer", new TableIndex({ columnNames: ["studentId"] }));

    await q.createTable(
      new Table({
        name: "notification",
        columns: [
          id,
          int("familyId"),
          { name: "kind", type: "varchar", length: "40" },
          { name: "payload", type: "text" },
          instant("createdAt"),
          instant("readAt", true),
        ],
        foreignKeys: [fk("familyId", "family")],
      }),
      true,
    );
    await q.createIndex("notification", new TableIndex({ columnNames: ["familyId", "createdAt"] }));
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const table of [
      "notification",
      "waitlist_offer",
      "waitlist_entry",
      "club_placement",
      "allocation_pin",
      "allocation_publication",
      "allocation_run",
    ]) {
      await q.dropTable(table, true);
    }
  }
}
