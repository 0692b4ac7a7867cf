// Clubs as stored: the only file of this capability that touches the database.
import { type EntityManager, In } from "typeorm";
import { Club, Period, Staff, Student, TimetableEntry, Venue } from "../db";

type Repos = Pick<EntityManager, "getRepository">;

export const clubsOfTerm = (db: Repos, termId: number): Promise<Club[]> => db.getRepository(Club).findBy({ termId });

export const clubOfTerm = (db: Repos, id: number, termId: number): Promise<Club | null> =>
  db.getRepository(Club).findOneBy({ id, termId });

export const clubWithCode = (db: Repos, termId: number, code: string): Promise<Club | null> =>
  db.getRepository(Club).findOneBy({ termId, code });

export async function insertClub(em: EntityManager, values: Partial<Club>): Promise<Club> {
  const repo = em.getRepository(Club);
  return repo.save(repo.create(values));
}

export const saveClub = (em: EntityManager, club: Club): Promise<Club> => em.getRepository(Club).save(club);

export const staffById = (db: Repos, id: number): Promise<Staff | null> => db.getRepository(Staff).findOneBy({ id });

export const venueById = (db: Repos, id: number): Promise<Venue | null> => db.getRepository(Venue).findOneBy({ id });

export const staffByIds = (db: Repos, ids: number[]): Promise<Staff[]> =>
  ids.length ? db.getRepository(Staff).findBy({ id: In(ids) }) : Promise.resolve([]);

/** Every staff member by staff number, and every venue by name (the club form's choices). */
export function staffAndVenues(db: Repos): Promise<[Staff[], Venue[]]> {
  return Promise.all([
    db.getRepository(Staff).find({ order: { staffNumber: "ASC" } }),
    db.getRepository(Venue).find({ order: { name: "ASC" } }),
  ]);
}

/** Names of every staff member and venue, the term's periods and its club rows of the draft timetable (the club list's cards). */
export function clubListContext(db: Repos, termId: number) {
  return Promise.all([
    db.getRepository(Staff).find({ select: { id: true, name: true } }),
    db.getRepository(Venue).find({ select: { id: true, name: true } }),
    db.getRepository(Period).findBy({ termId }),
    db.getRepository(TimetableEntry).findBy({ termId, kind: "club" }),
  ]);
}

/** Children by id with their class, by student number, a page at a time. */
export const studentsPage = (db: Repos, ids: number[], skip: number, take: number): Promise<Student[]> =>
  db.getRepository(Student).find({
    where: { id: In(ids) },
    relations: { schoolClass: true },
    order: { studentNumber: "ASC", id: "ASC" },
    skip,
    take,
  });
