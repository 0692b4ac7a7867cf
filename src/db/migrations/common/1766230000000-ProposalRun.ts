// Issue 23: a timetable proposal's run (src/proposer/entities.ts): what the
// admin asked for, its progress while a worker thread computes it, the draft's
// fingerprint when it started, its result and whether it was accepted.
// Driver-agnostic; nothing here imports the app.
import { MigrationInterface, QueryRunner, Table, TableIndex } from "typeorm";
import { boolDefault } from "../../migration-helpers";

const instant = (name: string, isNullable = false) => ({ name, type: "varchar", length: "30", isNullable });
const text = (name: string, length: number, isNullable = false) => ({
  name,
  type: "varchar",
  length: String(length),
  isNullable,
});
const int = (name: string, isNullable = false) => ({ name, type: "integer", isNullable });

export class ProposalRun1766230000000 implements MigrationInterface {
  name = "ProposalRun1766230000000";

  public async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: "proposal_run",
        columns: [
          { name: "id", type: "integer", isPrimary: true, isGenerated: true, generationStrategy: "increment" },
          int("termId"),
          int("requestedByStaffId", true),
          { name: "options", type: "text" },
          text("status", 10),
          { name: "stopRequested", type: "boolean", default: boolDefault(q, false) },
          { name: "evaluations", type: "integer", default: 0 },
          int("budget"),
          { name: "best", type: "text", isNullable: true },
          text("fingerprint", 64),
          text("demand", 10),
          int("roundId", true),
          { name: "instance", type: "text" },
          { name: "result", type: "text", isNullable: true },
          { name: "currentMetrics", type: "text", isNullable: true },
          text("error", 200, true),
          instant("acceptedAt", true),
          int("acceptedByStaffId", true),
          instant("createdAt"),
          instant("startedAt", true),
          instant("finishedAt", true),
          instant("updatedAt"),
        ],
        foreignKeys: [
          { columnNames: ["termId"], referencedTableName: "term", referencedColumnNames: ["id"], onDelete: "CASCADE" },
          {
            columnNames: ["requestedByStaffId"],
            referencedTableName: "staff",
            referencedColumnNames: ["id"],
            onDelete: "SET NULL",
          },
          {
            columnNames: ["acceptedByStaffId"],
            referencedTableName: "staff",
            referencedColumnNames: ["id"],
            onDelete: "SET NULL",
          },
        ],
      }),
      true,
    );
    await q.createIndex("proposal_run", new TableIndex({ columnNames: ["termId", "id"] }));
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.dropTable("proposal_run", true);
  }
}
