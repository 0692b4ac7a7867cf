// Opening, editing and closing a choice round; each change audit-logged in
// the same transaction.
import type { DataSource, EntityManager } from "typeorm";
import { nowIso } from "../db/entities/columns";
import { inTransaction } from "../db/transaction";
import { Actor, recordAudit } from "../audit/audit-service";
import { HttpError } from "../web/errors";
import { ChoiceRound } from "./entities";
import type { RoundFormData } from "./round-form";
import { currentTerm, roundState } from "./round-lookup";

export class RoundFieldError extends Error {
  constructor(readonly field: string, readonly key: string, readonly params: Record<string, unknown> = {}) { super(key); }
}

// Two rounds open at once for one grade would leave a family not knowing which list counts.
export function overlappingRound(rounds: ChoiceRound[], r: Pick<ChoiceRound, "opensAt" | "closesAt" | "grades">, selfId?: number): ChoiceRound | null {
  return rounds.find((o) => o.id !== selfId && o.opensAt < r.closesAt && r.opensAt < o.closesAt && o.grades.some((g) => r.grades.includes(g))) ?? null;
}

async function checkOverlap(em: EntityManager, termId: number, data: RoundFormData, selfId?: number): Promise<void> {
  const other = overlappingRound(await em.getRepository(ChoiceRound).findBy({ termId }), data, selfId);
  if (other) throw new RoundFieldError("grades", "choices.validation.overlap", { name: other.name });
}

export async function createRound(ds: DataSource, data: RoundFormData, actor: Actor): Promise<ChoiceRound> {
  return inTransaction(ds, async (em) => {
    const term = await currentTerm(em);
    if (!term) throw new HttpError(409, "choices.admin.noTerm");
    await checkOverlap(em, term.id, data);
    const now = nowIso();
    const repo = em.getRepository(ChoiceRound);
    const round = await repo.save(repo.create({ ...data, termId: term.id, createdAt: now, updatedAt: now }));
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
    Object.assign(round, data, { updatedAt: nowIso() });
    await repo.save(round);
    await recordAudit(em, actor, { action: "round.update", entity: "choice_round", entityId: id, details: { before, after: { ...data } } });
    return round;
  });
}

// Closing early moves the deadline to now: from then on the server refuses family posts.
export async function closeRound(ds: DataSource, id: number, actor: Actor): Promise<ChoiceRound | null> {
  return inTransaction(ds, async (em) => {
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
  });
}
