// Issue 21, who gets which notice: a family's optional e-mail address (its
// verification token's hash, the consent given and withdrawn), each person's
// opt-outs (kind × channel), and which round notices went (the sweep's claim).
// Driver-agnostic; nothing here imports the app.
import { MigrationInterface, QueryRunner, Table, TableIndex } from "typeorm";

const id = {
  name: "id",
  type: "integer",
  isPrimary: true,
  isGenerated: true,
  generationStrategy: "increment" as const,
};
const instant = (name: string, isNullable = false) => ({ name, type: "varchar", length: "30", isNullable });
const text = (name: string, length: number, isNullable = false) => ({
  name,
  type: "varchar",
  length: String(length),
  isNullable,
});
const int = (name: string, isNullable = false) => ({ name, type: "integer", isNullable });
const fk = (column: string, table: string) => ({
  columnNames: [column],
  referencedTableName: table,
  referencedColumnNames: ["id"],
  onDelete: "CASCADE",
});

export class PeopleNotices1766110000000 implements MigrationInterface {
  name = "PeopleNotices1766110000000";

  public async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: "family_email",
        columns: [
          id,
          int("familyId"),
          text("address", 254),
          instant("verifiedAt", true),
          instant("consentAt"),
          text("consentVersion", 20),
          instant("withdrawnAt", true),
          text("tokenHash", 64, true),
          instant("tokenExpiresAt", true),
          instant("updatedAt"),
        ],
        foreignKeys: [fk("familyId", "family")],
        indices: [new TableIndex({ columnNames: ["familyId"], isUnique: true })],
      }),
      true,
    );
    await q.createTable(
      new Table({
        name: "notice_opt_out",
        columns: [
          id,
          int("familyId", true),
          int("staffId", true),
          text("kind", 40),
          text("channel", 16),
          instant("createdAt"),
        ],
        foreignKeys: [fk("familyId", "family"), fk("staffId", "staff")],
        indices: [new TableIndex({ columnNames: ["familyId", "staffId"] })],
      }),
      true,
    );
    await q.createTable(
      new Table({
        name: "round_notice",
        columns: [id, int("roundId"), text("kind", 40), text("claim", 36), int("families"), instant("sentAt")],
        foreignKeys: [fk("roundId", "choice_round")],
        indices: [new TableIndex({ columnNames: ["roundId", "kind"], isUnique: true })],
      }),
      true,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const table of ["round_notice", "notice_opt_out", "family_email"]) await q.dropTable(table, true);
  }
}
