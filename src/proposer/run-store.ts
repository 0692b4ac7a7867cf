// The proposal runs' table (proposal_run): the only file that reads or writes it.
import { In, type DataSource, type EntityManager } from "typeorm";
import { nowIso } from "../db";
import { ProposalRun, type BestScore, type RunStatus } from "./entities";
import type { ProposalMetrics } from "./core";

type Db = DataSource | EntityManager;

const SUMMARY = {
  id: true,
  termId: true,
  requestedByStaffId: true,
  options: true,
  status: true,
  stopRequested: true,
  evaluations: true,
  budget: true,
  best: true,
  demand: true,
  error: true,
  acceptedAt: true,
  createdAt: true,
  finishedAt: true,
} as const;
const repo = (db: Db) => db.getRepository(ProposalRun);

export type NewRun = Pick<
  ProposalRun,
  "termId" | "requestedByStaffId" | "options" | "budget" | "fingerprint" | "demand" | "roundId" | "instance"
>;

export async function insertRun(em: EntityManager, run: NewRun): Promise<ProposalRun> {
  const now = nowIso();
  return repo(em).save(
    repo(em).create({
      ...run,
      status: "queued",
      stopRequested: false,
      evaluations: 0,
      best: null,
      result: null,
      currentMetrics: null,
      error: null,
      acceptedAt: null,
      acceptedByStaffId: null,
      createdAt: now,
      startedAt: null,
      finishedAt: null,
      updatedAt: now,
    }),
  );
}

export const findRun = (db: Db, id: number): Promise<ProposalRun | null> => repo(db).findOneBy({ id });

/** The term's run still being computed, if any (one at a time per term). */
export const activeRunOf = (db: Db, termId: number): Promise<ProposalRun | null> =>
  repo(db).findOne({ where: { termId, status: In(["queued", "running"]) }, order: { id: "DESC" } });

/** A run without its large texts: what the progress bar polls. */
export const runProgress = (db: Db, id: number): Promise<ProposalRun | null> =>
  repo(db).findOne({ where: { id }, select: SUMMARY });

/** The term's runs, newest first, without their large texts. */
export async function listRuns(
  db: Db,
  termId: number,
  page: { offset: number; limit: number },
): Promise<{ rows: ProposalRun[]; total: number }> {
  const [rows, total] = await repo(db).findAndCount({
    where: { termId },
    order: { id: "DESC" },
    skip: page.offset,
    take: page.limit,
    select: SUMMARY,
  });
  return { rows, total };
}

export async function markRunning(em: EntityManager, id: number): Promise<void> {
  const now = nowIso();
  await repo(em).update({ id, status: "queued" }, { status: "running", startedAt: now, updatedAt: now });
}

/** Progress while running; answers whether someone asked to stop (on this instance or another). */
export async function storeProgress(
  em: EntityManager,
  id: number,
  evaluations: number,
  best: BestScore,
): Promise<boolean> {
  await repo(em).update({ id, status: "running" }, { evaluations, best, updatedAt: nowIso() });
  return (await repo(em).findOne({ where: { id }, select: { id: true, stopRequested: true } }))?.stopRequested ?? false;
}

export async function finishRun(
  em: EntityManager,
  id: number,
  outcome: {
    status: RunStatus;
    result?: string;
    error?: string;
    evaluations?: number;
    best?: BestScore;
    currentMetrics?: ProposalMetrics | null;
  },
): Promise<void> {
  const now = nowIso();
  await repo(em).update(
    { id, status: In(["queued", "running"]) },
    {
      status: outcome.status,
      result: outcome.result ?? null,
      currentMetrics: outcome.currentMetrics ?? null,
      error: outcome.error?.slice(0, 200) ?? null,
      ...(outcome.evaluations !== undefined ? { evaluations: outcome.evaluations } : {}),
      ...(outcome.best ? { best: outcome.best } : {}),
      finishedAt: now,
      updatedAt: now,
    },
  );
}

export async function requestStop(em: EntityManager, id: number): Promise<boolean> {
  const done = await repo(em).update(
    { id, status: In(["queued", "running"]) },
    { stopRequested: true, updatedAt: nowIso() },
  );
  return (done.affected ?? 0) > 0;
}

/** Marks the run accepted unless it already is: true when this call did it. */
export async function markAccepted(em: EntityManager, id: number, staffId: number | null): Promise<boolean> {
  const now = nowIso();
  const done = await repo(em)
    .createQueryBuilder()
    .update(ProposalRun)
    .set({ acceptedAt: now, acceptedByStaffId: staffId, updatedAt: now })
    .where("id = :id AND acceptedAt IS NULL", { id })
    .execute();
  return (done.affected ?? 0) > 0;
}

/** At start-up: a run this server was computing died with it. */
export async function interruptRuns(em: EntityManager): Promise<number> {
  const now = nowIso();
  const done = await repo(em).update(
    { status: In(["queued", "running"]) },
    { status: "failed", error: "interrupted", finishedAt: now, updatedAt: now },
  );
  return done.affected ?? 0;
}
