// The only reader and writer of the registers (attendance marks), the edit
// window's setting and the rows a roster is made of; the absence alerts' rows
// are alert-store.ts's. Functions take the handle first and return rows.
import { type DataSource, type EntityManager, In } from "typeorm";
import { Period, SchoolClass, ServiceEnrollment, Setting, Student } from "../db";
import { Attendance, AttendanceAlert } from "./entities";
import { EDIT_DAYS_KEY } from "./core";

type Repos = DataSource | EntityManager;

// The edit window's setting.

/** The stored text of the edit window's setting, if any. */
export async function storedEditDays(ds: Repos): Promise<string | undefined> {
  return (await ds.getRepository(Setting).findOneBy({ key: EDIT_DAYS_KEY }))?.value;
}

/** Stores the edit window; returns the text stored before, if any. */
export async function storeEditDays(em: Repos, days: number): Promise<string | undefined> {
  const repo = em.getRepository(Setting);
  const before = (await repo.findOneBy({ key: EDIT_DAYS_KEY }))?.value;
  await repo.save({ key: EDIT_DAYS_KEY, value: String(days) });
  return before;
}

// What registers, dismissal lists and the class's day are made of.

/** A term's periods in the order of the day. */
export function periodsInOrder(ds: Repos, termId: number): Promise<Period[]> {
  return ds.getRepository(Period).find({ where: { termId }, order: { position: "ASC", startTime: "ASC", id: "ASC" } });
}

/** Every child not archived (with their class), by student number, and the term's opt-ins. */
export function rosterRows(
  ds: Repos,
  termId: number,
): Promise<[Student[], Pick<ServiceEnrollment, "studentId" | "weekdays">[]]> {
  return Promise.all([
    ds
      .getRepository(Student)
      .find({ where: { archived: false }, relations: { schoolClass: true }, order: { studentNumber: "ASC" } }),
    ds.getRepository(ServiceEnrollment).find({ where: { termId }, select: { studentId: true, weekdays: true } }),
  ]);
}

/** The classes a class teacher has (not archived). */
export async function classIdsOf(ds: Repos, classTeacherId: number): Promise<number[]> {
  return (
    await ds.getRepository(SchoolClass).find({ where: { classTeacherId, archived: false }, select: { id: true } })
  ).map((c) => c.id);
}

/** A class teacher's own class (not archived), or null. */
export function ownClassOf(ds: Repos, classTeacherId: number): Promise<SchoolClass | null> {
  return ds.getRepository(SchoolClass).findOneBy({ classTeacherId, archived: false });
}

// Marks.

/** Every mark of a date: which session, which status. */
export function marksOn(ds: Repos, date: string): Promise<Pick<Attendance, "entryId" | "status">[]> {
  return ds.getRepository(Attendance).find({ where: { date }, select: { entryId: true, status: true } });
}

/** The marks of a date by child: whose, which status (of the given children only, when given). */
export function childMarksOn(
  ds: Repos,
  date: string,
  studentIds?: number[],
): Promise<Pick<Attendance, "studentId" | "status">[]> {
  return ds.getRepository(Attendance).find({
    where: { date, ...(studentIds ? { studentId: In(studentIds) } : {}) },
    select: { studentId: true, status: true },
  });
}

/** One session's marks on a date. */
export function marksOfSession(em: Repos, entryId: number, date: string): Promise<Attendance[]> {
  return em.getRepository(Attendance).findBy({ entryId, date });
}

/** Writes one mark (a new one, or over `old`). */
export async function saveMark(
  em: Repos,
  old: Attendance | undefined,
  mark: Omit<Attendance, "id" | "student" | "markedBy">,
): Promise<void> {
  const repo = em.getRepository(Attendance);
  await repo.save(repo.create({ ...(old ?? {}), ...mark }));
}

/** A child's attendance and alerts, for the family's copy of their child's data (PIPL export). Deleting a child deletes these rows too (foreign keys cascade). */
export async function attendanceOfChild(ds: DataSource, studentId: number): Promise<Record<string, unknown>> {
  const [marks, alerts] = await Promise.all([
    ds.getRepository(Attendance).find({ where: { studentId }, order: { date: "ASC", entryId: "ASC" } }),
    ds.getRepository(AttendanceAlert).find({ where: { studentId }, order: { date: "ASC", id: "ASC" } }),
  ]);
  return {
    attendance: marks.map((m) => ({
      date: m.date,
      session: m.entryId,
      status: m.status,
      note: m.note,
      markedAt: m.markedAt,
    })),
    absenceAlerts: alerts.map((a) => ({
      date: a.date,
      session: a.sessionTitle,
      time: a.sessionTime,
      state: a.state,
      raisedAt: a.createdAt,
    })),
  };
}
