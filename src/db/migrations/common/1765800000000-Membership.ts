// Issue 17: the membership ledger (src/membership). Who is in which club from
// which date up to which date (exclusive; null while held), and why. Backfilled
// from today's placements: each club_placement row of a published round becomes
// a membership from the term's first day (placements carried no dates, and every
// reader counted them for the whole term), its reason from the placement's
// source. Driver-agnostic through the query builder; nothing here imports the app.
import { MigrationInterface, QueryRunner, Table, TableIndex } from "typeorm";

const int = (name: string, isNullable = false) => ({ name, type: "integer", isNullable });
const fk = (column: string, table: string) => ({
  columnNames: [column],
  referencedTableName: table,
  referencedColumnNames: ["id"],
  onDelete: "CASCADE",
});

interface Placement {
  roundId: number;
  studentId: number;
  clubId: number;
  source: string;
  createdAt: string;
  termId: number;
  startDate: string;
  runId: number;
}

export class Membership1765800000000 implements MigrationInterface {
  name = "Membership1765800000000";

  public async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: "membership",
        columns: [
          { name: "id", type: "integer", isPrimary: true, isGenerated: true, generationStrategy: "increment" },
          int("studentId"),
          int("clubId"),
          int("termId"),
          { name: "fromDate", type: "varchar", length: "10" },
          { name: "toDate", type: "varchar", length: "10", isNullable: true },
          { name: "reason", type: "varchar", length: "12" },
          { name: "endReason", type: "varchar", length: "12", isNullable: true },
          int("roundId", true),
          int("runId", true),
          int("offerId", true),
          { name: "createdAt", type: "varchar", length: "30" },
          { name: "endedAt", type: "varchar", length: "30", isNullable: true },
        ],
        foreignKeys: [fk("studentId", "student"), fk("clubId", "club"), fk("termId", "term")],
      }),
      true,
    );
    for (const column of ["studentId", "clubId", "termId"])
      await q.createIndex("membership", new TableIndex({ columnNames: [column] }));

    const rows: Placement[] = await q.manager
      .createQueryBuilder()
      .select([
        `p."roundId" AS "roundId"`,
        `p."studentId" AS "studentId"`,
        `p."clubId" AS "clubId"`,
        "p.source AS source",
        `p."createdAt" AS "createdAt"`,
        `r."termId" AS "termId"`,
        `t."startDate" AS "startDate"`,
        `ap."runId" AS "runId"`,
      ])
      .from("club_placement", "p")
      .innerJoin("allocation_publication", "ap", `ap."roundId" = p."roundId"`)
      .innerJoin("choice_round", "r", `r.id = p."roundId"`)
      .innerJoin("term", "t", `t.id = r."termId"`)
      .orderBy("p.id", "ASC")
      .getRawMany();
    const memberships = rows.map((p) => ({
      studentId: p.studentId,
      clubId: p.clubId,
      termId: p.termId,
      fromDate: p.startDate,
      toDate: null,
      reason: p.source === "offer" ? "offer" : "publication",
      endReason: null,
      roundId: p.roundId,
      runId: p.source === "offer" ? null : p.runId,
      offerId: null,
      createdAt: p.createdAt,
      endedAt: null,
    }));
    for (let i = 0; i < memberships.length; i += 100)
      await q.manager
        .createQueryBuilder()
        .insert()
        .into("membership")
        .values(memberships.slice(i, i + 100))
        .execute();
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.dropTable("membership", true);
  }
}
