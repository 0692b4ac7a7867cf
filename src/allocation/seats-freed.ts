// A seat freed other than by a withdrawal — the admin raised a club's
// capacity, a child left the school — goes to the waitlist the same way
// (offerNext), inside the caller's transaction so the change and its offers
// stand or fall together; each offer is audited by offerNext.
import type { EntityManager } from "typeorm";
import { schoolToday } from "../kernel";
import { clubsByIds, termsByIds } from "./store/school";
import { waitingForClubs } from "./store/placements";
import { offerNext } from "./waitlist-service";
import { lockRound, waitlistContext } from "./store/waitlist-context";

/** Offers the free seats of `clubIds` to each published round's waiting children. Returns the number of offers made. */
export async function offerFreedSeats(em: EntityManager, clubIds: number[], now: Date): Promise<number> {
  if (!clubIds.length) return 0;
  const today = await schoolToday(em);
  const clubs = await clubsByIds(em, clubIds);
  const terms = await termsByIds(em, [...new Set(clubs.map((c) => c.termId))]);
  // A term that is over offers nothing: its clubs no longer meet (the year's leavers leave after it).
  const running = new Set(terms.filter((t) => t.endDate >= today).map((t) => t.id));
  const open = clubs.filter((c) => running.has(c.termId)).map((c) => c.id);
  if (!open.length) return 0;
  const waiting = await waitingForClubs(em, open);
  let made = 0;
  // Rounds in id order, each locked first, as every waitlist change does.
  for (const roundId of [...new Set(waiting.map((w) => w.roundId))].sort((a, b) => a - b)) {
    if (!(await lockRound(em, roundId))) continue;
    const ctx = await waitlistContext(em, roundId);
    if (!ctx) continue;
    const mine = [...new Set(waiting.filter((w) => w.roundId === roundId).map((w) => w.clubId))].sort((a, b) => a - b);
    for (const clubId of mine) made += (await offerNext(em, ctx, clubId, now)).length;
  }
  return made;
}
