// Issue 21: a family's pick-up people (接送人) and the early pick-ups (提前接走)
// teachers record, with who collected and whether they were on the list.
// Driver-agnostic; nothing here imports the app.
import { MigrationInterface, QueryRunner, Table, TableIndex } from "typeorm";
import { boolDefault } from "../../migration-helpers";

const id = {
  name: "id",
  type: "integer",
  isPrimary: true,
  isGenerated: true,
  generationStrategy: "increment" as const,
};
const int = (name: string, isNullable = false) => ({ name, type: "integer", isNullable });
const text = (name: string, length: number, isNullable = false) => ({
  name,
  type: "varchar",
  length: String(length),
  isNullable,
});

export class PickupPeople1766130000000 implements MigrationInterface {
  name = "PickupPeople1766130000000";

  public async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: "pickup_person",
        columns: [
          id,
          int("familyId"),
          text("name", 40),
          text("relation", 20),
          text("relationOther", 20, true),
          text("phone", 20),
          text("createdAt", 30),
          text("updatedAt", 30),
        ],
        foreignKeys: [
          {
            columnNames: ["familyId"],
            referencedTableName: "family",
            referencedColumnNames: ["id"],
            onDelete: "CASCADE",
          },
        ],
      }),
      true,
    );
    await q.createIndex("pickup_person", new TableIndex({ columnNames: ["familyId"] }));

    await q.createTable(
      new Table({
        name: "early_pickup",
        columns: [
          id,
          int("studentId"),
          text("date", 10),
          text("pickedUpAt", 30),
          text("localTime", 5),
          int("pickupPersonId", true),
          text("personName", 40),
          text("relation", 20, true),
          text("relationOther", 20, true),
          { name: "unlisted", type: "boolean", default: boolDefault(q, false) },
          int("entryId", true),
          int("recordedByStaffId", true),
          text("recordedAt", 30),
        ],
        foreignKeys: [
          {
            columnNames: ["studentId"],
            referencedTableName: "student",
            referencedColumnNames: ["id"],
            onDelete: "CASCADE",
          },
          {
            columnNames: ["pickupPersonId"],
            referencedTableName: "pickup_person",
            referencedColumnNames: ["id"],
            onDelete: "SET NULL",
          },
        ],
      }),
      true,
    );
    await q.createIndex("early_pickup", new TableIndex({ columnNames: ["studentId", "date"], isUnique: true }));
    await q.createIndex("early_pickup", new TableIndex({ columnNames: ["date"] }));
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.dropTable("early_pickup", true);
    await q.dropTable("pickup_person", true);
  }
}
