// Service enrollment: each child's opt-in weekdays per term.
import { type DataSource, type EntityManager, In } from "typeorm";
import { ServiceEnrollment, Student } from "../../db";

type Db = DataSource | EntityManager;

export const currentStudentsOfClass = (db: Db, classId: number): Promise<Student[]> =>
  db.getRepository(Student).find({ where: { classId, archived: false }, order: { studentNumber: "ASC" } });
/** Id and class of each current child in the classes. */
export const currentStudentsInClasses = (db: Db, classIds: number[]): Promise<Pick<Student, "id" | "classId">[]> =>
  classIds.length
    ? db
        .getRepository(Student)
        .find({ select: { id: true, classId: true }, where: { classId: In(classIds), archived: false } })
    : Promise.resolve([]);

export const enrollmentsOfTerm = (db: Db, termId: number): Promise<ServiceEnrollment[]> =>
  db.getRepository(ServiceEnrollment).findBy({ termId });
export const enrollmentsOf = (db: Db, termId: number, studentIds: number[]): Promise<ServiceEnrollment[]> =>
  db.getRepository(ServiceEnrollment).findBy({ termId, studentId: In(studentIds) });

export async function deleteEnrollment(db: Db, id: number): Promise<void> {
  await db.getRepository(ServiceEnrollment).delete({ id });
}
export async function insertEnrollment(db: Db, row: Omit<ServiceEnrollment, "id">): Promise<void> {
  await db.getRepository(ServiceEnrollment).insert(row);
}
export async function updateEnrollment(
  db: Db,
  id: number,
  change: Pick<ServiceEnrollment, "weekdays" | "source" | "enteredByStaffId" | "updatedAt">,
): Promise<void> {
  await db.getRepository(ServiceEnrollment).update({ id }, change);
}
