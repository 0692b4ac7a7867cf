// The daily periods and the PE / 大课间 grid of a term.
import type { DataSource, EntityManager } from "typeorm";
import { DailySport, Period, TimetableEntry } from "../../db";

type Db = DataSource | EntityManager;
type PeriodRow = Pick<Period, "name" | "startTime" | "endTime" | "grades">;
type SportCell = Pick<DailySport, "grade" | "weekday" | "peMinutes" | "breakMinutes">;

export const periodsOf = (db: Db, termId: number): Promise<Period[]> =>
  db.getRepository(Period).find({ where: { termId }, order: { position: "ASC", startTime: "ASC" } });
export const periodById = (db: Db, id: number): Promise<Period | null> => db.getRepository(Period).findOneBy({ id });

export async function setPeriodPosition(db: Db, id: number, position: number): Promise<void> {
  await db.getRepository(Period).update({ id }, { position });
}
export const insertPeriod = (db: Db, row: PeriodRow & { termId: number; position: number }): Promise<Period> =>
  db.getRepository(Period).save(row);
export async function updatePeriodRow(db: Db, id: number, termId: number, row: PeriodRow): Promise<void> {
  await db.getRepository(Period).update({ id, termId }, row);
}
/** How many timetable sessions use the period. */
export const periodUses = (db: Db, periodId: number): Promise<number> =>
  db.getRepository(TimetableEntry).countBy({ periodId });
export async function deletePeriodRow(db: Db, id: number): Promise<void> {
  await db.getRepository(Period).delete({ id });
}

export const sportOf = (db: Db, termId: number): Promise<DailySport[]> =>
  db.getRepository(DailySport).findBy({ termId });
export async function insertSport(db: Db, termId: number, cell: SportCell): Promise<void> {
  await db.getRepository(DailySport).insert({ termId, ...cell });
}
export async function updateSport(
  db: Db,
  id: number,
  minutes: Pick<DailySport, "peMinutes" | "breakMinutes">,
): Promise<void> {
  await db.getRepository(DailySport).update({ id }, minutes);
}
