// Issue 23: the interest survey (意向调查) and its answers, the proposer's demand
// where no choice round has run yet. Driver-agnostic; nothing here imports the app.
import { MigrationInterface, QueryRunner, Table, TableIndex } from "typeorm";

const id = {
  name: "id",
  type: "integer",
  isPrimary: true,
  isGenerated: true,
  generationStrategy: "increment" as const,
};
const instant = (name: string, isNullable = false) => ({ name, type: "varchar", length: "30", isNullable });

export class InterestSurvey1766220000000 implements MigrationInterface {
  name = "InterestSurvey1766220000000";

  public async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: "interest_survey",
        columns: [
          id,
          { name: "termId", type: "integer" },
          { name: "name", type: "varchar", length: "100" },
          { name: "grades", type: "text" },
          { name: "clubIds", type: "text" },
          { name: "maxTicks", type: "integer", default: 5 },
          instant("opensAt", true),
          instant("closesAt"),
          instant("createdAt"),
          instant("updatedAt"),
        ],
        foreignKeys: [
          { columnNames: ["termId"], referencedTableName: "term", referencedColumnNames: ["id"], onDelete: "CASCADE" },
        ],
      }),
      true,
    );
    await q.createIndex("interest_survey", new TableIndex({ columnNames: ["termId"] }));
    await q.createTable(
      new Table({
        name: "interest_answer",
        columns: [
          id,
          { name: "surveyId", type: "integer" },
          { name: "studentId", type: "integer" },
          { name: "clubIds", type: "text" },
          { name: "mostWantedClubId", type: "integer", isNullable: true },
          { name: "source", type: "varchar", length: "10" },
          { name: "enteredByStaffId", type: "integer", isNullable: true },
          instant("submittedAt"),
          instant("updatedAt"),
        ],
        foreignKeys: [
          {
            columnNames: ["surveyId"],
            referencedTableName: "interest_survey",
            referencedColumnNames: ["id"],
            onDelete: "CASCADE",
          },
          {
            columnNames: ["studentId"],
            referencedTableName: "student",
            referencedColumnNames: ["id"],
            onDelete: "CASCADE",
          },
          {
            columnNames: ["enteredByStaffId"],
            referencedTableName: "staff",
            referencedColumnNames: ["id"],
            onDelete: "SET NULL",
          },
        ],
      }),
      true,
    );
    await q.createIndex("interest_answer", new TableIndex({ columnNames: ["surveyId", "studentId"], isUnique: true }));
    await q.createIndex("interest_answer", new TableIndex({ columnNames: ["studentId"] }));
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.dropTable("interest_answer", true);
    await q.dropTable("interest_survey", true);
  }
}
