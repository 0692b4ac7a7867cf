// Credentials version per account: copied into a session at login and
// compared on every request, so disabling, a password reset, a role change,
// a new family code or "log out everywhere" ends that account's sessions at
// once on every instance (no scan of the session table).
// Driver-agnostic (TypeORM's Table API) so it runs on SQLite and PostgreSQL alike.
import { MigrationInterface, QueryRunner, TableColumn } from "typeorm";

const versionColumn = () => new TableColumn({ name: "sessionVersion", type: "integer", isNullable: false, default: 0 });

export class SessionVersion1765200000000 implements MigrationInterface {
  name = "SessionVersion1765200000000";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn("staff", versionColumn());
    await queryRunner.addColumn("family", versionColumn());
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn("family", "sessionVersion");
    await queryRunner.dropColumn("staff", "sessionVersion");
  }
}
