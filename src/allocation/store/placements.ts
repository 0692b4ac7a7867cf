// Placements, waitlist entries and offers: what publishing writes and what
// the waitlist changes, read and written inside the caller's transaction.
import { type DataSource, type EntityManager, In, LessThan, Not } from "typeorm";
import { ClubPlacement, WaitlistEntry, WaitlistOffer, type WaitlistStatus } from "../entities";

type Db = DataSource | EntityManager;

export const placementsOfRound = (db: Db, roundId: number): Promise<ClubPlacement[]> =>
  db.getRepository(ClubPlacement).findBy({ roundId });
export const membersOfClub = (db: Db, roundId: number, clubId: number): Promise<ClubPlacement[]> =>
  db.getRepository(ClubPlacement).find({ where: { roundId, clubId }, relations: { student: { schoolClass: true } } });
export const placementOf = (
  db: Db,
  roundId: number,
  studentId: number,
  clubId: number,
): Promise<ClubPlacement | null> => db.getRepository(ClubPlacement).findOneBy({ roundId, studentId, clubId });

export async function deletePlacementById(em: EntityManager, id: number): Promise<void> {
  await em.getRepository(ClubPlacement).delete({ id });
}

export async function deletePlacements(
  em: EntityManager,
  roundId: number,
  studentId: number,
  clubIds: number[],
): Promise<void> {
  await em.getRepository(ClubPlacement).delete({ roundId, studentId, clubId: In(clubIds) });
}

export async function deletePlacement(
  em: EntityManager,
  roundId: number,
  studentId: number,
  clubId: number,
): Promise<void> {
  await em.getRepository(ClubPlacement).delete({ roundId, studentId, clubId });
}

export async function insertPlacement(
  em: EntityManager,
  row: Omit<ClubPlacement, "id" | "round" | "student" | "club">,
): Promise<void> {
  await em.getRepository(ClubPlacement).insert(row);
}

/**
 * Clears what a publication replaces: open offers, entries not accepted, and
 * the seats the previous run gave (seats taken through accepted offers stay).
 */
export async function clearForPublication(em: EntityManager, roundId: number): Promise<void> {
  await em.getRepository(WaitlistOffer).delete({ roundId, status: "open" });
  await em.getRepository(WaitlistEntry).delete({ roundId, status: Not("accepted") });
  await em.getRepository(ClubPlacement).delete({ roundId, source: "allocation" });
}

export const insertPlacements = (em: EntityManager, rows: Partial<ClubPlacement>[]): Promise<void> =>
  insertChunks(em, ClubPlacement, rows);
export const insertEntries = (em: EntityManager, rows: Partial<WaitlistEntry>[]): Promise<void> =>
  insertChunks(em, WaitlistEntry, rows);

async function insertChunks<T extends object>(
  em: EntityManager,
  entity: new () => T,
  rows: Partial<T>[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) await em.getRepository(entity).insert(rows.slice(i, i + 200) as never);
}

export const waitingOfRound = (db: Db, roundId: number): Promise<WaitlistEntry[]> =>
  db.getRepository(WaitlistEntry).findBy({ roundId, status: "waiting" });
/** A club's waitlist in order, one page, with the children and their classes. */
export const waitlistPage = (
  db: Db,
  roundId: number,
  clubId: number,
  skip: number,
  take: number,
): Promise<[WaitlistEntry[], number]> =>
  db.getRepository(WaitlistEntry).findAndCount({
    where: { roundId, clubId },
    relations: { student: { schoolClass: true } },
    order: { position: "ASC" },
    skip,
    take,
  });
/** The children still waiting for a club, first in line first. */
export const waitingForClub = (db: Db, roundId: number, clubId: number): Promise<WaitlistEntry[]> =>
  db.getRepository(WaitlistEntry).find({ where: { roundId, clubId, status: "waiting" }, order: { position: "ASC" } });
