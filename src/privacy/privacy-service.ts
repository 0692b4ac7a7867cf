// PIPL duties for children's data: families accept the notice before use;
// an admin can export one child's data or delete it.
import type { DataSource } from "typeorm";
import { AuditEntry, Family, ServiceEnrollment, Student } from "../db/entities";
import { nowIso } from "../db/entities/columns";
import { inTransaction } from "../db/transaction";
import { Actor, recordAudit } from "../audit/audit-service";
import { attendanceOfChild } from "../attendance/child-data";
import { endSessionsOf } from "../web/auth/session-version";

// Raised whenever the notice's text changes so families accept the new one.
export const PRIVACY_VERSION = "2026-09";

export async function hasAccepted(ds: DataSource, familyId: number): Promise<boolean> {
  const family = await ds.getRepository(Family).findOneBy({ id: familyId });
  return !!family && family.privacyVersion === PRIVACY_VERSION;
}

export async function acceptPrivacy(ds: DataSource, familyId: number, actor: Actor): Promise<void> {
  await inTransaction(ds, async (em) => {
    await em.getRepository(Family).update({ id: familyId }, { privacyAcceptedAt: nowIso(), privacyVersion: PRIVACY_VERSION });
    await recordAudit(em, actor, { action: "privacy.accept", entity: "family", entityId: familyId, details: { version: PRIVACY_VERSION } });
  });
}

// Everything held about one child, as one JSON document (the data subject's copy).
export async function exportChild(ds: DataSource, studentId: number, actor: Actor): Promise<Record<string, unknown> | null> {
  const student = await ds.getRepository(Student).findOne({ where: { id: studentId }, relations: { schoolClass: true, family: true } });
  if (!student) return null;
  const enrollments = await ds.getRepository(ServiceEnrollment).findBy({ studentId });
  const audit = await ds.getRepository(AuditEntry).find({ where: { entity: "student", entityId: String(studentId) }, order: { id: "ASC" } });
  await inTransaction(ds, (em) => recordAudit(em, actor, { action: "privacy.export", entity: "student", entityId: studentId }));
  return {
    exportedAt: nowIso(),
    student: { studentNumber: student.studentNumber, name: student.name, grade: student.schoolClass.grade, class: student.schoolClass.name },
    family: { guardianName: student.family.guardianName, phone: student.family.phone, privacyAcceptedAt: student.family.privacyAcceptedAt },
    serviceEnrollments: enrollments.map((e) => ({ termId: e.termId, weekdays: e.weekdays, source: e.source, updatedAt: e.updatedAt })),
    auditTrail: audit.map((a) => ({ at: a.at, action: a.action, by: a.actorLabel, reason: a.reason })),
    ...(await attendanceOfChild(ds, studentId)),
  };
}

// Deletes the child and rows that only describe them; a family left with no
// children goes too. The audit keeps the fact and the reason, not the data.
export async function deleteChild(ds: DataSource, studentId: number, reason: string, actor: Actor): Promise<boolean> {
  return inTransaction(ds, async (em) => {
    const student = await em.getRepository(Student).findOneBy({ id: studentId });
    if (!student) return false;
    await em.getRepository(ServiceEnrollment).delete({ studentId });
    await em.getRepository(Student).delete({ id: studentId });
    const siblings = await em.getRepository(Student).countBy({ familyId: student.familyId });
    if (siblings === 0) await endSessionsOf(em, "family", student.familyId);
    if (siblings === 0) await em.getRepository(Family).delete({ id: student.familyId });
    await recordAudit(em, actor, { action: "privacy.delete-child", entity: "student", entityId: studentId, reason, details: { familyRemoved: siblings === 0 } });
    return true;
  });
}
