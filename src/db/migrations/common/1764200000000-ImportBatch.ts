// The school set-up capability's table for imports awaiting commit (portable:
// TypeORM's Table API, the same on SQLite and PostgreSQL).
import { MigrationInterface, QueryRunner, Table, TableIndex } from "typeorm";

export class ImportBatch1764200000000 implements MigrationInterface {
  name = "ImportBatch1764200000000";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: "import_batch",
        columns: [
          { name: "id", type: "integer", isPrimary: true, isGenerated: true, generationStrategy: "increment" },
          { name: "kind", type: "varchar", length: "10" },
          { name: "status", type: "varchar", length: "10" },
          { name: "fileHash", type: "varchar", length: "64" },
          { name: "filename", type: "varchar", length: "200" },
          { name: "termId", type: "integer", isNullable: true },
          { name: "staffId", type: "integer" },
          { name: "sheet", type: "text" },
          { name: "preview", type: "text" },
          { name: "createdAt", type: "varchar", length: "30" },
          { name: "committedAt", type: "varchar", length: "30", isNullable: true },
        ],
      }),
      true,
    );
    await queryRunner.createIndex("import_batch", new TableIndex({ columnNames: ["status"] }));
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable("import_batch", true);
  }
}
