// The children for the per-child checks (childDay): each child's grade, class and
// service days (the weekdays the family opted in to), and their seats in the term's
// clubs from the membership ledger. Before any family has opted in, every child
// counts as enrolled every weekday, as the headcount does.
import type { DataSource } from "typeorm";
import { SchoolClass, ServiceEnrollment, Student } from "../../db";
import { seatsDuring } from "../../membership";
import type * as P from "../core";

const EVERY_WEEKDAY = [1, 2, 3, 4, 5];

export async function loadChildren(
  ds: DataSource,
  termId: number,
  from: string,
  to: string,
): Promise<{ children: P.Child[]; seats: P.Seat[] }> {
  const [students, classes, enrollments, spans] = await Promise.all([
    ds.getRepository(Student).find({
      select: { id: true, name: true, classId: true },
      where: { archived: false },
      order: { studentNumber: "ASC" },
    }),
    ds.getRepository(SchoolClass).find({ select: { id: true, grade: true }, where: { archived: false } }),
    ds.getRepository(ServiceEnrollment).find({ select: { studentId: true, weekdays: true }, where: { termId } }),
    seatsDuring(ds, termId, from, to),
  ]);
  const gradeOf = new Map(classes.map((c) => [c.id, c.grade]));
  const optedIn = new Map(enrollments.map((e) => [e.studentId, e.weekdays]));
  const anyOptIn = enrollments.length > 0;
  const children = students
    .filter((s) => gradeOf.has(s.classId))
    .map((s) => ({
      id: String(s.id),
      name: s.name,
      grade: gradeOf.get(s.classId)!,
      classId: String(s.classId),
      serviceDays: anyOptIn ? [...(optedIn.get(s.id) ?? [])].sort((a, b) => a - b) : EVERY_WEEKDAY,
    }));
  const known = new Set(children.map((c) => c.id));
  const seats = spans
    .filter((s) => known.has(String(s.studentId)))
    .map((s) => ({ childId: String(s.studentId), clubId: String(s.clubId), fromDate: s.fromDate, toDate: s.toDate }));
  return { children, seats };
}
