// Allocation runs, pins and publications: the rows an admin's run, pin and
// publish make, and the reads of their pages.
import { type DataSource, type EntityManager, In, LessThanOrEqual } from "typeorm";
import { Setting } from "../../db";
import { AllocationPin, AllocationPublication, AllocationRun } from "../entities";
import { OFFER_HOURS_KEY } from "./waitlist-context";

type Db = DataSource | EntityManager;

export const runById = (db: Db, id: number): Promise<AllocationRun | null> =>
  db.getRepository(AllocationRun).findOneBy({ id });
export const runByIdOrFail = (db: Db, id: number): Promise<AllocationRun> =>
  db.getRepository(AllocationRun).findOneByOrFail({ id });

export async function insertRun(em: EntityManager, row: Omit<AllocationRun, "id" | "round">): Promise<AllocationRun> {
  const repo = em.getRepository(AllocationRun);
  return repo.save(repo.create(row));
}

/** A round's runs without their texts, newest first, one page. */
export const runsOfRound = (db: Db, roundId: number, skip: number, take: number): Promise<[AllocationRun[], number]> =>
  db.getRepository(AllocationRun).findAndCount({
    select: { id: true, roundId: true, mechanism: true, seed: true, summary: true, note: true, createdAt: true },
    where: { roundId },
    order: { id: "DESC" },
    skip,
    take,
  });

/** The round's latest 50 runs (id, mechanism, seed, date only). */
export const recentRuns = (db: Db, roundId: number): Promise<AllocationRun[]> =>
  db.getRepository(AllocationRun).find({
    select: { id: true, mechanism: true, seed: true, createdAt: true },
    where: { roundId },
    order: { id: "DESC" },
    take: 50,
  });

export const runCount = (db: Db, roundId: number): Promise<number> =>
  db.getRepository(AllocationRun).countBy({ roundId });

export const publicationOf = (db: Db, roundId: number): Promise<AllocationPublication | null> =>
  db.getRepository(AllocationPublication).findOneBy({ roundId });
export const isPublished = (db: Db, roundId: number): Promise<boolean> =>
  db.getRepository(AllocationPublication).existsBy({ roundId });
export const publicationsOf = (db: Db, roundIds: number[]): Promise<AllocationPublication[]> =>
  db.getRepository(AllocationPublication).findBy({ roundId: In(roundIds) });
/** The newest publication among these rounds. */
export const latestPublicationOf = (db: Db, roundIds: number[]): Promise<AllocationPublication | null> =>
  db
    .getRepository(AllocationPublication)
    .findOne({ where: { roundId: In(roundIds) }, order: { publishedAt: "DESC", id: "DESC" } });

/** Takes the round's lock (its publication row) by bumping its version. */
export async function bumpPublication(em: EntityManager, roundId: number): Promise<void> {
  await em.getRepository(AllocationPublication).increment({ roundId }, "version", 1);
}

export async function pointPublication(
  em: EntityManager,
  id: number,
  change: Pick<AllocationPublication, "runId" | "publishedAt" | "publishedById">,
): Promise<void> {
  await em.getRepository(AllocationPublication).update({ id }, change);
}

export async function insertPublication(
  em: EntityManager,
  row: Pick<AllocationPublication, "roundId" | "runId" | "publishedAt" | "publishedById" | "version">,
): Promise<void> {
  await em.getRepository(AllocationPublication).insert(row);
}

export const pinsOfRound = (db: Db, roundId: number): Promise<AllocationPin[]> =>
  db
    .getRepository(AllocationPin)
    .find({ where: { roundId }, relations: { student: true, club: true }, order: { id: "ASC" } });
export const pinExists = (db: Db, roundId: number, studentId: number, clubId: number): Promise<boolean> =>
  db.getRepository(AllocationPin).existsBy({ roundId, studentId, clubId });
export const pinsOfChild = (db: Db, roundId: number, studentId: number): Promise<AllocationPin[]> =>
  db.getRepository(AllocationPin).findBy({ roundId, studentId });
export const pinOfRound = (db: Db, roundId: number, id: number): Promise<AllocationPin | null> =>
  db.getRepository(AllocationPin).findOneBy({ id, roundId });

export async function deletePins(em: EntityManager, ids: number[]): Promise<void> {
  await em.getRepository(AllocationPin).delete(ids);
}

export async function deletePin(em: EntityManager, id: number): Promise<void> {
  await em.getRepository(AllocationPin).delete({ id });
}

export async function insertPin(
  em: EntityManager,
  row: Omit<AllocationPin, "id" | "round" | "student" | "club">,
): Promise<AllocationPin> {
  const repo = em.getRepository(AllocationPin);
  return repo.save(repo.create(row));
}

/** The school-wide offer expiry, in hours. */
export async function saveOfferHours(em: EntityManager, hours: number): Promise<void> {
  await em.getRepository(Setting).save({ key: OFFER_HOURS_KEY, value: String(hours) });
}

/** Each run's number within its round (1 for the round's first run), by run id: what admins read; URLs keep the id. */
export async function runNumbers(db: Db, roundId: number): Promise<Map<number, number>> {
  const ids = await db
    .getRepository(AllocationRun)
    .find({ select: { id: true }, where: { roundId }, order: { id: "ASC" } });
  return new Map(ids.map((r, i) => [r.id, i + 1]));
}

/** One run's number within its round: how many of the round's runs came before it, plus one. */
export const runNumberAt = (db: Db, roundId: number, runId: number): Promise<number> =>
  db.getRepository(AllocationRun).countBy({ roundId, id: LessThanOrEqual(runId) });
