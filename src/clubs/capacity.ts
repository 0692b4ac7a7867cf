// The capacity guard and the over-full flag (the rule: core/capacity.ts). A
// club's capacity (maxSize) may not go below the members the ledger has for it
// on any date from today to the term's end; a club that already holds more
// (older data, a capacity set before the guard) is flagged wherever its fill is
// shown. Both ask the ledger for each club's peak over the same dates.
import type { DataSource, EntityManager } from "typeorm";
import type { Club, Term } from "../db";
import { dateInTerm, peakMembers } from "../membership";
import { schoolToday } from "../kernel";
import { belowMembers, isOverFull, type Peak } from "./core";

type Db = DataSource | EntityManager;

/** Too few seats for the members the club already has: the form says so on maxSize (400). */
export class BelowMembers extends Error {
  constructor(
    readonly clubId: number,
    readonly peak: Peak,
  ) {
    super("capacity below members");
  }
}

/** From today (or the term's start, before it) to the term's last day. */
export async function capacityDates(
  db: Db,
  term: Pick<Term, "startDate" | "endDate">,
): Promise<{ from: string; to: string }> {
  return { from: dateInTerm(await schoolToday(db), term.startDate, term.endDate), to: term.endDate };
}

/** Each club's most members on one of its remaining dates. */
export async function clubPeaks(
  db: Db,
  term: Pick<Term, "startDate" | "endDate">,
  clubIds: number[],
): Promise<Map<number, Peak>> {
  const { from, to } = await capacityDates(db, term);
  return peakMembers(db, clubIds, from, to);
}

/** The clubs holding more members than seats, with their peak (the over-full flag). */
export async function overFullClubs(
  db: Db,
  term: Pick<Term, "startDate" | "endDate">,
  clubs: Pick<Club, "id" | "maxSize">[],
): Promise<Map<number, Peak>> {
  const peaks = await clubPeaks(
    db,
    term,
    clubs.map((c) => c.id),
  );
  return new Map(
    clubs.flatMap((c) => {
      const peak = peaks.get(c.id);
      return peak && isOverFull(peak, c.maxSize) ? [[c.id, peak] as const] : [];
    }),
  );
}

/**
 * Refuses a lower capacity than the club's peak. Raising the capacity, or
 * keeping it, is never refused (an over-full club can still be edited, and
 * moved towards fitting).
 */
export async function refuseBelowMembers(
  em: EntityManager,
  term: Pick<Term, "startDate" | "endDate">,
  club: Pick<Club, "id" | "maxSize">,
  newMaxSize: number,
): Promise<void> {
  if (newMaxSize >= club.maxSize) return;
  const peak = (await clubPeaks(em, term, [club.id])).get(club.id)!;
  if (belowMembers(club.maxSize, newMaxSize, peak)) throw new BelowMembers(club.id, peak);
}
