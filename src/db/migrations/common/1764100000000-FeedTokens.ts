// Calendar feed tokens: the unguessable part of each feed URL. The partial
// unique index keeps one live token per feed even when two first views race.
// Driver-agnostic (TypeORM's Table API) so it runs on SQLite and PostgreSQL alike.
import { MigrationInterface, QueryRunner, Table, TableIndex } from "typeorm";

export class FeedTokens1764100000000 implements MigrationInterface {
  name = "FeedTokens1764100000000";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: "feed_token",
        columns: [
          { name: "id", type: "integer", isPrimary: true, isGenerated: true, generationStrategy: "increment" },
          { name: "kind", type: "varchar", length: "10", isNullable: false },
          { name: "subjectId", type: "integer", isNullable: false },
          { name: "token", type: "varchar", length: "64", isNullable: false },
          { name: "createdAt", type: "varchar", length: "30", isNullable: false },
          { name: "revokedAt", type: "varchar", length: "30", isNullable: true },
        ],
        indices: [
          new TableIndex({ name: "IDX_feed_token_token", columnNames: ["token"], isUnique: true }),
          new TableIndex({
            name: "IDX_feed_token_live_subject",
            columnNames: ["kind", "subjectId"],
            isUnique: true,
            where: `"revokedAt" IS NULL`,
          }),
        ],
      }),
      true,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable("feed_token", true, true, true);
  }
}
