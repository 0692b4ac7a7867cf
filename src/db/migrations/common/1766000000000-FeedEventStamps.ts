// Issue 20: each calendar event's SEQUENCE and LAST-MODIFIED follow what the
// event is made of. Per feed and UID: the digest of the event's content, its
// sequence and the instant it last changed. A feed build bumps exactly the
// events whose digest moved. Driver-agnostic; nothing here imports the app.
import { MigrationInterface, QueryRunner, Table, TableIndex } from "typeorm";

export class FeedEventStamps1766000000000 implements MigrationInterface {
  name = "FeedEventStamps1766000000000";

  public async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: "feed_event_stamp",
        columns: [
          { name: "id", type: "integer", isPrimary: true, isGenerated: true, generationStrategy: "increment" },
          { name: "feed", type: "varchar", length: "24" },
          { name: "uid", type: "varchar", length: "255" },
          { name: "digest", type: "varchar", length: "64" },
          { name: "sequence", type: "integer" },
          { name: "stampedAt", type: "varchar", length: "30" },
        ],
        indices: [
          new TableIndex({ name: "IDX_feed_event_stamp_feed_uid", columnNames: ["feed", "uid"], isUnique: true }),
        ],
      }),
      true,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.dropTable("feed_event_stamp", true);
  }
}
