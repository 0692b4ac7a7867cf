// How many children each club of a term has, for the size rules (club-min-size,
// venue-capacity): its members today (the term's first or last day outside it) in
// the membership ledger, every published round's, each child once. Members exist
// once an allocation of one of the term's rounds is published; before that the
// sizes are unknown and the rules fall back to capacity or stay quiet. When an admin
// is about to publish a run, the run's own result stands in for its round, so the
// warnings shown beside the publish button are the ones publishing will cause.
import type { DataSource } from "typeorm";
import { publishedRoundIds } from "../../attendance";
import { Club, Term } from "../../db";
import { schoolToday } from "../../kernel";
import { dateInTerm, memberCountsOn } from "../../membership";

/** A round's result as club code → children, e.g. an unpublished allocation run's assignments. */
export interface PendingRound {
  roundId: number;
  assignments: Record<string, string[]>;
}

/** Members by club id, or null while no round of the term is published (and none is pending). */
export async function clubMemberCounts(
  ds: DataSource,
  termId: number,
  pending?: PendingRound,
): Promise<Map<number, number> | null> {
  const published = (await publishedRoundIds(ds, termId)).filter((id) => id !== pending?.roundId);
  if (published.length === 0 && !pending) return null;
  const term = await ds.getRepository(Term).findOneByOrFail({ id: termId });
  const date = dateInTerm(await schoolToday(ds), term.startDate, term.endDate);
  // A pending run's round stands in for its own published seats.
  const counts = published.length
    ? await memberCountsOn(ds, termId, date, pending?.roundId)
    : new Map<number, number>();
  const add = (clubId: number, n = 1) => counts.set(clubId, (counts.get(clubId) ?? 0) + n);
  if (pending) {
    const clubs = await ds.getRepository(Club).find({ where: { termId }, select: { id: true, code: true } });
    const idOf = new Map(clubs.map((c) => [c.code, c.id]));
    for (const codes of Object.values(pending.assignments))
      for (const code of codes) if (idOf.has(code)) add(idOf.get(code)!);
  }
  return counts;
}
