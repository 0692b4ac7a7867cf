// Saving one child's ranked list and weekday opt-in: one transaction that
// checks the deadline, the version the form was built from, and the round's
// rules, then writes the Preference, the ServiceEnrollment and the audit entry.
import type { DataSource, EntityManager } from "typeorm";
import { ServiceEnrollment, Student, nowIso, inTransaction } from "../db";
import { Actor, recordAudit } from "../audit/audit-service";
import type { FieldErrors } from "../http/form-kit";
import { ChoiceRound, Preference } from "./entities";
import { loadClubOffer } from "./store/club-offer";
import { checkSubmission } from "./core/preference-rules";
import type { PreferenceInput } from "./preference-form";
import { findChild, roundState } from "./store/round-lookup";
import { coversClub } from "./core/term-rounds";
import { clubsOn, roundStartDate } from "../membership";

export type EnteredBy = { kind: "family" } | { kind: "staff"; staffId: number };

export class RoundClosedError extends Error {
  constructor(readonly round: ChoiceRound, readonly state: "upcoming" | "closed") { super(`round ${round.id} is ${state}`); }
}
export class InvalidPreferenceError extends Error {
  constructor(readonly errors: FieldErrors) { super(`invalid: ${Object.keys(errors).join(", ")}`); }
}
/** Someone saved since this form was rendered; `current` is what is saved now. */
export class StaleVersionError extends Error {
  constructor(readonly current: Preference | null) { super("stale preference version"); }
}

// Siblings can only be placed together if the family has another child in the round.
export async function siblingsInRound(em: Pick<EntityManager, "getRepository">, round: ChoiceRound, familyId: number): Promise<number> {
  const children = await em.getRepository(Student).find({ where: { familyId, archived: false }, relations: { schoolClass: true } });
  return children.filter((c) => round.grades.includes(c.schoolClass.grade)).length;
}

export async function savePreference(ds: DataSource, roundId: number, studentId: number, input: PreferenceInput, by: EnteredBy, actor: Actor): Promise<Preference> {
  try {
    return await inTransaction(ds, (em) => saveIn(em, roundId, studentId, input, by, actor));
  } catch (err) {
    // Two first submissions at once: the unique (round, student) index refuses the second.
    if (isUniqueViolation(err)) throw new StaleVersionError(await ds.getRepository(Preference).findOneBy({ roundId, studentId }));
    throw err;
  }
}

async function saveIn(em: EntityManager, roundId: number, studentId: number, input: PreferenceInput, by: EnteredBy, actor: Actor): Promise<Preference> {
  const round = await em.getRepository(ChoiceRound).findOneBy({ id: roundId });
  const child = await findChild(em, studentId);
  if (!round || !child || !round.grades.includes(child.grade)) throw new InvalidPreferenceError({ studentId: { key: "choices.validation.notInRound" } });
  const now = nowIso();
  const state = roundState(round, now);
  if (state !== "open") throw new RoundClosedError(round, state);
  const repo = em.getRepository(Preference);
  const existing = await repo.findOneBy({ roundId, studentId });
  if (existing && existing.version !== input.version) throw new StaleVersionError(existing);

  // A top-up offers only the clubs it covers (issue 18).
  const clubs = new Map((await loadClubOffer(em, round.termId)).filter((c) => coversClub(round, c)).map((c) => [c.id, c]));
  const errors = checkSubmission(input, { round, clubs, grade: child.grade });
  // A swap names clubs the child holds when the round's seats start; nothing else can be given up.
  const swap = input.swap ?? [];
  if (swap.length) {
    const held = await clubsOn(em, studentId, await roundStartDate(em, round));
    if (!swap.every((id) => held.includes(id))) errors.swap ??= { key: "choices.validation.swap" };
  }
  if (Object.keys(errors).length) throw new InvalidPreferenceError(errors);

  const together = input.placeWithSiblings && (await siblingsInRound(em, round, child.familyId)) > 1;
  const values = {
    clubIds: input.ranks.map((r) => r.clubId!), maxClubs: input.maxClubs, placeWithSiblings: together, swapClubIds: swap.length ? swap : null,
    source: by.kind, enteredByStaffId: by.kind === "staff" ? by.staffId : null, updatedAt: now,
  };
  let saved: Preference;
  if (existing) {
    // The version in the WHERE makes the check and the write one step: a
    // parent whose save raced ours changes no row and is told so.
    const result = await repo.createQueryBuilder().update(Preference)
      .set({ ...values, version: () => `"version" + 1` })
      .where("id = :id AND version = :version", { id: existing.id, version: existing.version }).execute();
    if (result.affected !== 1) throw new StaleVersionError(await repo.findOneBy({ id: existing.id }));
    saved = await repo.findOneByOrFail({ id: existing.id });
  } else {
    saved = await repo.save(repo.create({ roundId, studentId, ...values, submittedAt: now, version: 1 }));
  }
  await saveEnrollment(em, round.termId, studentId, input.weekdays, by, now);
  await recordAudit(em, actor, {
    action: by.kind === "staff" ? "choices.paper-reply" : "choices.submit", entity: "preference", entityId: saved.id,
    details: { roundId, studentId, clubIds: saved.clubIds, maxClubs: saved.maxClubs, weekdays: input.weekdays, placeWithSiblings: together, version: saved.version },
  });
  return saved;
}

// The family's answer is also the child's opt-in to the service, per weekday, for the round's term.
async function saveEnrollment(em: EntityManager, termId: number, studentId: number, weekdays: number[], by: EnteredBy, now: string): Promise<void> {
  const repo = em.getRepository(ServiceEnrollment);
  const existing = await repo.findOneBy({ termId, studentId });
  const values = { weekdays, source: by.kind, enteredByStaffId: by.kind === "staff" ? by.staffId : null, updatedAt: now };
  if (existing) await repo.update({ id: existing.id }, values);
  else await repo.insert({ termId, studentId, ...values });
}

function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; driverError?: { code?: string } } | null;
  const code = e?.driverError?.code ?? e?.code;
  return code === "23505" || code === "SQLITE_CONSTRAINT_UNIQUE";
}
