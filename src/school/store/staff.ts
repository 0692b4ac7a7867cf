// Staff rows: accounts and their details.
import { type DataSource, type EntityManager, In, Like } from "typeorm";
import { Staff } from "../../db";

type Db = DataSource | EntityManager;

export const staffById = (db: Db, id: number): Promise<Staff | null> => db.getRepository(Staff).findOneBy({ id });
export const staffByIds = (db: Db, ids: number[]): Promise<Staff[]> =>
  ids.length ? db.getRepository(Staff).findBy({ id: In(ids) }) : Promise.resolve([]);
export const staffNumberTaken = (db: Db, staffNumber: string): Promise<boolean> =>
  db.getRepository(Staff).existsBy({ staffNumber });
export const staffEmailTaken = (db: Db, email: string): Promise<boolean> => db.getRepository(Staff).existsBy({ email });

/** A page of staff whose name, number or e-mail contains `q` (all when empty), by staff number. */
export function searchStaff(db: Db, q: string, skip: number, take: number): Promise<[Staff[], number]> {
  const where = q
    ? [{ name: Like(`%${q}%`) }, { staffNumber: Like(`%${q}%`) }, { email: Like(`%${q.toLowerCase()}%`) }]
    : {};
  return db.getRepository(Staff).findAndCount({ where, order: { staffNumber: "ASC" }, skip, take });
}

export function insertStaff(db: Db, row: Omit<Staff, "id" | "sessionVersion">): Promise<Staff> {
  const repo = db.getRepository(Staff);
  return repo.save(repo.create(row));
}
export const saveStaffRow = (db: Db, staff: Staff): Promise<Staff> => db.getRepository(Staff).save(staff);
export async function updateStaffRow(db: Db, id: number, change: Partial<Omit<Staff, "id">>): Promise<void> {
  await db.getRepository(Staff).update({ id }, change);
}
