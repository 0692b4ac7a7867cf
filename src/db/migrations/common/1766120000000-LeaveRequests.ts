// Issue 21: leave requests (请假) a family asks for one child, which the class
// teacher confirms or queries and the registers open with. entryId has no
// foreign key: it names a row of the published snapshot (as attendance does).
// Driver-agnostic; nothing here imports the app.
import { MigrationInterface, QueryRunner, Table, TableIndex } from "typeorm";

const instant = (name: string, isNullable = false) => ({ name, type: "varchar", length: "30", isNullable });
const text = (name: string, length: number, isNullable = false) => ({
  name,
  type: "varchar",
  length: String(length),
  isNullable,
});

export class LeaveRequests1766120000000 implements MigrationInterface {
  name = "LeaveRequests1766120000000";

  public async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: "leave_request",
        columns: [
          { name: "id", type: "integer", isPrimary: true, isGenerated: true, generationStrategy: "increment" },
          { name: "studentId", type: "integer" },
          text("fromDate", 10),
          text("toDate", 10),
          { name: "entryId", type: "integer", isNullable: true },
          text("sessionTitle", 100, true),
          text("kind", 10),
          text("note", 200, true),
          text("status", 12),
          text("reply", 200, true),
          { name: "decidedByStaffId", type: "integer", isNullable: true },
          instant("decidedAt", true),
          instant("withdrawnAt", true),
          instant("createdAt"),
          instant("updatedAt"),
        ],
        foreignKeys: [
          {
            columnNames: ["studentId"],
            referencedTableName: "student",
            referencedColumnNames: ["id"],
            onDelete: "CASCADE",
          },
          {
            columnNames: ["decidedByStaffId"],
            referencedTableName: "staff",
            referencedColumnNames: ["id"],
            onDelete: "SET NULL",
          },
        ],
      }),
      true,
    );
    await q.createIndex("leave_request", new TableIndex({ columnNames: ["studentId", "fromDate"] }));
    await q.createIndex("leave_request", new TableIndex({ columnNames: ["fromDate", "toDate"] }));
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.dropTable("leave_request", true);
  }
}
