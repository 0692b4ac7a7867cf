// Writes to the ledger, each inside the caller's transaction: a round's
// publication, an accepted waitlist offer, a withdrawal. Dates come from the
// kernel (school today, the term's days); the rules from ./core.
import type { DataSource, EntityManager } from "typeorm";
import type { ChoiceRound } from "../choices";
import { localDate, schoolToday, schoolZone } from "../kernel";
import { alreadyHeld, closingDate, effectiveDate, publicationPlan, Seat, supersededBy } from "./core";
import type { EndReason } from "./entity";
import {
  closeSpan,
  insertSpans,
  roundAndTerm,
  openSpansOf,
  openSpansOfRound,
  openSpansOfStudents,
  roundHasSpans,
} from "./store";

/** The date a round's first publication starts its seats (see core effectiveDate). */
export async function roundStartDate(db: DataSource | EntityManager, round: Pick<ChoiceRound, "id">): Promise<string> {
  return (await roundDate(db, round.id, true)).date;
}

/** The date a change to a round's seats takes effect (see core effectiveDate). */
async function roundDate(
  em: DataSource | EntityManager,
  roundId: number,
  firstPublication: boolean,
): Promise<{ termId: number; date: string }> {
  const { round, term } = await roundAndTerm(em, roundId);
  const [today, zone] = await Promise.all([schoolToday(em), schoolZone(em)]);
  // A round opened since issue 18 has its date fixed (closing early does not move it).
  const roundClosed = round.effectiveDate ?? localDate(new Date(round.closesAt), zone);
  return {
    termId: term.id,
    date: effectiveDate({ termStart: term.startDate, termEnd: term.endDate, roundClosed, today, firstPublication }),
  };
}

/**
 * A round's run is published: seats it no longer gives end, new ones begin.
 * Other rounds' memberships stay (a top-up round adds to the first), except a
 * child's seat at the same hour as a new one (`slotsOf`: club id → its slots).
 * Seats the round gave through accepted offers stay (a republication keeps
 * them). Returns the other rounds' seats it ended, so their clubs can be offered on.
 */
export async function recordPublication(
  em: EntityManager,
  roundId: number,
  runId: number,
  seats: Seat[],
  slotsOf: Map<number, string[]>,
  at: string,
): Promise<(Seat & { roundId: number | null })[]> {
  const first = !(await roundHasSpans(em, roundId));
  const { termId, date } = await roundDate(em, roundId, first);
  const plan = publicationPlan(
    (await openSpansOfRound(em, roundId)).filter((s) => s.reason === "publication"),
    seats,
  );
  const elsewhere = (await openSpansOfStudents(em, [...new Set(plan.open.map((s) => s.studentId))])).filter(
    (s) => s.roundId !== roundId,
  );
  const opening = plan.open.filter((seat) => !alreadyHeld(elsewhere, seat));
  for (const span of plan.close) await closeSpan(em, span.id, closingDate(span, date), "publication", at);
  const superseded = supersededBy(elsewhere, opening, slotsOf);
  for (const span of superseded) await closeSpan(em, span.id, closingDate(span, date), "publication", at);
  await insertSpans(
    em,
    opening.map((s) => ({
      ...s,
      termId,
      fromDate: date,
      toDate: null,
      reason: "publication" as const,
      roundId,
      runId,
      offerId: null,
      createdAt: at,
    })),
  );
  return superseded.map((s) => ({ studentId: s.studentId, clubId: s.clubId, roundId: s.roundId }));
}

/** A family accepted an offered seat: it begins today, and the clubs it replaces end today. */
export async function recordOffer(
  em: EntityManager,
  o: { roundId: number; offerId: number; studentId: number; clubId: number; replacedClubIds: number[] },
  at: string,
): Promise<void> {
  const { termId, date } = await roundDate(em, o.roundId, false);
  await endSpans(em, o.studentId, o.replacedClubIds, date, "offer", at);
  await insertSpans(em, [
    {
      studentId: o.studentId,
      clubId: o.clubId,
      termId,
      fromDate: date,
      toDate: null,
      reason: "offer",
      roundId: o.roundId,
      runId: null,
      offerId: o.offerId,
      createdAt: at,
    },
  ]);
}

/** An admin withdrew a child from a club: the membership ends today. */
export async function recordWithdrawal(
  em: EntityManager,
  o: { roundId: number; studentId: number; clubId: number },
  at: string,
): Promise<void> {
  const { date } = await roundDate(em, o.roundId, false);
  await endSpans(em, o.studentId, [o.clubId], date, "withdrawal", at);
}

async function endSpans(
  em: EntityManager,
  studentId: number,
  clubIds: number[],
  date: string,
  reason: EndReason,
  at: string,
): Promise<void> {
  for (const span of await openSpansOf(em, studentId, clubIds))
    await closeSpan(em, span.id, closingDate(span, date), reason, at);
}

/**
 * Children left the school (archived as leavers): every club they still hold ends today.
 * Returns the clubs whose seats that frees, so the caller can offer them on.
 */
export async function recordLeaving(em: EntityManager, studentIds: number[], at: string): Promise<number[]> {
  const today = await schoolToday(em);
  const spans = await openSpansOfStudents(em, studentIds);
  for (const span of spans) await closeSpan(em, span.id, closingDate(span, today), "left", at);
  return [...new Set(spans.map((s) => s.clubId))].sort((a, b) => a - b);
}
