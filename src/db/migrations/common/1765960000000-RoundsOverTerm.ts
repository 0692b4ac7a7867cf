// Issue 18: rounds over a term. A round may cover only some clubs (a top-up,
// 补选: null = every club open to its grades), its effective date is fixed when
// it opens (null on older rows: their seats start on the closing date, as before),
// and a family may ask to swap a club the child holds (null = no swap).
// Driver-agnostic: three nullable columns, no data to move.
import { MigrationInterface, QueryRunner, TableColumn } from "typeorm";

export class RoundsOverTerm1765960000000 implements MigrationInterface {
  name = "RoundsOverTerm1765960000000";

  public async up(q: QueryRunner): Promise<void> {
    await q.addColumn("choice_round", new TableColumn({ name: "clubIds", type: "text", isNullable: true }));
    await q.addColumn(
      "choice_round",
      new TableColumn({ name: "effectiveDate", type: "varchar", length: "10", isNullable: true }),
    );
    await q.addColumn("preference", new TableColumn({ name: "swapClubIds", type: "text", isNullable: true }));
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.dropColumn("preference", "swapClubIds");
    await q.dropColumn("choice_round", "effectiveDate");
    await q.dropColumn("choice_round", "clubIds");
  }
}
