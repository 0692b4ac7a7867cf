// How many children each club of a term has, for the size rules (club-min-size,
// venue-capacity). Members exist once an allocation of one of the term's rounds is
// published (ClubPlacement rows, changed later by waitlist offers); before that the
// sizes are unknown and the rules fall back to capacity or stay quiet. When an admin
// is about to publish a run, the run's own result stands in for its round, so the
// warnings shown beside the publish button are the ones publishing will cause.
import type { DataSource } from "typeorm";
import { In } from "typeorm";
import { ClubPlacement } from "../../assignment/web/entities";
import { publishedRoundIds } from "../../attendance/club-members";
import { Club } from "../../db/entities";

/** A round's result as club code → children, e.g. an unpublished allocation run's assignments. */
export interface PendingRound { roundId: number; assignments: Record<string, string[]> }

/** Members by club id, or null while no round of the term is published (and none is pending). */
export async function clubMemberCounts(ds: DataSource, termId: number, pending?: PendingRound): Promise<Map<number, number> | null> {
  const published = (await publishedRoundIds(ds, termId)).filter((id) => id !== pending?.roundId);
  if (published.length === 0 && !pending) return null;
  const counts = new Map<number, number>();
  const add = (clubId: number, n = 1) => counts.set(clubId, (counts.get(clubId) ?? 0) + n);
  if (published.length) {
    const rows = await ds.getRepository(ClubPlacement).find({ where: { roundId: In(published) }, select: { clubId: true } });
    for (const r of rows) add(r.clubId);
  }
  if (pending) {
    const clubs = await ds.getRepository(Club).find({ where: { termId }, select: { id: true, code: true } });
    const idOf = new Map(clubs.map((c) => [c.code, c.id]));
    for (const codes of Object.values(pending.assignments)) for (const code of codes) if (idOf.has(code)) add(idOf.get(code)!);
  }
  return counts;
}
