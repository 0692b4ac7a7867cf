// Venues: the school's rooms and grounds (not a term's).
import { type DataSource, type EntityManager, Like, Not } from "typeorm";
import { Club, TimetableEntry, Venue } from "../../db";

type Db = DataSource | EntityManager;
type VenueRow = Pick<Venue, "name" | "capacity" | "indoor" | "kind">;

export const venueById = (db: Db, id: number): Promise<Venue | null> => db.getRepository(Venue).findOneBy({ id });

/** A page of venues whose name contains `q` (all when empty), by name. */
export function searchVenues(db: Db, q: string, skip: number, take: number): Promise<[Venue[], number]> {
  return db
    .getRepository(Venue)
    .findAndCount({ where: q ? { name: Like(`%${q}%`) } : {}, order: { name: "ASC" }, skip, take });
}

export const venueNameTaken = (db: Db, name: string, exceptId: number | null): Promise<boolean> =>
  db.getRepository(Venue).existsBy({ name, ...(exceptId !== null && { id: Not(exceptId) }) });

/** Inserts (id null) or updates the venue; its id. */
export async function saveVenueRow(db: Db, id: number | null, row: VenueRow): Promise<number> {
  if (id === null) return (await db.getRepository(Venue).save({ ...row })).id;
  await db.getRepository(Venue).update({ id }, row);
  return id;
}

/** Timetable sessions and clubs that use the venue. */
export async function venueUses(db: Db, venueId: number): Promise<number> {
  return (
    (await db.getRepository(TimetableEntry).countBy({ venueId })) + (await db.getRepository(Club).countBy({ venueId }))
  );
}
export async function deleteVenueRow(db: Db, id: number): Promise<void> {
  await db.getRepository(Venue).delete({ id });
}
