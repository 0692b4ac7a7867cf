// What deleting a child must reach beyond the rows that cascade from the student:
// stored allocation runs (the student number is in their JSON), the audit log's
// actor labels (a family actor's label is the guardian's name), the session table
// (a family session holds the guardian's name and the child's id), feed tokens
// and login throttles (no foreign key: a feed's subject id, a throttle's key). Each runs inside the deletion's
// transaction, so the child is gone everywhere or nowhere.
import { type EntityManager, And, Like } from "typeorm";
import { AuditEntry, HttpSession, LoginThrottle, nowIso } from "../db";
import { AllocationRun, pseudonymiseRunTexts, sha256 } from "../allocation";
import { FeedToken } from "../feeds";
import { AttendanceAlertAudience } from "../attendance";
import type { Pseudonyms } from "./pseudonym-store";

/** Replaces the child's student number in every stored run; returns the ids of the runs changed. */
export async function pseudonymiseRuns(em: EntityManager, studentNumber: string, names: Pseudonyms): Promise<number[]> {
  const repo = em.getRepository(AllocationRun);
  // The LIKE only narrows the search (a run is a whole school's JSON); the parse decides.
  const candidates = await repo.find({
    select: { id: true },
    where: { instance: Like(`%"id":${JSON.stringify(studentNumber).replace(/[%_]/g, "_")}%`) },
    order: { id: "ASC" },
  });
  const changed: number[] = [];
  const pseudonym = names.child(studentNumber);
  for (const { id } of candidates) {
    const run = await repo.findOneByOrFail({ id });
    const texts = pseudonymiseRunTexts(run, studentNumber, pseudonym);
    if (!texts) continue;
    // New hashes for the new bytes: the old ones would let anyone confirm a guessed student number.
    await repo.update(
      { id },
      { ...texts, instanceHash: sha256(texts.instance), resultHash: sha256(texts.result), pseudonymisedAt: nowIso() },
    );
    changed.push(id);
  }
  return changed;
}

/** A removed family's actions stay in the log under a pseudonymous label instead of the guardian's name. */
export async function relabelFamilyActor(em: EntityManager, familyId: number, names: Pseudonyms): Promise<number> {
  const result = await em
    .getRepository(AuditEntry)
    .update({ actorKind: "family", actorId: familyId }, { actorLabel: names.family(familyId) });
  return result.affected ?? 0;
}

/**
 * The audit keeps the fact and the reason, not the data: the details of entries
 * about the child (and about the family when it goes) held names and numbers.
 */
export async function redactAuditDetails(em: EntityManager, studentId: number, familyId: number | null): Promise<void> {
  const repo = em.getRepository(AuditEntry);
  await repo.update({ entity: "student", entityId: String(studentId) }, { details: null });
  if (familyId !== null) await repo.update({ entity: "family", entityId: String(familyId) }, { details: null });
}

/**
 * Ends the sessions that name the family (when it is removed) or the deleted
 * child (when siblings remain): they hold the guardian's name and ids that no
 * longer exist. The JSON is matched loosely in SQL and exactly after parsing,
 * the same on both databases.
 */
export async function endSessions(
  em: EntityManager,
  familyId: number,
  studentId: number,
  familyRemoved: boolean,
): Promise<number> {
  const repo = em.getRepository(HttpSession);
  const rows = await repo.find({
    select: { sid: true, data: true },
    where: { data: And(Like(`%"kind":"family"%`), Like(`%"id":${familyId}%`)) },
  });
  const sids = rows
    .filter((row) => {
      const user = (JSON.parse(row.data) as { user?: { kind?: string; id?: number; studentId?: number } }).user;
      return user?.kind === "family" && user.id === familyId && (familyRemoved || user.studentId === studentId);
    })
    .map((row) => row.sid);
  for (let i = 0; i < sids.length; i += 200) await repo.delete(sids.slice(i, i + 200));
  return sids.length;
}

/**
 * Rows without a foreign key to the child: its calendar feeds, the login throttle
 * keyed by its student number and, when the family goes, the family's alert
 * acknowledgements.
 */
export async function dropUnlinkedRows(
  em: EntityManager,
  student: { id: number; studentNumber: string },
  familyId: number | null,
): Promise<void> {
  const studentId = student.id;
  await em.getRepository(FeedToken).delete({ kind: "student", subjectId: studentId });
  // The key's form is the login route's (src/accounts/sign-in-routes.ts).
  await em.getRepository(LoginThrottle).delete({ key: `family:${student.studentNumber}` });
  if (familyId !== null)
    await em.getRepository(AttendanceAlertAudience).delete({ audienceKind: "family", audienceId: familyId });
}
