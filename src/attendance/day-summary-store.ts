// What a day's summary reads: the classes and children of some class teachers,
// a date's alerts and excused marks of those children, and the once-a-day marker
// of the summary notices. The only repository calls of the summary.
import { type DataSource, type EntityManager, In, IsNull, Not } from "typeorm";
import { SchoolClass, Student } from "../db";
import { Attendance, AttendanceAlert, AttendanceDaySummary } from "./entities";

type Repos = DataSource | EntityManager;

/** Classes (not archived) of one class teacher, or of every class teacher when none is named. */
export function classesOfTeachers(ds: Repos, classTeacherId?: number): Promise<SchoolClass[]> {
  return ds.getRepository(SchoolClass).find({
    where: { archived: false, classTeacherId: classTeacherId ?? Not(IsNull()) },
    order: { grade: "ASC", name: "ASC", id: "ASC" },
  });
}

/** Every class not archived (an admin's summary). */
export function allClasses(ds: Repos): Promise<SchoolClass[]> {
  return ds
    .getRepository(SchoolClass)
    .find({ where: { archived: false }, order: { grade: "ASC", name: "ASC", id: "ASC" } });
}

/** The children (not archived) of some classes: id, name, class. */
export function childrenOfClasses(ds: Repos, classIds: number[]): Promise<Pick<Student, "id" | "name" | "classId">[]> {
  if (!classIds.length) return Promise.resolve([]);
  return ds.getRepository(Student).find({
    where: { classId: In(classIds), archived: false },
    select: { id: true, name: true, classId: true },
    order: { studentNumber: "ASC" },
  });
}

/** A date's alerts (open or withdrawn) of some children. */
export function alertsOfDate(ds: Repos, date: string, studentIds: number[]): Promise<AttendanceAlert[]> {
  if (!studentIds.length) return Promise.resolve([]);
  return ds.getRepository(AttendanceAlert).find({ where: { date, studentId: In(studentIds) }, order: { id: "ASC" } });
}

/** A date's excused marks (leave) of some children, with the register's note. */
export function excusedOn(ds: Repos, date: string, studentIds: number[]): Promise<Attendance[]> {
  if (!studentIds.length) return Promise.resolve([]);
  return ds
    .getRepository(Attendance)
    .find({ where: { date, status: "excused", studentId: In(studentIds) }, order: { id: "ASC" } });
}

/**
 * Claims a date's summary: true for the one caller whose insert of the date's row
 * succeeds (the date is unique), false when another instance already sent it.
 */
export async function claimDaySummary(em: EntityManager, date: string, at: string): Promise<boolean> {
  if (await em.getRepository(AttendanceDaySummary).findOneBy({ date })) return false;
  await em.getRepository(AttendanceDaySummary).insert({ date, sentAt: at });
  return true;
}