/** Which rounds have children waiting for these clubs. */
export const waitingForClubs = (db: Db, clubIds: number[]): Promise<Pick<WaitlistEntry, "roundId" | "clubId">[]> =>
  db
    .getRepository(WaitlistEntry)
    .find({ select: { roundId: true, clubId: true }, where: { clubId: In(clubIds), status: "waiting" } });
/** A child's places on waitlists (waiting or offered) in these rounds. */
export const entriesOfChild = (db: Db, roundIds: number[], studentId: number): Promise<WaitlistEntry[]> =>
  db.getRepository(WaitlistEntry).find({
    where: { roundId: In(roundIds), studentId, status: In(["waiting", "offered"]) },
    order: { roundId: "ASC", position: "ASC" },
  });
/** The child's place among those still waiting or offered (1 = next). */
export const placeInLine = async (db: Db, entry: WaitlistEntry): Promise<number> =>
  1 +
  (await db.getRepository(WaitlistEntry).countBy({
    roundId: entry.roundId,
    clubId: entry.clubId,
    status: In(["waiting", "offered"]),
    position: LessThan(entry.position),
  }));

export async function setEntryStatus(em: EntityManager, id: number, status: WaitlistStatus): Promise<void> {
  await em.getRepository(WaitlistEntry).update({ id }, { status });
}

export const openOffersOfRound = (db: Db, roundId: number): Promise<WaitlistOffer[]> =>
  db.getRepository(WaitlistOffer).findBy({ roundId, status: "open" });
export const offersOfClub = (db: Db, roundId: number, clubId: number): Promise<WaitlistOffer[]> =>
  db.getRepository(WaitlistOffer).find({ where: { roundId, clubId }, order: { id: "DESC" } });
export const openOffersOfChild = (db: Db, roundIds: number[], studentId: number): Promise<WaitlistOffer[]> =>
  db
    .getRepository(WaitlistOffer)
    .find({ where: { roundId: In(roundIds), studentId, status: "open" }, order: { expiresAt: "ASC" } });
export const offerById = (db: Db, id: number): Promise<WaitlistOffer | null> =>
  db.getRepository(WaitlistOffer).findOneBy({ id });
export const offerByIdOrFail = (db: Db, id: number): Promise<WaitlistOffer> =>
  db.getRepository(WaitlistOffer).findOneByOrFail({ id });
export const offerWithStudent = (db: Db, id: number): Promise<WaitlistOffer | null> =>
  db.getRepository(WaitlistOffer).findOne({ where: { id }, relations: { student: true } });
/** Open offers past their time, oldest first (ids only). */
export const dueOffers = (db: Db, nowIso: string): Promise<Pick<WaitlistOffer, "id">[]> =>
  db.getRepository(WaitlistOffer).find({
    select: { id: true },
    where: { status: "open", expiresAt: LessThan(nowIso) },
    order: { expiresAt: "ASC", id: "ASC" },
  });

export async function insertOffer(
  em: EntityManager,
  row: Omit<WaitlistOffer, "id" | "round" | "club" | "student" | "entry">,
): Promise<WaitlistOffer> {
  const repo = em.getRepository(WaitlistOffer);
  return repo.save(repo.create(row));
}

/** Answers an open offer; false when another transaction flipped it first. */
export async function answerOpenOffer(
  em: EntityManager,
  id: number,
  status: "accepted" | "declined",
  respondedAt: string,
): Promise<boolean> {
  const flipped = await em.getRepository(WaitlistOffer).update({ id, status: "open" }, { status, respondedAt });
  return (flipped.affected ?? 0) === 1;
}

/** Expires an open offer past its time; false when another transaction flipped it first. */
export async function expireDueOffer(em: EntityManager, id: number, nowIso: string): Promise<boolean> {
  // The conditional UPDATE is the guard: only the transaction that flips the row acts on it.
  const flipped = await em
    .getRepository(WaitlistOffer)
    .update({ id, status: "open", expiresAt: LessThan(nowIso) }, { status: "expired", respondedAt: nowIso });
  return (flipped.affected ?? 0) === 1;
}
