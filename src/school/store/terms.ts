// Terms and their calendar days, as the term pages read and write them.
import { type DataSource, type EntityManager, In, Not } from "typeorm";
import { CalendarDay, Term } from "../../db";

type Db = DataSource | EntityManager;

export const termById = (db: Db, id: number): Promise<Term | null> => db.getRepository(Term).findOneBy({ id });
export const currentTermRow = (db: Db): Promise<Term | null> => db.getRepository(Term).findOneBy({ current: true });
export const termsNewestFirst = (db: Db): Promise<Term[]> =>
  db.getRepository(Term).find({ order: { startDate: "DESC" } });
export const termCount = (db: Db): Promise<number> => db.getRepository(Term).count();

export const insertTerm = (db: Db, row: { name: string; startDate: string; endDate: string }): Promise<Term> =>
  db.getRepository(Term).save({ ...row, current: false });

export async function updateTermDates(
  db: Db,
  id: number,
  row: { name: string; startDate: string; endDate: string },
): Promise<void> {
  await db.getRepository(Term).update({ id }, row);
}

// Only one term is current; making one current clears the flag on the others.
export async function makeCurrent(db: Db, id: number): Promise<void> {
  await db.getRepository(Term).update({ id: Not(id), current: true }, { current: false });
  await db.getRepository(Term).update({ id }, { current: true });
}

export const calendarDaysOf = (db: Db, termId: number): Promise<CalendarDay[]> =>
  db.getRepository(CalendarDay).find({ where: { termId }, order: { date: "ASC" } });
export const calendarDayById = (db: Db, id: number): Promise<CalendarDay | null> =>
  db.getRepository(CalendarDay).findOneBy({ id });
export const calendarDaysOn = (db: Db, termId: number, dates: string[]): Promise<CalendarDay[]> =>
  db.getRepository(CalendarDay).findBy({ termId, date: In(dates) });
export const otherCalendarDayOn = (
  db: Db,
  termId: number,
  date: string,
  exceptId: number,
): Promise<CalendarDay | null> => db.getRepository(CalendarDay).findOneBy({ termId, date, id: Not(exceptId) });

export const insertCalendarDays = (db: Db, rows: Omit<CalendarDay, "id" | "term">[]): Promise<CalendarDay[]> =>
  db.getRepository(CalendarDay).save(rows);
export async function updateCalendarDayRow(
  db: Db,
  id: number,
  row: Pick<CalendarDay, "date" | "kind" | "name" | "runsWeekday">,
): Promise<void> {
  await db.getRepository(CalendarDay).update({ id }, row);
}
export async function deleteCalendarDayRow(db: Db, id: number): Promise<void> {
  await db.getRepository(CalendarDay).delete({ id });
}
