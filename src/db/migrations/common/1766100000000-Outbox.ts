// Issue 21: one outbox for every notice. The notification inbox may belong to a
// staff member as well as a family (familyId becomes nullable, staffId joins),
// and the outbox holds one delivery per notice per further channel, with its
// idempotency key, status, attempts, retry time and claim. Driver-agnostic.
import { MigrationInterface, QueryRunner, Table, TableColumn, TableForeignKey, TableIndex } from "typeorm";

const instant = (name: string, isNullable = false) => ({ name, type: "varchar", length: "30", isNullable });

export class Outbox1766100000000 implements MigrationInterface {
  name = "Outbox1766100000000";

  public async up(q: QueryRunner): Promise<void> {
    await q.changeColumn(
      "notification",
      "familyId",
      new TableColumn({ name: "familyId", type: "integer", isNullable: true }),
    );
    await q.addColumn("notification", new TableColumn({ name: "staffId", type: "integer", isNullable: true }));
    await q.createForeignKey(
      "notification",
      new TableForeignKey({
        columnNames: ["staffId"],
        referencedTableName: "staff",
        referencedColumnNames: ["id"],
        onDelete: "CASCADE",
      }),
    );
    await q.createIndex("notification", new TableIndex({ columnNames: ["staffId", "createdAt"] }));

    await q.createTable(
      new Table({
        name: "outbox",
        columns: [
          { name: "id", type: "integer", isPrimary: true, isGenerated: true, generationStrategy: "increment" },
          { name: "idempotencyKey", type: "varchar", length: "36" },
          { name: "kind", type: "varchar", length: "60" },
          { name: "recipientKind", type: "varchar", length: "10" },
          { name: "recipientId", type: "integer", isNullable: true },
          { name: "channel", type: "varchar", length: "10" },
          { name: "address", type: "varchar", length: "200", isNullable: true },
          { name: "payload", type: "text" },
          { name: "locale", type: "varchar", length: "10" },
          { name: "status", type: "varchar", length: "10" },
          { name: "attempts", type: "integer" },
          instant("nextAttemptAt"),
          { name: "lastError", type: "varchar", length: "500", isNullable: true },
          instant("claimedUntil", true),
          { name: "claimedBy", type: "varchar", length: "60", isNullable: true },
          instant("sentAt", true),
          instant("createdAt"),
        ],
      }),
      true,
    );
    await q.createIndex("outbox", new TableIndex({ columnNames: ["idempotencyKey"], isUnique: true }));
    // The dispatcher's claim: due pending rows, oldest first.
    await q.createIndex("outbox", new TableIndex({ columnNames: ["status", "nextAttemptAt"] }));
    await q.createIndex("outbox", new TableIndex({ columnNames: ["createdAt"] }));
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.dropTable("outbox", true);
    const table = await q.getTable("notification");
    const fk = table?.foreignKeys.find((f) => f.columnNames.includes("staffId"));
    if (fk) await q.dropForeignKey("notification", fk);
    const index = table?.indices.find((i) => i.columnNames.includes("staffId"));
    if (index) await q.dropIndex("notification", index);
    await q.dropColumn("notification", "staffId");
  }
}
