// Issue 23: staff availability by slot. Besides the weekdays a staff member can
// take service sessions, a time window on some of them ("Tuesdays from 16:30");
// null means whole days, which is what every row meant before.
import { MigrationInterface, QueryRunner, TableColumn } from "typeorm";

export class StaffHours1766180100000 implements MigrationInterface {
  name = "StaffHours1766180100000";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn("staff", new TableColumn({ name: "availableHours", type: "text", isNullable: true }));
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn("staff", "availableHours");
  }
}
