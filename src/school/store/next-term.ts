// What starting the next term reads from the previous one and writes for the new one.
import type { DataSource, DeepPartial, EntityManager } from "typeorm";
import { Club, DailySport, Period, SchoolClass, Student, Term, TimetableEntry } from "../../db";

type Db = DataSource | EntityManager;

/** The previous term's clubs, periods, daily sport and timetable entries (one query at a time: inside a transaction they share one connection). */
export async function termSource(db: Db, termId: number) {
  const clubs = await db.getRepository(Club).find({ where: { termId }, order: { id: "ASC" } });
  const periods = await db.getRepository(Period).find({ where: { termId }, order: { position: "ASC", id: "ASC" } });
  const sport = await db.getRepository(DailySport).find({ where: { termId } });
  const entries = await db.getRepository(TimetableEntry).find({ where: { termId }, order: { id: "ASC" } });
  return { clubs, periods, sport, entries };
}

export const allClasses = (db: Db): Promise<SchoolClass[]> => db.getRepository(SchoolClass).find();
export const unarchivedClasses = (db: Db): Promise<SchoolClass[]> =>
  db.getRepository(SchoolClass).find({ where: { archived: false } });

/** A new term, made the current one when `current`. */
export async function insertNextTerm(
  db: Db,
  row: { name: string; startDate: string; endDate: string },
  current: boolean,
): Promise<Term> {
  const term = await db.getRepository(Term).save({ ...row, current: false });
  if (current) {
    await db.getRepository(Term).update({ current: true }, { current: false });
    await db.getRepository(Term).update({ id: term.id }, { current: true });
  }
  return term;
}

export const insertPeriodCopy = (db: Db, row: DeepPartial<Period>): Promise<Period> =>
  db.getRepository(Period).save(row);
export async function insertSportRows(db: Db, rows: DeepPartial<DailySport>[]): Promise<void> {
  await db.getRepository(DailySport).insert(rows);
}
export const insertClubCopy = (db: Db, row: DeepPartial<Club>): Promise<Club> => db.getRepository(Club).save(row);
/** Timetable entries, in batches of 100. */
export async function insertEntries(db: Db, rows: DeepPartial<TimetableEntry>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 100) await db.getRepository(TimetableEntry).insert(rows.slice(i, i + 100));
}

/** Archives a class under its leaver name, with its children; the children's ids. */
export async function archiveClass(db: Db, id: number, newName: string): Promise<number[]> {
  await db.getRepository(SchoolClass).update({ id }, { name: newName, archived: true });
  await db.getRepository(Student).update({ classId: id }, { archived: true });
  return (await db.getRepository(Student).find({ where: { classId: id }, select: { id: true } })).map((s) => s.id);
}
export async function moveClass(db: Db, id: number, grade: number, name: string): Promise<void> {
  await db.getRepository(SchoolClass).update({ id }, { grade, name });
}
export async function insertClass(db: Db, grade: number, name: string): Promise<void> {
  await db.getRepository(SchoolClass).insert({ grade, name, classTeacherId: null, archived: false });
}
