// Waitlists after publication. A freed seat goes, as an OFFER that expires, to
// the first waitlisted child who fits (seatPlan: a free slot under their limit,
// or an upgrade from a lower-ranked club at that time); accepting takes the
// seat (and frees the old one, which is offered on), declining or letting it
// expire moves the offer on. Each change runs in one transaction
// that first locks the round (lockRound), and is audit-logged; the family is
// notified in the same transaction, so it sees the offer the moment it exists.
import type { DataSource, EntityManager } from "typeorm";
import { inTransaction } from "../db";
import { Actor, recordAudit, SYSTEM } from "../audit";
import { notify } from "../notifications";
import type { WaitlistOffer } from "./entities";
import { clubByIdOrFail, clubsByIds, roundByIdOrFail, studentByIdOrFail } from "./store/school";
import {
  answerOpenOffer,
  deletePlacementById,
  deletePlacements,
  expireDueOffer,
  insertOffer,
  insertPlacement,
  offerByIdOrFail,
  placementOf,
  setEntryStatus,
  waitingForClub,
} from "./store/placements";
import { recordOffer, recordWithdrawal } from "../membership";
import {
  freeSeats,
  lockRound,
  offerHours,
  seatPlan,
  waitlistContext,
  WaitlistContext,
  waitlistStopped,
} from "./store/waitlist-context";

const HOUR = 3600 * 1000;

/** Offers every free seat of a club to the first waiting children who fit. Returns the offers made. */
export async function offerNext(
  em: EntityManager,
  ctx: WaitlistContext,
  clubId: number,
  now: Date,
): Promise<WaitlistOffer[]> {
  const made: WaitlistOffer[] = [];
  if (await waitlistStopped(em, ctx.roundId, clubId, now)) return made;
  let free = await freeSeats(em, ctx, clubId);
  if (free <= 0) return made;
  const waiting = await waitingForClub(em, ctx.roundId, clubId);
  const hours = await offerHours(em);
  for (const entry of waiting) {
    if (free <= 0) break;
    // A child who does not fit now (no free slot, at their limit) keeps their place for later.
    const plan = await seatPlan(em, ctx, entry.studentId, clubId);
    if (!plan.fits) continue;
    const offer = await insertOffer(em, {
      roundId: ctx.roundId,
      clubId,
      studentId: entry.studentId,
      entryId: entry.id,
      status: "open",
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + hours * HOUR).toISOString(),
      respondedAt: null,
    });
    await setEntryStatus(em, entry.id, "offered");
    const [student, club] = await Promise.all([studentByIdOrFail(em, entry.studentId), clubByIdOrFail(em, clubId)]);
    const from = plan.replaces.length ? (await clubsByIds(em, plan.replaces)).map((c) => c.name).join("、") : null;
    await notify(
      em,
      student.familyId,
      "waitlist.offer",
      {
        // i18next picks the "move" wording (waitlist.offer_move) when the seat replaces another.
        ...(from ? { context: "move" } : {}),
        offerId: offer.id,
        child: student.name,
        club: club.name,
        from,
        expiresAt: offer.expiresAt,
        link: `/offers/${offer.id}`,
      },
      now.toISOString(),
    );
    await recordAudit(em, SYSTEM, {
      action: "waitlist.offer",
      entity: "waitlist_offer",
      entityId: offer.id,
      details: {
        roundId: ctx.roundId,
        clubId,
        studentId: entry.studentId,
        position: entry.position,
        expiresAt: offer.expiresAt,
        replaces: plan.replaces,
      },
    });
    made.push(offer);
    free--;
  }
  return made;
}

export type WithdrawOutcome = "withdrawn" | "not-placed";

/** A child leaves a club (family or admin); the seat is offered on at once. */
export async function withdrawPlacement(
  ds: DataSource,
  roundId: number,
  studentId: number,
  clubId: number,
  actor: Actor,
  reason: string | null,
  now = new Date(),
): Promise<WithdrawOutcome> {
  return inTransaction(ds, async (em) => {
    await lockRound(em, roundId);
    const placement = await placementOf(em, roundId, studentId, clubId);
    if (!placement) return "not-placed";
    await deletePlacementById(em, placement.id);
    await recordWithdrawal(em, { roundId, studentId, clubId }, now.toISOString());
    await recordAudit(em, actor, {
      action: "placement.withdraw",
      entity: "club_placement",
      entityId: placement.id,
      reason,
      details: { roundId, studentId, clubId, source: placement.source },
    });
    // The school changed a published place: the family hears what changed (its own withdrawal needs no notice).
    if (actor.kind !== "family") await noticeWithdrawal(em, roundId, studentId, clubId, now);
    const ctx = await waitlistContext(em, roundId);
    if (ctx) await offerNext(em, ctx, clubId, now);
    return "withdrawn";
  });
}

