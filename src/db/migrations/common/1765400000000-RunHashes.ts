// Issue 15: each allocation run keeps the SHA-256 of its input and output bytes,
// and when a deleted child's student number was replaced by a pseudonym. Runs
// stored before this migration get the hashes of their bytes as they are (runs
// were immutable until now, so these are the bytes made at creation).
import { createHash } from "node:crypto";
import { MigrationInterface, QueryRunner, TableColumn } from "typeorm";

const sha256 = (text: string): string => createHash("sha256").update(text, "utf8").digest("hex");

export class RunHashes1765400000000 implements MigrationInterface {
  name = "RunHashes1765400000000";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns("allocation_run", [
      new TableColumn({ name: "instanceHash", type: "varchar", length: "64", isNullable: true }),
      new TableColumn({ name: "resultHash", type: "varchar", length: "64", isNullable: true }),
      new TableColumn({ name: "pseudonymisedAt", type: "varchar", length: "30", isNullable: true }),
    ]);
    const param = (i: number) => (queryRunner.connection.options.type === "postgres" ? `$${i}` : "?");
    // One run at a time: a run holds a whole school's instance and result.
    const ids = (await queryRunner.query(`SELECT "id" FROM "allocation_run" ORDER BY "id"`)) as { id: number }[];
    for (const { id } of ids) {
      const [run] = (await queryRunner.query(
        `SELECT "id", "instance", "result" FROM "allocation_run" WHERE "id" = ${param(1)}`,
        [id],
      )) as { id: number; instance: string; result: string }[];
      await queryRunner.query(
        `UPDATE "allocation_run" SET "instanceHash" = ${param(1)}, "resultHash" = ${param(2)} WHERE "id" = ${param(3)}`,
        [sha256(run.instance), sha256(run.result), run.id],
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const name of ["pseudonymisedAt", "resultHash", "instanceHash"])
      await queryRunner.dropColumn("allocation_run", name);
  }
}
