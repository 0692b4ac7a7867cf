// The feeds' reads and writes of single rows: who a feed is for (its page, the
// /feeds list, `kehou ical`), the feed tokens and the UID domain setting. The
// feed's own data is read in one statement by context-store.ts, and the events'
// stamps are kept by event-stamps-store.ts.
import { type DataSource, type EntityManager, IsNull } from "typeorm";
import { Club, Setting, Staff, Student, Venue } from "../db";
import type { Subject } from "./context-store";
import { FeedToken } from "./entities";

type Repos = DataSource | EntityManager;

export async function schoolName(ds: Repos): Promise<string> {
  return (await ds.getRepository(Setting).findOneBy({ key: "school.name" }))?.value ?? "";
}

// Who a feed is for.

export const activeStaffById = (ds: Repos, id: number): Promise<Staff | null> =>
  ds.getRepository(Staff).findOneBy({ id, active: true });
export const staffByNumber = (ds: Repos, staffNumber: string): Promise<Staff | null> =>
  ds.getRepository(Staff).findOneBy({ staffNumber });
export const studentByNumber = (ds: Repos, studentNumber: string): Promise<Student | null> =>
  ds.getRepository(Student).findOneBy({ studentNumber });
export const clubByCode = (ds: Repos, termId: number, code: string): Promise<Club | null> =>
  ds.getRepository(Club).findOneBy({ termId, code });
export const clubOfTerm = (ds: Repos, termId: number, id: number): Promise<Club | null> =>
  ds.getRepository(Club).findOneBy({ id, termId });
export const venueById = (ds: Repos, id: number): Promise<Venue | null> => ds.getRepository(Venue).findOneBy({ id });

/** A child not archived; of that family only when `familyId` is given. */
export function currentChild(ds: Repos, id: number, familyId: number | null): Promise<Student | null> {
  return ds.getRepository(Student).findOneBy({ id, archived: false, ...(familyId === null ? {} : { familyId }) });
}

// What /feeds lists.

/** A family's children (with their class), in id order. */
export function familyChildren(ds: Repos, familyId: number): Promise<Student[]> {
  return ds
    .getRepository(Student)
    .find({ where: { familyId, archived: false }, relations: { schoolClass: true }, order: { id: "ASC" } });
}

export const termClubsByName = (ds: Repos, termId: number): Promise<Club[]> =>
  ds.getRepository(Club).find({ where: { termId }, order: { name: "ASC" } });
export const venuesByName = (ds: Repos): Promise<Venue[]> => ds.getRepository(Venue).find({ order: { name: "ASC" } });

/** Active staff by staff number, a page at a time, and how many there are. */
export function activeStaffPage(ds: Repos, skip: number, take: number): Promise<[Staff[], number]> {
  return ds.getRepository(Staff).findAndCount({ where: { active: true }, order: { staffNumber: "ASC" }, skip, take });
}

// Feed tokens: one live token per feed (a unique index on the live ones).

const live = (s: Subject) => ({ kind: s.kind, subjectId: s.id, revokedAt: IsNull() });

export async function liveTokenOf(ds: Repos, subject: Subject): Promise<string | null> {
  return (await ds.getRepository(FeedToken).findOneBy(live(subject)))?.token ?? null;
}

export async function insertToken(em: Repos, subject: Subject, token: string, createdAt: string): Promise<void> {
  await em
    .getRepository(FeedToken)
    .insert({ kind: subject.kind, subjectId: subject.id, token, createdAt, revokedAt: null });
}

export async function revokeLiveToken(em: Repos, subject: Subject, revokedAt: string): Promise<void> {
  await em.getRepository(FeedToken).update(live(subject), { revokedAt });
}

// The UID domain setting.

/** Stores the UID domain unless one is stored already (insert-if-absent). */
export async function insertUidDomainIfAbsent(ds: DataSource, key: string, domain: string): Promise<void> {
  await ds.createQueryBuilder().insert().into(Setting).values({ key, value: domain }).orIgnore().execute();
}
