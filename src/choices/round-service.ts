// Opening, editing and closing a choice round; each change audit-logged in
// the same transaction.
import type { DataSource, EntityManager } from "typeorm";
import { nowIso, inTransaction, Club, Term } from "../db";
import { Actor, recordAudit } from "../audit/audit-service";
import { HttpError } from "../http/errors";
import { ChoiceRound } from "./entities";
import type { RoundFormData } from "./round-form";
import { currentTerm, roundState } from "./store/round-lookup";
import { localDate, schoolZone } from "../kernel";
import { coversClub, fixedEffectiveDate } from "./core/term-rounds";

export class RoundFieldError extends Error {
  constructor(readonly field: string, readonly key: string, readonly params: Record<string, unknown> = {}) { super(key); }
}

type Window = Pick<ChoiceRound, "opensAt" | "closesAt" | "grades" | "clubIds">;

// Two rounds open at once covering one club would leave a family not knowing
// which list counts (and offer that club's seats twice). Rounds that name
// different clubs may run side by side (issue 18: a top-up for a few clubs).
export function overlappingRound(rounds: ChoiceRound[], r: Window, clubs: { id: number; grades: number[] }[], selfId?: number): ChoiceRound | null {
  const timesMeet = (o: ChoiceRound) => o.opensAt < r.closesAt && r.opensAt < o.closesAt;
  const shareClub = (o: ChoiceRound) => clubs.some((c) => coversClub(o, c) && coversClub(r, c));
  return rounds.find((o) => o.id !== selfId && timesMeet(o) && shareClub(o)) ?? null;
}

async function checkOverlap(em: EntityManager, termId: number, data: RoundFormData, selfId?: number): Promise<void> {
  const clubs = await em.getRepository(Club).find({ select: { id: true, grades: true }, where: { termId, cancelled: false } });
  const other = overlappingRound(await em.getRepository(ChoiceRound).findBy({ termId }), data, clubs, selfId);
  if (other) throw new RoundFieldError(data.clubIds ? "clubIds" : "grades", "choices.validation.overlap", { name: other.name });
  if (data.clubIds && !data.clubIds.every((id) => clubs.some((c) => c.id === id))) throw new RoundFieldError("clubIds", "choices.validation.clubIds");
}

async function effectiveDateOf(em: EntityManager, termId: number, closesAt: string): Promise<string> {
  const term = await em.getRepository(Term).findOneByOrFail({ id: termId });
  return fixedEffectiveDate(localDate(new Date(closesAt), await schoolZone(em)), term);
}

export async function createRound(ds: DataSource, data: RoundFormData, actor: Actor): Promise<ChoiceRound> {
  return inTransaction(ds, async (em) => {
    const term = await currentTerm(em);
    if (!term) throw new HttpError(409, "choices.admin.noTerm");
    await checkOverlap(em, term.id, data);
    const now = nowIso();
    const repo = em.getRepository(ChoiceRound);
    const effectiveDate = await effectiveDateOf(em, term.id, data.closesAt);
    const round = await repo.save(repo.create({ ...data, termId: term.id, effectiveDate, createdAt: now, updatedAt: now }));
    await recordAudit(em, actor, { action: "round.create", entity: "choice_round", entityId: round.id, details: { ...data } });
    return round;
  });
}

export async function updateRound(ds: DataSource, id: number, data: RoundFormData, actor: Actor): Promise<ChoiceRound | null> {
  return inTransaction(ds, async (em) => {
    const repo = em.getRepository(ChoiceRound);
    const round = await repo.findOneBy({ id });
    if (!round) return null;
    await checkOverlap(em, round.termId, data, id);
    const before = { opensAt: round.opensAt, closesAt: round.closesAt, grades: round.grades, minChoices: round.minChoices, maxChoices: round.maxChoices };
    // The effective date is fixed once the round has opened (families have seen its seats).
    const fixed = roundState(round, nowIso()) === "upcoming" || !round.effectiveDate ? await effectiveDateOf(em, round.termId, data.closesAt) : round.effectiveDate;
    Object.assign(round, data, { effectiveDate: fixed, updatedAt: nowIso() });
    await repo.save(round);
    await recordAudit(em, actor, { action: "round.update", entity: "choice_round", entityId: id, details: { before, after: { ...data } } });
    return round;
  });
}

// Closing early moves the deadline to now: from then on the server refuses family posts.
export async function closeRound(ds: DataSource, id: number, actor: Actor): Promise<ChoiceRound | null> {
  return inTransaction(ds, (em) => closeRoundIn(em, id, actor));
}

/** closeRound inside the caller's transaction ("close now and publish" closes and publishes at once). */
export async function closeRoundIn(em: EntityManager, id: number, actor: Actor): Promise<ChoiceRound | null> {
  const repo = em.getRepository(ChoiceRound);
  const round = await repo.findOneBy({ id });
  if (!round) return null;
  const now = nowIso();
  if (roundState(round, now) !== "open") throw new HttpError(409, "choices.admin.notOpen");
  const was = round.closesAt;
  round.closesAt = now;
  round.updatedAt = now;
  await repo.save(round);
  await recordAudit(em, actor, { action: "round.close", entity: "choice_round", entityId: id, details: { plannedClosesAt: was, closedAt: now } });
  return round;
}
