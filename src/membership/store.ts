// The only database access of the ledger (and the only code outside the
// allocation's own writers that may read placements).
import { type DataSource, type EntityManager, In, IsNull, LessThanOrEqual } from "typeorm";
import { ChoiceRound } from "../choices";
import { Term } from "../db";
import { Membership, type EndReason } from "./entity";

type Db = DataSource | EntityManager;

/** Spans that may be active on some date of [from, to] (empty spans are filtered by the core). */
export function spansDuring(
  db: Db,
  where: { clubIds?: number[]; studentId?: number; termId?: number },
  from: string,
  to: string,
): Promise<Membership[]> {
  const q = db
    .getRepository(Membership)
    .createQueryBuilder("m")
    .where(`m."fromDate" <= :to`, { to })
    .andWhere(`(m."toDate" IS NULL OR m."toDate" > :from)`, { from });
  if (where.clubIds)
    q.andWhere(where.clubIds.length ? `m."clubId" IN (:...clubIds)` : "1 = 0", { clubIds: where.clubIds });
  if (where.studentId !== undefined) q.andWhere(`m."studentId" = :studentId`, { studentId: where.studentId });
  if (where.termId !== undefined) q.andWhere(`m."termId" = :termId`, { termId: where.termId });
  return q.orderBy("m.id", "ASC").getMany();
}

/** A round and its term: where the dates of its seats come from. */
export async function roundAndTerm(db: Db, roundId: number): Promise<{ round: ChoiceRound; term: Term }> {
  const round = await db.getRepository(ChoiceRound).findOneByOrFail({ id: roundId });
  return { round, term: await db.getRepository(Term).findOneByOrFail({ id: round.termId }) };
}

export function openSpansOfRound(db: Db, roundId: number): Promise<Membership[]> {
  return db.getRepository(Membership).findBy({ roundId, toDate: IsNull() });
}

export function openSpansOf(db: Db, studentId: number, clubIds: number[]): Promise<Membership[]> {
  return clubIds.length
    ? db.getRepository(Membership).findBy({ studentId, clubId: In(clubIds), toDate: IsNull() })
    : Promise.resolve([]);
}

export async function openSpansOfStudents(db: Db, studentIds: number[]): Promise<Membership[]> {
  const out: Membership[] = [];
  for (let i = 0; i < studentIds.length; i += 500)
    out.push(
      ...(await db.getRepository(Membership).findBy({ studentId: In(studentIds.slice(i, i + 500)), toDate: IsNull() })),
    );
  return out;
}

export function roundHasSpans(db: Db, roundId: number): Promise<boolean> {
  return db.getRepository(Membership).existsBy({ roundId });
}

/** Every span of a child, for the child's data export. */
export function spansOfStudent(db: Db, studentId: number): Promise<Membership[]> {
  return db.getRepository(Membership).find({ where: { studentId }, order: { id: "ASC" } });
}

/** Spans of a term that began on or before `date` (for a round standing in for its own). */
export function termSpansFrom(db: Db, termId: number, date: string): Promise<Membership[]> {
  return db.getRepository(Membership).findBy({ termId, fromDate: LessThanOrEqual(date) });
}

export async function insertSpans(db: Db, rows: Partial<Membership>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) await db.getRepository(Membership).insert(rows.slice(i, i + 200));
}

export async function closeSpan(db: Db, id: number, toDate: string, endReason: EndReason, at: string): Promise<void> {
  await db.getRepository(Membership).update({ id }, { toDate, endReason, endedAt: at });
}
