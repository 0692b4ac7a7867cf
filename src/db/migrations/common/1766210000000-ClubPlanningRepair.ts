// Repairs what ClubPlanning1766200000000 wrote before it was fixed: its backfill
// went through the query builder, which encoded each club's eligible staff list
// twice (the JSON string "[3]" instead of the list [3]). Such a value is decoded
// once more; lists written since are left as they are.
import { MigrationInterface, QueryRunner } from "typeorm";

export class ClubPlanningRepair1766210000000 implements MigrationInterface {
  name = "ClubPlanningRepair1766210000000";

  public async up(q: QueryRunner): Promise<void> {
    const clubs = (await q.query(`SELECT "id", "eligibleStaffIds" FROM "club"`)) as {
      id: number;
      eligibleStaffIds: string;
    }[];
    for (const club of clubs) {
      const value: unknown = JSON.parse(club.eligibleStaffIds);
      if (typeof value !== "string") continue;
      const ids = (JSON.parse(value) as unknown[]).map(Number).filter(Number.isInteger);
      await q.query(`UPDATE "club" SET "eligibleStaffIds" = '${JSON.stringify(ids)}' WHERE "id" = ${Number(club.id)}`);
    }
  }

  public async down(): Promise<void> {
    // Nothing to undo: the repaired values are what the fixed migration writes.
  }
}
