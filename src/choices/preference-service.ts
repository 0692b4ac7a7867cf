// Saving one child's ranked list and weekday opt-in: one transaction that
// checks the deadline, the version the form was built from, and the round's
// rules, then writes the Preference, the ServiceEnrollment and the audit entry.
import type { DataSource, EntityManager } from "typeorm";
import { nowIso, inTransaction } from "../db";
import { Actor, recordAudit } from "../audit";
import { FormError, fieldError } from "../http";
import type { ChoiceRound, Preference } from "./entities";
import { checkSubmission, coversClub, roundState } from "./core";
import type { PreferenceInput } from "./preference-form";
import { loadClubOffer } from "./store/club-offer";
import { findChild } from "./store/round-lookup";
import { roundById } from "./store/rounds";
import {
  insertPreference,
  preferenceById,
  preferenceOf,
  saveEnrollment,
  siblingsInRound,
  updatePreferenceAt,
} from "./store/preferences";
import { clubsOn, roundStartDate } from "../membership";

export type EnteredBy = { kind: "family" } | { kind: "staff"; staffId: number };

export class RoundClosedError extends Error {
  constructor(
    readonly round: ChoiceRound,
    readonly state: "upcoming" | "closed",
  ) {
    super(`round ${round.id} is ${state}`);
  }
}
/** Someone saved since this form was rendered; `current` is what is saved now. */
export class StaleVersionError extends Error {
  constructor(readonly current: Preference | null) {
    super("stale preference version");
  }
}

/** Saves the list, or throws RoundClosedError (409), FormError (the round's rules, 400) or StaleVersionError (409). */
export async function savePreference(
  ds: DataSource,
  roundId: number,
  studentId: number,
  input: PreferenceInput,
  by: EnteredBy,
  actor: Actor,
): Promise<Preference> {
  try {
    return await inTransaction(ds, (em) => saveIn(em, roundId, studentId, input, by, actor));
  } catch (err) {
    // Two first submissions at once: the unique (round, student) index refuses the second.
    if (isUniqueViolation(err)) throw new StaleVersionError(await preferenceOf(ds, roundId, studentId));
    throw err;
  }
}

async function saveIn(
  em: EntityManager,
  roundId: number,
  studentId: number,
  input: PreferenceInput,
  by: EnteredBy,
  actor: Actor,
): Promise<Preference> {
  const round = await roundById(em, roundId);
  const child = await findChild(em, studentId);
  if (!round || !child || !round.grades.includes(child.grade))
    throw fieldError("studentId", "choices.validation.notInRound");
  const now = nowIso();
  const state = roundState(round, now);
  if (state !== "open") throw new RoundClosedError(round, state);
  const existing = await preferenceOf(em, roundId, studentId);
  if (existing && existing.version !== input.version) throw new StaleVersionError(existing);

  // A top-up offers only the clubs it covers (issue 18).
  const clubs = new Map(
    (await loadClubOffer(em, round.termId)).filter((c) => coversClub(round, c)).map((c) => [c.id, c]),
  );
  const errors = checkSubmission(input, { round, clubs, grade: child.grade });
  // A swap names clubs the child holds when the round's seats start; nothing else can be given up.
  const swap = input.swap ?? [];
  if (swap.length) {
    const held = await clubsOn(em, studentId, await roundStartDate(em, round));
    if (!swap.every((id) => held.includes(id))) errors.swap ??= { key: "choices.validation.swap" };
  }
  if (Object.keys(errors).length) throw new FormError(errors);

  const together = input.placeWithSiblings && (await siblingsInRound(em, round, child.familyId)) > 1;
  const values = {
    clubIds: input.ranks.map((r) => r.clubId!),
    maxClubs: input.maxClubs,
    placeWithSiblings: together,
    swapClubIds: swap.length ? swap : null,
    source: by.kind,
    enteredByStaffId: by.kind === "staff" ? by.staffId : null,
    updatedAt: now,
  };
  let saved: Preference;
  if (existing) {
    // A parent whose save raced ours changes no row and is told so.
    if (!(await updatePreferenceAt(em, existing.id, existing.version, values)))
      throw new StaleVersionError(await preferenceById(em, existing.id));
    saved = (await preferenceById(em, existing.id))!;
  } else {
    saved = await insertPreference(em, { roundId, studentId, ...values, submittedAt: now });
  }
  await saveEnrollment(em, round.termId, studentId, {
    weekdays: input.weekdays,
    source: by.kind,
    enteredByStaffId: by.kind === "staff" ? by.staffId : null,
    updatedAt: now,
  });
  await recordAudit(em, actor, {
    action: by.kind === "staff" ? "choices.paper-reply" : "choices.submit",
    entity: "preference",
    entityId: saved.id,
    details: {
      roundId,
      studentId,
      clubIds: saved.clubIds,
      maxClubs: saved.maxClubs,
      weekdays: input.weekdays,
      placeWithSiblings: together,
      version: saved.version,
    },
  });
  return saved;
}

function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; driverError?: { code?: string } } | null;
  const code = e?.driverError?.code ?? e?.code;
  return code === "23505" || code === "SQLITE_CONSTRAINT_UNIQUE";
}
