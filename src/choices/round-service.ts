// Opening, editing and closing a choice round; each change audit-logged in
// the same transaction.
import type { DataSource, EntityManager } from "typeorm";
import { nowIso, inTransaction } from "../db";
import { Actor, recordAudit } from "../audit";
import { HttpError, fieldError } from "../http";
import type { ChoiceRound } from "./entities";
import type { RoundFormData } from "./round-form";
import { currentTerm } from "./store/round-lookup";
import { insertRound, openClubsOfTerm, roundById, roundsOfTerm, saveRound, termById } from "./store/rounds";
import { localDate, schoolZone } from "../kernel";
import { fixedEffectiveDate, overlappingRound, roundState } from "./core";
import { announceIfOpen } from "./round-notice-service";

// A round that overlaps another on a club, or names a club the term does not offer, fails the form (400).
async function checkOverlap(em: EntityManager, termId: number, data: RoundFormData, selfId?: number): Promise<void> {
  const clubs = await openClubsOfTerm(em, termId);
  const other = overlappingRound(await roundsOfTerm(em, termId), data, clubs, selfId);
  if (other) throw fieldError(data.clubIds ? "clubIds" : "grades", "choices.validation.overlap", { name: other.name });
  if (data.clubIds && !data.clubIds.every((id) => clubs.some((c) => c.id === id)))
    throw fieldError("clubIds", "choices.validation.clubIds");
}

async function effectiveDateOf(em: EntityManager, termId: number, closesAt: string): Promise<string> {
  const term = await termById(em, termId);
  return fixedEffectiveDate(localDate(new Date(closesAt), await schoolZone(em)), term);
}

export async function createRound(ds: DataSource, data: RoundFormData, actor: Actor): Promise<ChoiceRound> {
  return inTransaction(ds, async (em) => {
    const term = await currentTerm(em);
    if (!term) throw new HttpError(409, "choices.admin.noTerm");
    await checkOverlap(em, term.id, data);
    const now = nowIso();
    const effectiveDate = await effectiveDateOf(em, term.id, data.closesAt);
    const round = await insertRound(em, { ...data, termId: term.id, effectiveDate, createdAt: now, updatedAt: now });
    await recordAudit(em, actor, {
      action: "round.create",
      entity: "choice_round",
      entityId: round.id,
      details: { ...data },
    });
    await announceIfOpen(em, round, now);
    return round;
  });
}

export async function updateRound(
  ds: DataSource,
  id: number,
  data: RoundFormData,
  actor: Actor,
): Promise<ChoiceRound | null> {
  return inTransaction(ds, async (em) => {
    const round = await roundById(em, id);
    if (!round) return null;
    await checkOverlap(em, round.termId, data, id);
    const before = {
      opensAt: round.opensAt,
      closesAt: round.closesAt,
      grades: round.grades,
      minChoices: round.minChoices,
      maxChoices: round.maxChoices,
    };
    // The effective date is fixed once the round has opened (families have seen its seats).
    const fixed =
      roundState(round, nowIso()) === "upcoming" || !round.effectiveDate
        ? await effectiveDateOf(em, round.termId, data.closesAt)
        : round.effectiveDate;
    Object.assign(round, data, { effectiveDate: fixed, updatedAt: nowIso() });
    await saveRound(em, round);
    await recordAudit(em, actor, {
      action: "round.update",
      entity: "choice_round",
      entityId: id,
      details: { before, after: { ...data } },
    });
    // Moving the opening to now or earlier opens the round: its families hear in this transaction.
    await announceIfOpen(em, round, round.updatedAt);
    return round;
  });
}

// Closing early moves the deadline to now: from then on the server refuses family posts.
export async function closeRound(ds: DataSource, id: number, actor: Actor): Promise<ChoiceRound | null> {
  return inTransaction(ds, (em) => closeRoundIn(em, id, actor));
}

/** closeRound inside the caller's transaction ("close now and publish" closes and publishes at once). */
export async function closeRoundIn(em: EntityManager, id: number, actor: Actor): Promise<ChoiceRound | null> {
  const round = await roundById(em, id);
  if (!round) return null;
  const now = nowIso();
  if (roundState(round, now) !== "open") throw new HttpError(409, "choices.admin.notOpen");
  const was = round.closesAt;
  round.closesAt = now;
  round.updatedAt = now;
  await saveRound(em, round);
  await recordAudit(em, actor, {
    action: "round.close",
    entity: "choice_round",
    entityId: id,
    details: { plannedClosesAt: was, closedAt: now },
  });
  return round;
}
