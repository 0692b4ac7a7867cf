// The membership ledger: who is in which club on which day, and why. Every
// register, dismissal list, family page, feed, policy fact and report asks
// here; nothing else reads placements (eslint.config.mjs keeps it so).
import type { DataSource, EntityManager } from "typeorm";
import { activeOn, clubsOf, countsOn, membersOf, activeDuring, peakOf, type Peak, type Span } from "./core";
import { spansDuring, spansOfStudent, termSpansFrom } from "./store";
import type { Membership, StartReason as StartReasonT } from "./entity";

export { Membership, membershipEntities } from "./entity";
export type { EndReason, StartReason } from "./entity";
export { recordLeaving, recordOffer, recordPublication, recordWithdrawal, roundStartDate } from "./service";
export { activeOn, countsOn, dateInTerm, type Peak, type Span } from "./core";

type Db = DataSource | EntityManager;

/** The clubs a child has on `date`. */
export async function clubsOn(db: Db, studentId: number, date: string): Promise<number[]> {
  return clubsOf(await spansDuring(db, { studentId }, date, date), studentId, date);
}

/** The clubs a child has on each of `dates`, in one read (a family's week). */
export async function clubsOnDates(
  db: Db,
  studentId: number,
  dates: readonly string[],
): Promise<Map<string, number[]>> {
  if (!dates.length) return new Map();
  const sorted = [...dates].sort();
  const spans = await spansDuring(db, { studentId }, sorted[0], sorted[sorted.length - 1]);
  return new Map(dates.map((date) => [date, clubsOf(spans, studentId, date)]));
}

/** The children in each of `clubIds` on `date` (an empty set for a club with none). */
export async function membersOn(db: Db, clubIds: number[], date: string): Promise<Map<number, Set<number>>> {
  const spans = await spansDuring(db, { clubIds }, date, date);
  return new Map(clubIds.map((id) => [id, new Set(membersOf(spans, id, date))]));
}

/** Members of each of `clubIds` on each of `dates`, in one read (date → club → children): a report walking a term's registers. */
export async function membersOnDates(
  db: Db,
  clubIds: number[],
  dates: string[],
): Promise<Map<string, Map<number, Set<number>>>> {
  if (dates.length === 0) return new Map();
  const sorted = [...dates].sort();
  const spans = await spansDuring(db, { clubIds }, sorted[0], sorted[sorted.length - 1]);
  return new Map(sorted.map((date) => [date, new Map(clubIds.map((id) => [id, new Set(membersOf(spans, id, date))]))]));
}

/** The children in a club on at least one date of [from, to]. */
export async function membersDuring(db: Db, clubId: number, from: string, to: string): Promise<number[]> {
  const spans = (await spansDuring(db, { clubIds: [clubId] }, from, to)).filter((s) => activeDuring(s, from, to));
  return [...new Set(spans.map((s) => s.studentId))].sort((a, b) => a - b);
}

/** Each club's most members on one date of [from, to] (the capacity guard and the over-full flag ask this). */
export async function peakMembers(db: Db, clubIds: number[], from: string, to: string): Promise<Map<number, Peak>> {
  const spans = await spansDuring(db, { clubIds }, from, to);
  return new Map(clubIds.map((id) => [id, peakOf(spans, id, from, to)]));
}

/** Members per club of a term on `date`; `exceptRoundId` leaves out one round's seats (a run about to replace them). */
export async function memberCountsOn(
  db: Db,
  termId: number,
  date: string,
  exceptRoundId?: number,
): Promise<Map<number, number>> {
  const spans = (await termSpansFrom(db, termId, date)).filter(
    (s) => exceptRoundId === undefined || s.roundId !== exceptRoundId,
  );
  return countsOn(spans, date);
}

/**
 * The seats held on `date` that a round must leave alone: every membership of
 * the term active that day except the round's own published seats (which its
 * next run replaces). A round's accepted offers are held too.
 */
export async function seatsHeldOn(
  db: Db,
  termId: number,
  date: string,
  roundId: number,
): Promise<{ studentId: number; clubId: number; roundId: number | null }[]> {
  const spans = (await termSpansFrom(db, termId, date)).filter(
    (s) => activeOn(s, date) && !(s.roundId === roundId && s.reason === "publication"),
  );
  return spans.map((s) => ({ studentId: s.studentId, clubId: s.clubId, roundId: s.roundId }));
}

/** Who is in which club of a term on `date`, as student id → club ids. */
export async function seatsOn(db: Db, termId: number, date: string): Promise<Map<number, number[]>> {
  const spans = await spansDuring(db, { termId }, date, date);
  const out = new Map<number, number[]>();
  for (const s of spans)
    if (clubsOf([s], s.studentId, date).length)
      out.set(s.studentId, [...new Set([...(out.get(s.studentId) ?? []), s.clubId])]);
  return out;
}

/** Every seat of a term held on at least one date of [from, to], as plain spans (the per-child policy checks). */
export async function seatsDuring(db: Db, termId: number, from: string, to: string): Promise<Span[]> {
  return (await spansDuring(db, { termId }, from, to))
    .filter((s) => activeDuring(s, from, to))
    .map(({ studentId, clubId, fromDate, toDate }) => ({ studentId, clubId, fromDate, toDate }));
}

/** Every membership of a child (the child's data export). */
export function membershipsOf(db: Db, studentId: number): Promise<Membership[]> {
  return spansOfStudent(db, studentId);
}

/** A child's memberships active on `date` (one per club), with why each began. */
export async function seatsOfChild(
  db: Db,
  studentId: number,
  date: string,
): Promise<{ clubId: number; reason: StartReasonT; roundId: number | null }[]> {
  const spans = (await spansDuring(db, { studentId }, date, date)).filter(
    (s) => clubsOf([s], studentId, date).length > 0,
  );
  const byClub = new Map(spans.map((s) => [s.clubId, { clubId: s.clubId, reason: s.reason, roundId: s.roundId }]));
  return [...byClub.values()];
}
export { clubMemberSpansSql, clubSpansSql } from "./sql";
