// Publishing flips which run families see for a round, atomically: one
// transaction replaces the round's placements, waitlists and offers with the
// run's result (seats taken through accepted offers stay), points the
// publication at the run and notifies every family in it (on a republication,
// only the families whose place changed, with what changed). Only a closed
// round is published (or one the admin closes now, confirmed), and never one
// a later round of the term has built on. Before it commits families see the old state (or nothing); after,
// everyone sees the new one at once.
import type { DataSource, EntityManager } from "typeorm";
import { type ChoiceRound, closeRoundIn } from "../choices";
import { inTransaction, nowIso } from "../db";
import { Actor, recordAudit } from "../audit";
import { notifyMany } from "../notifications";
import type { AllocationPublication, AllocationRun } from "./entities";
import { roundByIdOrFail, roundsOfTerm } from "./store/school";
import {
  bumpPublication,
  insertPublication,
  isPublished,
  pointPublication,
  publicationOf as publicationRow,
  publicationsOf,
} from "./store/runs";
import { clearForPublication, deletePlacement, insertEntries, insertPlacements } from "./store/placements";
import { allocationBlockers, PolicyBlockers } from "./publish-blockers";
import { recordPublication } from "../membership";
import { laterRounds, roundState } from "../choices/core";
import { lockRound, waitlistContext } from "./store/waitlist-context";
import { offerNext } from "./waitlist-service";
import { planPublication, type PlaceChange } from "./store/publication-plan";

export class PublishBlocked extends Error {
  constructor(readonly blockers: PolicyBlockers) {
    super("publishing blocked by policy errors");
  }
}

/** The round is still open: families may still change their lists (issue 18). */
export class RoundStillOpen extends Error {
  constructor() {
    super("the round is still open");
  }
}

/** A later round of the term is published: this one's seats are what the later round built on. */
export class RoundLocked extends Error {
  constructor(readonly laterRound: string) {
    super("a later round is published");
  }
}

/** A republication changes children's places: the admin sees them (old → new) and confirms first. */
export class ChangesToConfirm extends Error {
  constructor(readonly changes: PlaceChange[]) {
    super("republication changes places");
  }
}

export interface PublishRequest {
  overrideReason: string | null;
  /** "Close now and publish", confirmed: an open round is closed in the same transaction. */
  closeNow?: boolean;
  /** The admin saw the list of changed places and confirmed it. */
  confirmChanges?: boolean;
}

export async function publishRun(
  ds: DataSource,
  run: AllocationRun,
  request: PublishRequest,
  actor: Actor,
): Promise<void> {
  const round = await roundByIdOrFail(ds, run.roundId);
  await checkPublishable(ds.manager, round, request);
  const blockers = await allocationBlockers(ds, round.termId, run);
  if (blockers.errors > 0 && !request.overrideReason) throw new PublishBlocked(blockers);
  if (!request.confirmChanges && (await isPublished(ds, round.id))) {
    const changes = (await planPublication(ds.manager, round, run)).changes;
    if (changes.length) throw new ChangesToConfirm(changes);
  }
  await inTransaction(ds, async (em) => {
    const at = nowIso();
    const previous = await publicationRow(em, round.id);
    // Taking the round's lock first keeps waitlist changes from interleaving with the flip.
    if (previous) await bumpPublication(em, round.id);
    // Checked again under the lock: the round may have been published or closed meanwhile.
    await checkPublishable(em, round, request);
    if (roundState(round, at) === "open") await closeRoundIn(em, round.id, actor);
    const plan = await planPublication(em, round, run);
    // Seats families took through accepted offers stay; the run's own seats are replaced.
    await clearForPublication(em, round.id);
    await insertPlacements(
      em,
      plan.placements.map((p) => ({ ...p, createdAt: at })),
    );
    // The ledger is what everyone reads: this round's seats, next to other rounds' members.
    const released = await recordPublication(em, round.id, run.id, plan.placements, plan.slotsOf, at);
    await insertEntries(
      em,
      plan.entries.filter((e) => !plan.acceptedEntries.has(`${e.clubId}:${e.studentId}`)),
    );
    if (previous)
      await pointPublication(em, previous.id, { runId: run.id, publishedAt: at, publishedById: actorId(actor) });
    else
      await insertPublication(em, {
        roundId: round.id,
        runId: run.id,
        publishedAt: at,
        publishedById: actorId(actor),
        version: 0,
      });
    await offerReleasedSeats(em, released, at);
    if (previous) {
      // Only families whose place changed hear again, and they hear what changed.
      await notifyMany(
        em,
        plan.changes.map((c) => ({
          familyId: c.familyId,
          kind: "placement.changed",
          payload: {
            round: round.name,
            child: c.name,
            from: c.from.join("、") || "—",
            to: c.to.join("、") || "—",
            link: "/results",
          },
        })),
        at,
      );
    } else {
      const families = [...new Set(plan.families)];
      await notifyMany(
        em,
        families.map((familyId) => ({
          familyId,
          kind: "results.published",
          payload: { round: round.name, link: "/results" },
        })),
        at,
      );
    }
    await recordAudit(em, actor, {
      action: "allocation.publish",
      entity: "allocation_run",
      entityId: run.id,
      reason: request.overrideReason,
      details: {
        roundId: round.id,
        previousRunId: previous?.runId ?? null,
        placements: plan.placements.length,
        waitlisted: plan.entries.length,
        policyErrors: blockers.errors,
        policyWarnings: blockers.warnings,
        overridden: blockers.errors > 0,
        changed: previous ? plan.changes.length : null,
        released: released.length,
        closedNow: request.closeNow === true,
      },
    });
  });
}

/** The places a republication would change (old → new), for the admin's confirmation. */
export async function publicationChanges(ds: DataSource, run: AllocationRun): Promise<PlaceChange[]> {
  const round = await roundByIdOrFail(ds, run.roundId);
  return (await planPublication(ds.manager, round, run)).changes;
}

async function checkPublishable(em: EntityManager, round: ChoiceRound, request: PublishRequest): Promise<void> {
  const current = await roundByIdOrFail(em, round.id);
  if (roundState(current, nowIso()) !== "closed" && !request.closeNow) throw new RoundStillOpen();
  const later = laterRounds(await roundsOfTerm(em, round.termId), round);
  const published = later.length
    ? await publicationsOf(
        em,
        later.map((r) => r.id),
      )
    : [];
  if (published.length) throw new RoundLocked(later.find((r) => r.id === published[0].roundId)!.name);
}

/** Another round's child moved here at the same hour (a swap): the seat left behind goes to that round's waitlist. */
async function offerReleasedSeats(
  em: EntityManager,
  released: { studentId: number; clubId: number; roundId: number | null }[],
  at: string,
): Promise<void> {
  for (const seat of released) {
    if (seat.roundId == null) continue;
    await deletePlacement(em, seat.roundId, seat.studentId, seat.clubId);
    if (!(await lockRound(em, seat.roundId))) continue;
    const ctx = await waitlistContext(em, seat.roundId);
    if (ctx) await offerNext(em, ctx, seat.clubId, new Date(at));
  }
}

export function publicationOf(ds: DataSource, roundId: number): Promise<AllocationPublication | null> {
  return publicationRow(ds, roundId);
}

const actorId = (actor: Actor): number | null => (actor.kind === "staff" ? actor.id : null);
