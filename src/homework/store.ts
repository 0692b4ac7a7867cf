// The homework capability's database reads and writes: the log's entries, and
// the classes, staff names and homework sessions the pages and the access rules ask about.
import { type DataSource, type EntityManager, Between, In } from "typeorm";
import { SchoolClass, Staff, Student, TimetableEntry } from "../db";
import type { BoardItem, Week } from "./core";
import { HomeworkEntry } from "./entities";

type Handle = DataSource | EntityManager;

/** The current (not archived) classes, by grade then name. */
export function currentClasses(db: Handle): Promise<SchoolClass[]> {
  return db.getRepository(SchoolClass).find({ where: { archived: false }, order: { grade: "ASC", name: "ASC" } });
}

/** The grades that have a current class, lowest first. */
export async function currentGrades(db: Handle): Promise<number[]> {
  const rows = await db.getRepository(SchoolClass).find({ select: { grade: true }, where: { archived: false } });
  return [...new Set(rows.map((c) => c.grade))].sort((a, b) => a - b);
}

/** A grade's current classes, by name. */
export function classesOfGrade(db: Handle, grade: number): Promise<SchoolClass[]> {
  return db.getRepository(SchoolClass).find({ where: { grade, archived: false }, order: { name: "ASC" } });
}

export function classById(db: Handle, id: number): Promise<SchoolClass | null> {
  return db.getRepository(SchoolClass).findOneBy({ id });
}

export function classExists(db: Handle, id: number): Promise<boolean> {
  return db.getRepository(SchoolClass).existsBy({ id, archived: false });
}

export async function classesByIds(db: Handle, ids: number[]): Promise<SchoolClass[]> {
  return ids.length
    ? db.getRepository(SchoolClass).find({ where: { id: In(ids) }, order: { grade: "ASC", name: "ASC" } })
    : [];
}

/** The classes a family's (current) children are in. */
export async function familyClassIds(db: Handle, familyId: number): Promise<number[]> {
  const children = await db
    .getRepository(Student)
    .find({ select: { classId: true }, where: { familyId, archived: false } });
  return [...new Set(children.map((c) => c.classId))];
}

/** A staff member's weekly homework sessions in the term's timetable. */
export function weeklyHomeworkSessions(db: Handle, termId: number, staffId: number): Promise<TimetableEntry[]> {
  return db.getRepository(TimetableEntry).findBy({ termId, staffId, kind: "homework" });
}

/** Staff names by id (ids of no one are left out). */
export async function staffNames(db: Handle, ids: number[]): Promise<Map<number, string>> {
  const staff = ids.length
    ? await db.getRepository(Staff).find({ select: { id: true, name: true }, where: { id: In(ids) } })
    : [];
  return new Map(staff.map((s) => [s.id, s.name]));
}

export function homeworkById(db: Handle, id: number): Promise<HomeworkEntry | null> {
  return db.getRepository(HomeworkEntry).findOneBy({ id });
}

/** What a staff member recorded last, newest first. */
export function recentHomeworkBy(db: Handle, staffId: number, take: number): Promise<HomeworkEntry[]> {
  return db.getRepository(HomeworkEntry).find({ where: { staffId }, order: { date: "DESC", id: "DESC" }, take });
}

/** The classes' homework of a week, as the board's items. */
export async function boardItems(db: Handle, classIds: number[], week: Week): Promise<BoardItem[]> {
  if (!classIds.length) return [];
  const rows = await db.getRepository(HomeworkEntry).find({
    where: { classId: In(classIds), date: Between(week.monday, week.sunday) },
    order: { date: "ASC", id: "ASC" },
  });
  return rows.map((r) => ({
    id: r.id,
    classId: r.classId,
    date: r.date,
    subject: r.subject,
    description: r.description,
    tier: r.tier,
    written: r.written,
    minutes: r.minutes,
    staffId: r.staffId,
  }));
}

export function insertHomework(
  em: EntityManager,
  values: Omit<HomeworkEntry, "id" | "schoolClass" | "staff">,
): Promise<HomeworkEntry> {
  const repo = em.getRepository(HomeworkEntry);
  return repo.save(repo.create(values));
}

export function saveHomework(em: EntityManager, entry: HomeworkEntry): Promise<HomeworkEntry> {
  return em.getRepository(HomeworkEntry).save(entry);
}

export async function deleteHomeworkRow(em: EntityManager, id: number): Promise<void> {
  await em.getRepository(HomeworkEntry).delete({ id });
}
