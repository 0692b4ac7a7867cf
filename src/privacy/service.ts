// PIPL duties for children's data: families accept the notice before use;
// an admin can export one child's data or delete it.
import type { DataSource } from "typeorm";
import { nowIso, inTransaction } from "../db";
import { Actor, recordAudit } from "../audit";
import { forgetStoredRun } from "../allocation";
import { childSections } from "./child-export-store";
import {
  dropUnlinkedRows,
  endSessions,
  pseudonymiseRuns,
  redactAuditDetails,
  relabelFamilyActor,
} from "./child-erasure-store";
import { pseudonyms } from "./pseudonym-store";
import { endSessionsOf } from "../http";
import {
  acceptedVersion,
  childrenOfFamily,
  deleteFamily,
  deleteStudentRows,
  findStudent,
  markAccepted,
  studentWithFamily,
} from "./student-store";

// Raised whenever the notice's text changes so families accept the new one.
export const PRIVACY_VERSION = "2026-09";

export async function hasAccepted(ds: DataSource, familyId: number): Promise<boolean> {
  return (await acceptedVersion(ds, familyId)) === PRIVACY_VERSION;
}

export async function acceptPrivacy(ds: DataSource, familyId: number, actor: Actor): Promise<void> {
  await inTransaction(ds, async (em) => {
    await markAccepted(em, familyId, PRIVACY_VERSION);
    await recordAudit(em, actor, {
      action: "privacy.accept",
      entity: "family",
      entityId: familyId,
      details: { version: PRIVACY_VERSION },
    });
  });
}

// Everything held about one child, as one JSON document (the data subject's copy).
export async function exportChild(
  ds: DataSource,
  studentId: number,
  actor: Actor,
): Promise<Record<string, unknown> | null> {
  const student = await studentWithFamily(ds, studentId);
  if (!student) return null;
  const sections = await childSections(ds, studentId, student.familyId);
  await inTransaction(ds, (em) =>
    recordAudit(em, actor, { action: "privacy.export", entity: "student", entityId: studentId }),
  );
  return {
    exportedAt: nowIso(),
    student: {
      studentNumber: student.studentNumber,
      name: student.name,
      grade: student.schoolClass.grade,
      class: student.schoolClass.name,
    },
    family: {
      guardianName: student.family.guardianName,
      phone: student.family.phone,
      privacyAcceptedAt: student.family.privacyAcceptedAt,
    },
    ...sections,
  };
}

// Deletes the child and rows that only describe them (most cascade from the
// student row); a family left with no children goes too. Stored allocation runs
// keep the child under a pseudonym, a removed family's actions stay in the audit
// under a pseudonymous label, and sessions naming the family or child end.
// The audit keeps the fact and the reason, not the data.
export async function deleteChild(ds: DataSource, studentId: number, reason: string, actor: Actor): Promise<boolean> {
  const runs = await inTransaction(ds, async (em) => {
    const student = await findStudent(em, studentId);
    if (!student) return null;
    const names = await pseudonyms(em);
    const runIds = await pseudonymiseRuns(em, student.studentNumber, names);
    await deleteStudentRows(em, studentId);
    const siblings = await childrenOfFamily(em, student.familyId);
    const familyRemoved = siblings === 0;
    if (familyRemoved) {
      // The account is gone: its version moves too, so no instance keeps a session open on it.
      await endSessionsOf(em, "family", student.familyId);
      await relabelFamilyActor(em, student.familyId, names);
      await deleteFamily(em, student.familyId);
    }
    await dropUnlinkedRows(em, student, familyRemoved ? student.familyId : null);
    await redactAuditDetails(em, studentId, familyRemoved ? student.familyId : null);
    const sessions = await endSessions(em, student.familyId, studentId, familyRemoved);
    await recordAudit(em, actor, {
      action: "privacy.delete-child",
      entity: "student",
      entityId: studentId,
      reason,
      details: { familyRemoved, runsPseudonymised: runIds.length, sessionsEnded: sessions },
    });
    return runIds;
  });
  if (!runs) return false;
  for (const id of runs) forgetStoredRun(ds, id);
  return true;
}
