// Issue 17: per-date changes to the week, owned by the kernel. A cancellation
// of one published entry's session or of a day's service (for the school or a
// grade), with a reason kind and an optional note; a cover (代课) naming who
// leads one entry's session on one date. entryId has no foreign key: it names a
// row of the published snapshot, which outlives the draft's entry.
// Driver-agnostic; nothing here imports the app.
import { MigrationInterface, QueryRunner, Table, TableIndex } from "typeorm";

const int = (name: string, isNullable = false) => ({ name, type: "integer", isNullable });
const fk = (column: string, table: string) => ({
  columnNames: [column],
  referencedTableName: table,
  referencedColumnNames: ["id"],
  onDelete: "CASCADE",
});
const base = [
  { name: "id", type: "integer", isPrimary: true, isGenerated: true, generationStrategy: "increment" as const },
  int("termId"),
  { name: "date", type: "varchar", length: "10" },
];
const tail = [int("createdByStaffId", true), { name: "createdAt", type: "varchar", length: "30" }];

export class DateChanges1765900000000 implements MigrationInterface {
  name = "DateChanges1765900000000";

  public async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: "session_cancellation",
        columns: [
          ...base,
          int("entryId", true),
          int("grade", true),
          { name: "reason", type: "varchar", length: "12" },
          { name: "note", type: "varchar", length: "200", isNullable: true },
          ...tail,
        ],
        foreignKeys: [fk("termId", "term")],
      }),
      true,
    );
    await q.createIndex("session_cancellation", new TableIndex({ columnNames: ["termId", "date"] }));

    await q.createTable(
      new Table({
        name: "session_cover",
        columns: [...base, int("entryId"), int("staffId"), ...tail],
        foreignKeys: [fk("termId", "term"), fk("staffId", "staff")],
      }),
      true,
    );
    await q.createIndex("session_cover", new TableIndex({ columnNames: ["termId", "date"] }));
    await q.createIndex("session_cover", new TableIndex({ columnNames: ["entryId", "date"], isUnique: true }));
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.dropTable("session_cover", true);
    await q.dropTable("session_cancellation", true);
  }
}
