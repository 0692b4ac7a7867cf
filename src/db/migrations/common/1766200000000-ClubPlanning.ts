// Issue 23: what the proposer needs to know about a club. Eligible staff (who
// may lead it; the leader in `staffId` is one of them), sessions a week, and the
// kind of venue it needs (null: any kind, as before). Existing clubs get their
// leader as the one eligible member, their draft's club sessions as the weekly
// count (at least 1) and their venue's kind.
//
// Plain ALTER TABLE … ADD COLUMN, not queryRunner.addColumn: on SQLite addColumn
// rebuilds the table and drops its table_version triggers (see
// TableVersionTriggersAgain1766190000000); ADD COLUMN keeps them.
import { MigrationInterface, QueryRunner } from "typeorm";

export class ClubPlanning1766200000000 implements MigrationInterface {
  name = "ClubPlanning1766200000000";

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "club" ADD COLUMN "eligibleStaffIds" text NOT NULL DEFAULT '[]'`);
    await q.query(`ALTER TABLE "club" ADD COLUMN "sessionsPerWeek" integer NOT NULL DEFAULT 1`);
    await q.query(`ALTER TABLE "club" ADD COLUMN "venueKind" varchar(20)`);
    const clubs = (await q.query(`SELECT "id", "staffId", "venueId" FROM "club"`)) as {
      id: number;
      staffId: number | null;
      venueId: number | null;
    }[];
    for (const club of clubs) {
      const [{ n }] = (await q.query(
        `SELECT COUNT(*) AS "n" FROM "timetable_entry" WHERE "clubId" = ${Number(club.id)} AND "kind" = 'club'`,
      )) as { n: number | string }[];
      const venue = (
        club.venueId === null ? [] : await q.query(`SELECT "kind" FROM "venue" WHERE "id" = ${Number(club.venueId)}`)
      ) as { kind: string }[];
      // Plain SQL, not the query builder: it found the Club entity and encoded the
      // JSON text once more (a string "[3]" instead of the list [3]). Every value
      // here is a number or a venue kind read from the database, quoted.
      const kind = venue[0]?.kind;
      const eligible = JSON.stringify(club.staffId === null ? [] : [Number(club.staffId)]);
      await q.query(
        `UPDATE "club" SET "eligibleStaffIds" = '${eligible}', "sessionsPerWeek" = ${Math.max(1, Math.min(5, Number(n)))}, ` +
          `"venueKind" = ${kind == null ? "NULL" : `'${String(kind).replace(/'/g, "''")}'`} WHERE "id" = ${Number(club.id)}`,
      );
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "club" DROP COLUMN "venueKind"`);
    await q.query(`ALTER TABLE "club" DROP COLUMN "sessionsPerWeek"`);
    await q.query(`ALTER TABLE "club" DROP COLUMN "eligibleStaffIds"`);
  }
}
