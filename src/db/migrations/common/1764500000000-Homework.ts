// The homework log (作业公示): one row per piece of homework a class was set on a date.
// Driver-agnostic (TypeORM's Table API) so it runs on SQLite and PostgreSQL alike.
import { MigrationInterface, QueryRunner, Table, TableForeignKey, TableIndex } from "typeorm";

export class Homework1764500000000 implements MigrationInterface {
  name = "Homework1764500000000";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: "homework_entry",
        columns: [
          { name: "id", type: "integer", isPrimary: true, isGenerated: true, generationStrategy: "increment" },
          { name: "classId", type: "integer", isNullable: false },
          { name: "date", type: "varchar", length: "10", isNullable: false },
          { name: "subject", type: "varchar", length: "40", isNullable: false },
          { name: "description", type: "text", isNullable: false },
          { name: "tier", type: "varchar", length: "12", isNullable: false },
          { name: "written", type: "boolean", isNullable: false },
          { name: "minutes", type: "integer", isNullable: false },
          { name: "staffId", type: "integer", isNullable: true },
          { name: "createdAt", type: "varchar", length: "30", isNullable: false },
          { name: "updatedAt", type: "varchar", length: "30", isNullable: false },
        ],
        indices: [
          new TableIndex({ name: "IDX_homework_entry_class_date", columnNames: ["classId", "date"] }),
          new TableIndex({ name: "IDX_homework_entry_staff", columnNames: ["staffId"] }),
        ],
        // Declared with the table: SQLite cannot add a foreign key to an existing table.
        foreignKeys: [
          new TableForeignKey({
            name: "FK_homework_entry_class",
            columnNames: ["classId"],
            referencedTableName: "school_class",
            referencedColumnNames: ["id"],
            onDelete: "CASCADE",
          }),
          new TableForeignKey({
            name: "FK_homework_entry_staff",
            columnNames: ["staffId"],
            referencedTableName: "staff",
            referencedColumnNames: ["id"],
            onDelete: "SET NULL",
          }),
        ],
      }),
      true,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable("homework_entry", true, true, true);
  }
}
