// Expired offers are kept in the database, not in a timer, so any app
// instance can process them: lazily on every relevant request, and on an
// interval through sweepExpiredOffers (the lead wires the interval).
// Safe to run twice and from two instances at once: each offer is flipped by
// a conditional UPDATE (status = 'open' AND expiresAt < now) after the round
// is locked, and only the transaction whose UPDATE changed the row acts on it.
import type { DataSource } from "typeorm";
import { inTransaction } from "../db";
import { dueOffers, offerById } from "./store/placements";
import { expireOffer } from "./waitlist-service";
import { lockRound, waitlistContext } from "./store/waitlist-context";

/** Expires every open offer past its time and moves each seat on. Returns how many this call expired. */
export async function sweepExpiredOffers(ds: DataSource, now: Date = new Date()): Promise<number> {
  const due = await dueOffers(ds, now.toISOString());
  let expired = 0;
  // One transaction per offer: a long backlog never holds one long lock.
  for (const { id } of due) {
    const done = await inTransaction(ds, async (em) => {
      const offer = await offerById(em, id);
      if (!offer || offer.status !== "open") return false;
      await lockRound(em, offer.roundId);
      const ctx = await waitlistContext(em, offer.roundId);
      return ctx ? expireOffer(em, ctx, offer, now) : false;
    });
    if (done) expired++;
  }
  return expired;
}
