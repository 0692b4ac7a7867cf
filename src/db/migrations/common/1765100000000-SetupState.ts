// First-run setup state (issue 15): the setting school.setupAt. A database that
// already names its school was set up before the setting existed, so it is
// marked set up; a new database (or one emptied by `kehou demo remove`) is not.
// Data only, no schema change; driver-agnostic through the query builder.
import { MigrationInterface, QueryRunner } from "typeorm";

export class SetupState1765100000000 implements MigrationInterface {
  name = "SetupState1765100000000";

  public async up(queryRunner: QueryRunner): Promise<void> {
    const has = async (key: string) =>
      (
        await queryRunner.manager
          .createQueryBuilder()
          .select("s.key")
          .from("setting", "s")
          .where("s.key = :key", { key })
          .getRawMany()
      ).length > 0;
    if (!(await has("school.name")) || (await has("school.setupAt"))) return;
    await queryRunner.manager
      .createQueryBuilder()
      .insert()
      .into("setting")
      .values({ key: "school.setupAt", value: new Date().toISOString() })
      .execute();
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.manager
      .createQueryBuilder()
      .delete()
      .from("setting")
      .where("key = :key", { key: "school.setupAt" })
      .execute();
  }
}
