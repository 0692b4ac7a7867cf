// The only file of leave requests that touches the database: the requests, and
// the few names their pages show (the family's children, a class teacher's classes).
import { type DataSource, type EntityManager, In, LessThanOrEqual, MoreThanOrEqual, Not } from "typeorm";
import { SchoolClass, Student } from "../db";
import { LeaveRequest } from "./entities";
import type { LeaveRow } from "./core";

type Db = DataSource | EntityManager;

export interface ChildRef {
  id: number;
  name: string;
  classId: number;
  className: string;
  familyId: number;
}

const childRef = (s: Student): ChildRef => ({
  id: s.id,
  name: s.name,
  classId: s.classId,
  className: s.schoolClass?.name ?? "",
  familyId: s.familyId,
});

/** A family's current children, by name: the ones it may ask leave for. */
export async function familyChildren(db: Db, familyId: number): Promise<ChildRef[]> {
  const rows = await db.getRepository(Student).find({
    where: { familyId, archived: false },
    relations: { schoolClass: true },
    order: { name: "ASC", id: "ASC" },
  });
  return rows.map(childRef);
}

export async function childById(db: Db, id: number): Promise<ChildRef | null> {
  const s = await db.getRepository(Student).findOne({ where: { id }, relations: { schoolClass: true } });
  return s ? childRef(s) : null;
}

/** The current classes a class teacher leads (all current classes for null: an admin). */
export async function classesOf(db: Db, classTeacherId: number | null): Promise<{ id: number; name: string }[]> {
  const where = classTeacherId === null ? { archived: false } : { archived: false, classTeacherId };
  const rows = await db.getRepository(SchoolClass).find({ where, order: { grade: "ASC", name: "ASC" } });
  return rows.map((c) => ({ id: c.id, name: c.name }));
}

/** The class teacher of a class (a class has at most one), for the leave.requested notice. */
export async function classTeacherOf(db: Db, classId: number): Promise<number | null> {
  const cls = await db.getRepository(SchoolClass).findOneBy({ id: classId });
  return cls?.classTeacherId ?? null;
}

export function insertLeave(em: EntityManager, row: Omit<LeaveRequest, "id" | "student" | "decidedBy">) {
  return em.getRepository(LeaveRequest).save(em.getRepository(LeaveRequest).create(row));
}

export function saveLeave(em: EntityManager, row: LeaveRequest): Promise<LeaveRequest> {
  return em.getRepository(LeaveRequest).save(row);
}

export function leaveById(db: Db, id: number): Promise<LeaveRequest | null> {
  return db.getRepository(LeaveRequest).findOneBy({ id });
}

/** A family's requests, newest first (its children's ids). */
export function leaveOfStudents(db: Db, studentIds: readonly number[]): Promise<LeaveRequest[]> {
  if (!studentIds.length) return Promise.resolve([]);
  return db.getRepository(LeaveRequest).find({
    where: { studentId: In([...studentIds]) },
    order: { fromDate: "DESC", id: "DESC" },
  });
}

/** Every request that is not withdrawn and whose range holds `date`. */
export function activeOn(db: Db, date: string, studentIds?: readonly number[]): Promise<LeaveRequest[]> {
  return db.getRepository(LeaveRequest).find({
    where: {
      fromDate: LessThanOrEqual(date),
      toDate: MoreThanOrEqual(date),
      status: Not("withdrawn"),
      ...(studentIds ? { studentId: In([...studentIds]) } : {}),
    },
    order: { id: "ASC" },
  });
}

/** Requests of some children that overlap a date range (not withdrawn), for a week of the timetable. */
export function activeBetween(db: Db, studentIds: readonly number[], from: string, to: string) {
  if (!studentIds.length) return Promise.resolve([] as LeaveRequest[]);
  return db.getRepository(LeaveRequest).find({
    where: {
      studentId: In([...studentIds]),
      fromDate: LessThanOrEqual(to),
      toDate: MoreThanOrEqual(from),
      status: Not("withdrawn"),
    },
    order: { id: "ASC" },
  });
}

/** The requests covering a date for children of these classes (every class for null), with names. */
export async function dayList(
  db: Db,
  date: string,
  classIds: readonly number[] | null,
): Promise<{ request: LeaveRequest; child: ChildRef }[]> {
  if (classIds !== null && !classIds.length) return [];
  const rows = await db.getRepository(LeaveRequest).find({
    where: {
      fromDate: LessThanOrEqual(date),
      toDate: MoreThanOrEqual(date),
      status: Not("withdrawn"),
      ...(classIds ? { student: { classId: In([...classIds]) } } : {}),
    },
    relations: { student: { schoolClass: true } },
    order: { id: "ASC" },
  });
  return rows
    .map((request) => ({ request, child: childRef(request.student) }))
    .sort((a, b) => a.child.className.localeCompare(b.child.className) || a.child.name.localeCompare(b.child.name));
}

/** A child's requests for the data export, oldest first. */
export function leaveOfChild(db: Db, studentId: number): Promise<LeaveRequest[]> {
  return db.getRepository(LeaveRequest).find({ where: { studentId }, order: { id: "ASC" } });
}

export const rowOf = (r: LeaveRequest): LeaveRow => ({
  id: r.id,
  studentId: r.studentId,
  fromDate: r.fromDate,
  toDate: r.toDate,
  entryId: r.entryId,
  kind: r.kind,
  status: r.status,
});
