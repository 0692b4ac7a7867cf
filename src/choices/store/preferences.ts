// Preferences (one child's ranked list in a round) and the weekday opt-in
// (ServiceEnrollment) saved with them, as stored.
import type { EntityManager } from "typeorm";
import { ServiceEnrollment, Student } from "../../db";
import { Preference } from "../entities";

type Repos = Pick<EntityManager, "getRepository">;

export const preferenceOf = (db: Repos, roundId: number, studentId: number): Promise<Preference | null> =>
  db.getRepository(Preference).findOneBy({ roundId, studentId });

export const preferenceById = (db: Repos, id: number): Promise<Preference | null> =>
  db.getRepository(Preference).findOneBy({ id });

// How many children already put each club first (shown only if the round says so).
export async function firstChoiceCounts(db: Repos, roundId: number): Promise<Map<number, number>> {
  const prefs = await db.getRepository(Preference).find({ select: { id: true, clubIds: true }, where: { roundId } });
  const counts = new Map<number, number>();
  for (const p of prefs) if (p.clubIds.length) counts.set(p.clubIds[0], (counts.get(p.clubIds[0]) ?? 0) + 1);
  return counts;
}

export type PreferenceValues = Pick<
  Preference,
  "clubIds" | "maxClubs" | "placeWithSiblings" | "swapClubIds" | "source" | "enteredByStaffId" | "updatedAt"
>;

export async function insertPreference(
  em: EntityManager,
  values: PreferenceValues & Pick<Preference, "roundId" | "studentId" | "submittedAt">,
): Promise<Preference> {
  const repo = em.getRepository(Preference);
  return repo.save(repo.create({ ...values, version: 1 }));
}

/**
 * Writes `values` over the saved list only if it still has `version`, raising
 * the version: the version in the WHERE makes the check and the write one
 * step, so a parent whose save raced ours changes no row. false: no row changed.
 */
export async function updatePreferenceAt(
  em: EntityManager,
  id: number,
  version: number,
  values: PreferenceValues,
): Promise<boolean> {
  const result = await em
    .getRepository(Preference)
    .createQueryBuilder()
    .update(Preference)
    .set({ ...values, version: () => `"version" + 1` })
    .where("id = :id AND version = :version", { id, version })
    .execute();
  return result.affected === 1;
}

export const enrollmentOf = (db: Repos, termId: number, studentId: number): Promise<ServiceEnrollment | null> =>
  db.getRepository(ServiceEnrollment).findOneBy({ termId, studentId });

// The family's answer is also the child's opt-in to the service, per weekday, for the round's term.
export async function saveEnrollment(
  em: EntityManager,
  termId: number,
  studentId: number,
  values: Pick<ServiceEnrollment, "weekdays" | "source" | "enteredByStaffId" | "updatedAt">,
): Promise<void> {
  const repo = em.getRepository(ServiceEnrollment);
  const existing = await repo.findOneBy({ termId, studentId });
  if (existing) await repo.update({ id: existing.id }, values);
  else await repo.insert({ termId, studentId, ...values });
}

// Siblings can only be placed together if the family has another child in the round.
export async function siblingsInRound(db: Repos, round: { grades: number[] }, familyId: number): Promise<number> {
  const children = await db
    .getRepository(Student)
    .find({ where: { familyId, archived: false }, relations: { schoolClass: true } });
  return children.filter((c) => round.grades.includes(c.schoolClass.grade)).length;
}
