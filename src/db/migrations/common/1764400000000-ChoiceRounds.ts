// Choice rounds and preferences (driver-agnostic: runs on SQLite and PostgreSQL).
import { MigrationInterface, QueryRunner, Table, TableIndex } from "typeorm";
import { boolDefault } from "../../migration-helpers";

const id = {
  name: "id",
  type: "integer",
  isPrimary: true,
  isGenerated: true,
  generationStrategy: "increment" as const,
};
const instant = (name: string) => ({ name, type: "varchar", length: "30" });

export class ChoiceRounds1764400000000 implements MigrationInterface {
  name = "ChoiceRounds1764400000000";

  public async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: "choice_round",
        columns: [
          id,
          { name: "termId", type: "integer" },
          { name: "name", type: "varchar", length: "100" },
          instant("opensAt"),
          instant("closesAt"),
          { name: "grades", type: "text" },
          { name: "minChoices", type: "integer", default: 3 },
          { name: "maxChoices", type: "integer", default: 5 },
          { name: "maxClubsPerChild", type: "integer", default: 1 },
          { name: "mechanism", type: "varchar", length: "10", default: "'optimal'" },
          { name: "showFirstChoiceCounts", type: "boolean", default: boolDefault(q, false) },
          instant("createdAt"),
          instant("updatedAt"),
        ],
        foreignKeys: [
          { columnNames: ["termId"], referencedTableName: "term", referencedColumnNames: ["id"], onDelete: "CASCADE" },
        ],
      }),
      true,
    );
    await q.createIndex("choice_round", new TableIndex({ columnNames: ["termId"] }));
    await q.createTable(
      new Table({
        name: "preference",
        columns: [
          id,
          { name: "roundId", type: "integer" },
          { name: "studentId", type: "integer" },
          { name: "clubIds", type: "text" },
          { name: "maxClubs", type: "integer", default: 1 },
          { name: "placeWithSiblings", type: "boolean", default: boolDefault(q, false) },
          { name: "source", type: "varchar", length: "10" },
          { name: "enteredByStaffId", type: "integer", isNullable: true },
          instant("submittedAt"),
          instant("updatedAt"),
          { name: "version", type: "integer", default: 1 },
        ],
        foreignKeys: [
          {
            columnNames: ["roundId"],
            referencedTableName: "choice_round",
            referencedColumnNames: ["id"],
            onDelete: "CASCADE",
          },
          {
            columnNames: ["studentId"],
            referencedTableName: "student",
            referencedColumnNames: ["id"],
            onDelete: "CASCADE",
          },
        ],
      }),
      true,
    );
    await q.createIndex("preference", new TableIndex({ columnNames: ["roundId", "studentId"], isUnique: true }));
    await q.createIndex("preference", new TableIndex({ columnNames: ["studentId"] }));
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.dropTable("preference", true);
    await q.dropTable("choice_round", true);
  }
}
