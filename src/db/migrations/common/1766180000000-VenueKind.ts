// Issue 23: a venue has a kind (what it is for: classroom, field, music room…),
// so a club can say which kind it needs. Venues saved before are classrooms,
// or fields when they were marked outdoor; an admin corrects the rest on the
// venue form. The kinds are spelled here, not imported, so this migration never
// changes with the app.
import { MigrationInterface, QueryRunner, TableColumn } from "typeorm";
import { boolDefault } from "../../migration-helpers";

export class VenueKind1766180000000 implements MigrationInterface {
  name = "VenueKind1766180000000";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn(
      "venue",
      new TableColumn({ name: "kind", type: "varchar", length: "20", default: "'classroom'" }),
    );
    await queryRunner.manager
      .createQueryBuilder()
      .update("venue")
      .set({ kind: "field" })
      .where("indoor = :indoor", { indoor: boolDefault(queryRunner, false) })
      .execute();
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn("venue", "kind");
  }
}
