// The family and student rows privacy reads and changes: the notice's acceptance,
// the admin's list of students, and the rows a child's deletion removes.
import { type DataSource, type EntityManager, Like } from "typeorm";
import { Family, ServiceEnrollment, Student, nowIso } from "../db";

type Db = DataSource | EntityManager;

/** The notice version the family accepted last (null: none; undefined: no such family). */
export async function acceptedVersion(db: Db, familyId: number): Promise<string | null | undefined> {
  const family = await db.getRepository(Family).findOneBy({ id: familyId });
  return family ? family.privacyVersion : undefined;
}

export async function markAccepted(em: EntityManager, familyId: number, version: string): Promise<void> {
  await em.getRepository(Family).update({ id: familyId }, { privacyAcceptedAt: nowIso(), privacyVersion: version });
}

/** A page of students, by student number, narrowed by a name or the start of a number (already cleaned). */
export async function studentPage(
  ds: DataSource,
  q: string,
  skip: number,
  take: number,
): Promise<{ students: Student[]; total: number }> {
  const where = q ? [{ name: Like(`%${q}%`) }, { studentNumber: Like(`${q}%`) }] : {};
  const [students, total] = await ds
    .getRepository(Student)
    .findAndCount({ where, relations: { schoolClass: true }, order: { studentNumber: "ASC" }, skip, take });
  return { students, total };
}

export function studentWithClass(db: Db, studentId: number): Promise<Student | null> {
  return db.getRepository(Student).findOne({ where: { id: studentId }, relations: { schoolClass: true } });
}

export function studentWithFamily(db: Db, studentId: number): Promise<Student | null> {
  return db
    .getRepository(Student)
    .findOne({ where: { id: studentId }, relations: { schoolClass: true, family: true } });
}

export function findStudent(db: Db, studentId: number): Promise<Student | null> {
  return db.getRepository(Student).findOneBy({ id: studentId });
}

/** The child's row and its service enrollments; most other rows cascade from the student. */
export async function deleteStudentRows(em: EntityManager, studentId: number): Promise<void> {
  await em.getRepository(ServiceEnrollment).delete({ studentId });
  await em.getRepository(Student).delete({ id: studentId });
}

export function childrenOfFamily(em: EntityManager, familyId: number): Promise<number> {
  return em.getRepository(Student).countBy({ familyId });
}

export async function deleteFamily(em: EntityManager, familyId: number): Promise<void> {
  await em.getRepository(Family).delete({ id: familyId });
}
