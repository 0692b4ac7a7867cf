// Attendance registers, absence alerts and the satisfaction survey
// (driver-agnostic: runs on SQLite and PostgreSQL).
import { MigrationInterface, QueryRunner, Table, TableIndex } from "typeorm";

const id = {
  name: "id",
  type: "integer",
  isPrimary: true,
  isGenerated: true,
  generationStrategy: "increment" as const,
};
const instant = (name: string, isNullable = false) => ({ name, type: "varchar", length: "30", isNullable });
const date = { name: "date", type: "varchar", length: "10" };
const cascade = (column: string, table: string) => ({
  columnNames: [column],
  referencedTableName: table,
  referencedColumnNames: ["id"],
  onDelete: "CASCADE",
});

export class AttendanceSurveys1764600000000 implements MigrationInterface {
  name = "AttendanceSurveys1764600000000";

  public async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: "attendance",
        columns: [
          id,
          { name: "entryId", type: "integer" },
          date,
          { name: "studentId", type: "integer" },
          { name: "status", type: "varchar", length: "10" },
          { name: "note", type: "varchar", length: "200", isNullable: true },
          { name: "markedByStaffId", type: "integer", isNullable: true },
          instant("markedAt"),
        ],
        foreignKeys: [
          cascade("studentId", "student"),
          {
            columnNames: ["markedByStaffId"],
            referencedTableName: "staff",
            referencedColumnNames: ["id"],
            onDelete: "SET NULL",
          },
        ],
      }),
      true,
    );
    await q.createIndex(
      "attendance",
      new TableIndex({ columnNames: ["entryId", "date", "studentId"], isUnique: true }),
    );
    await q.createIndex("attendance", new TableIndex({ columnNames: ["studentId", "date"] }));
    await q.createIndex("attendance", new TableIndex({ columnNames: ["date"] }));

    await q.createTable(
      new Table({
        name: "attendance_alert",
        columns: [
          id,
          { name: "entryId", type: "integer" },
          date,
          { name: "studentId", type: "integer" },
          { name: "sessionTitle", type: "varchar", length: "100" },
          { name: "sessionTime", type: "varchar", length: "20" },
          { name: "state", type: "varchar", length: "10" },
          { name: "raisedByStaffId", type: "integer", isNullable: true },
          instant("createdAt"),
          instant("updatedAt"),
        ],
        foreignKeys: [cascade("studentId", "student")],
      }),
      true,
    );
    await q.createIndex(
      "attendance_alert",
      new TableIndex({ columnNames: ["entryId", "date", "studentId"], isUnique: true }),
    );
    await q.createIndex("attendance_alert", new TableIndex({ columnNames: ["studentId"] }));

    await q.createTable(
      new Table({
        name: "attendance_alert_audience",
        columns: [
          id,
          { name: "alertId", type: "integer" },
          { name: "audienceKind", type: "varchar", length: "10" },
          { name: "audienceId", type: "integer" },
          instant("acknowledgedAt", true),
        ],
        foreignKeys: [cascade("alertId", "attendance_alert")],
      }),
      true,
    );
    await q.createIndex(
      "attendance_alert_audience",
      new TableIndex({ columnNames: ["alertId", "audienceKind", "audienceId"], isUnique: true }),
    );
    await q.createIndex("attendance_alert_audience", new TableIndex({ columnNames: ["audienceKind", "audienceId"] }));

    await q.createTable(
      new Table({
        name: "survey",
        columns: [
          id,
          { name: "title", type: "varchar", length: "200" },
          { name: "intro", type: "text" },
          { name: "state", type: "varchar", length: "10" },
          { name: "questions", type: "text" },
          instant("openedAt", true),
          instant("closedAt", true),
          instant("createdAt"),
          instant("updatedAt"),
        ],
      }),
      true,
    );

    await q.createTable(
      new Table({
        name: "survey_receipt",
        columns: [
          id,
          { name: "surveyId", type: "integer" },
          { name: "familyId", type: "integer" },
          instant("submittedAt"),
        ],
        foreignKeys: [cascade("surveyId", "survey"), cascade("familyId", "family")],
      }),
      true,
    );
    await q.createIndex("survey_receipt", new TableIndex({ columnNames: ["surveyId", "familyId"], isUnique: true }));
    await q.createIndex("survey_receipt", new TableIndex({ columnNames: ["familyId"] }));

    await q.createTable(
      new Table({
        name: "survey_response",
        columns: [
          { name: "id", type: "varchar", length: "36", isPrimary: true },
          { name: "surveyId", type: "integer" },
          { name: "answers", type: "text" },
        ],
        foreignKeys: [cascade("surveyId", "survey")],
      }),
      true,
    );
    await q.createIndex("survey_response", new TableIndex({ columnNames: ["surveyId"] }));
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const table of [
      "survey_response",
      "survey_receipt",
      "survey",
      "attendance_alert_audience",
      "attendance_alert",
      "attendance",
    ]) {
      await q.dropTable(table, true);
    }
  }
}