async function noticeWithdrawal(
  em: EntityManager,
  roundId: number,
  studentId: number,
  clubId: number,
  now: Date,
): Promise<void> {
  // One after another: a transaction's queries share one connection.
  const student = await studentByIdOrFail(em, studentId);
  const club = await clubByIdOrFail(em, clubId);
  const round = await roundByIdOrFail(em, roundId);
  await notify(
    em,
    student.familyId,
    "placement.changed",
    { round: round.name, child: student.name, from: club.name, to: "—", link: "/results" },
    now.toISOString(),
  );
}

export type OfferOutcome = "accepted" | "declined" | "expired" | "no-longer-fits" | "closed";

/**
 * The family answers an offer. The flip is conditional (WHERE status = 'open')
 * so an answer racing an expiry sweep acts once; an offer past its time is
 * expired here rather than accepted, whatever the sweep has done so far.
 */
export async function answerOffer(
  ds: DataSource,
  offer: WaitlistOffer,
  accept: boolean,
  actor: Actor,
  now = new Date(),
): Promise<OfferOutcome> {
  return inTransaction(ds, async (em) => {
    await lockRound(em, offer.roundId);
    const current = await offerByIdOrFail(em, offer.id);
    if (current.status !== "open") return current.status === "expired" ? "expired" : "closed";
    const ctx = await waitlistContext(em, offer.roundId);
    if (!ctx) return "closed";
    if (current.expiresAt < now.toISOString()) {
      await expireOffer(em, ctx, current, now);
      return "expired";
    }
    const plan = await seatPlan(em, ctx, current.studentId, current.clubId);
    if (accept && !plan.fits) return "no-longer-fits";
    const status = accept ? "accepted" : "declined";
    if (!(await answerOpenOffer(em, current.id, status, now.toISOString()))) return "closed";
    await setEntryStatus(em, current.entryId, status);
    const replaced = accept ? plan.replaces : [];
    if (accept) {
      // An upgrade: the child leaves the lower-ranked club(s) meeting at the same time.
      if (replaced.length) await deletePlacements(em, current.roundId, current.studentId, replaced);
      await insertPlacement(em, {
        roundId: current.roundId,
        studentId: current.studentId,
        clubId: current.clubId,
        source: "offer",
        createdAt: now.toISOString(),
      });
      await recordOffer(
        em,
        {
          roundId: current.roundId,
          offerId: current.id,
          studentId: current.studentId,
          clubId: current.clubId,
          replacedClubIds: replaced,
        },
        now.toISOString(),
      );
    }
    await recordAudit(em, actor, {
      action: accept ? "waitlist.accept" : "waitlist.decline",
      entity: "waitlist_offer",
      entityId: current.id,
      details: { roundId: current.roundId, clubId: current.clubId, studentId: current.studentId, replaced },
    });
    if (!accept) await offerNext(em, ctx, current.clubId, now);
    // Each seat the move freed goes on to that club's waitlist, in the same transaction.
    for (const clubId of replaced) await offerNext(em, ctx, clubId, now);
    return accept ? "accepted" : "declined";
  });
}

/**
 * Flips one open, past-due offer to expired and moves the seat on. Returns
 * false (and does nothing) when another transaction flipped it first.
 */
export async function expireOffer(
  em: EntityManager,
  ctx: WaitlistContext,
  offer: WaitlistOffer,
  now: Date,
): Promise<boolean> {
  if (!(await expireDueOffer(em, offer.id, now.toISOString()))) return false;
  await setEntryStatus(em, offer.entryId, "expired");
  const [student, club] = await Promise.all([studentByIdOrFail(em, offer.studentId), clubByIdOrFail(em, offer.clubId)]);
  await notify(
    em,
    student.familyId,
    "waitlist.offerExpired",
    { offerId: offer.id, child: student.name, club: club.name },
    now.toISOString(),
  );
  await recordAudit(em, SYSTEM, {
    action: "waitlist.expire",
    entity: "waitlist_offer",
    entityId: offer.id,
    details: { roundId: offer.roundId, clubId: offer.clubId, studentId: offer.studentId, expiresAt: offer.expiresAt },
  });
  await offerNext(em, ctx, offer.clubId, now);
  return true;
}
