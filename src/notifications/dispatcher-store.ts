// The dispatcher's reads and writes on the outbox. A claim marks due rows as
// this worker's until a lease ends: a worker that dies leaves its rows to be
// claimed again when the lease runs out (at-least-once). On PostgreSQL several
// app instances claim at once, each skipping the rows another has locked
// (SELECT … FOR UPDATE SKIP LOCKED); SQLite has one writer, the write queue.
import { type DataSource, In, IsNull, LessThanOrEqual, Or } from "typeorm";
import { inTransaction } from "../db";
import { OutboxDelivery } from "./entities";

export interface Claim {
  workerId: string;
  now: string;
  until: string;
  limit: number;
}

const claimable = (now: string) => ({
  status: "pending",
  nextAttemptAt: LessThanOrEqual(now),
  claimedUntil: Or(IsNull(), LessThanOrEqual(now)),
});

async function claimPostgres(ds: DataSource, c: Claim): Promise<number[]> {
  return ds.transaction(async (em) => {
    const rows: { id: number }[] = await em.query(
      `SELECT id FROM outbox
        WHERE status = 'pending' AND "nextAttemptAt" <= $1 AND ("claimedUntil" IS NULL OR "claimedUntil" <= $1)
        ORDER BY "nextAttemptAt", id
        LIMIT $2
        FOR UPDATE SKIP LOCKED`,
      [c.now, c.limit],
    );
    const ids = rows.map((r) => Number(r.id));
    if (ids.length)
      await em.getRepository(OutboxDelivery).update({ id: In(ids) }, { claimedBy: c.workerId, claimedUntil: c.until });
    return ids;
  });
}

async function claimSqlite(ds: DataSource, c: Claim): Promise<number[]> {
  return inTransaction(ds, async (em) => {
    const repo = em.getRepository(OutboxDelivery);
    const due = await repo.find({
      where: claimable(c.now),
      select: { id: true },
      order: { nextAttemptAt: "ASC", id: "ASC" },
      take: c.limit,
    });
    if (!due.length) return [];
    // The claim's own condition is in the WHERE, so a second process on the
    // file (kehou outbox flush beside the server) cannot take the same row.
    await repo.update(
      { id: In(due.map((r) => r.id)), ...claimable(c.now) },
      {
        claimedBy: c.workerId,
        claimedUntil: c.until,
      },
    );
    const mine = await repo.find({
      where: { id: In(due.map((r) => r.id)), claimedBy: c.workerId, claimedUntil: c.until },
      select: { id: true },
    });
    return mine.map((r) => r.id);
  });
}

/** Claims up to `limit` due rows for this worker and returns them, oldest first. */
export async function claimDue(ds: DataSource, c: Claim): Promise<OutboxDelivery[]> {
  const ids = ds.options.type === "postgres" ? await claimPostgres(ds, c) : await claimSqlite(ds, c);
  if (!ids.length) return [];
  return ds.getRepository(OutboxDelivery).find({ where: { id: In(ids) }, order: { nextAttemptAt: "ASC", id: "ASC" } });
}

/** Marks a claimed row sent (only while it is still this worker's claim). */
export async function markSent(ds: DataSource, row: OutboxDelivery, workerId: string, at: string): Promise<void> {
  await inTransaction(ds, (em) =>
    em
      .getRepository(OutboxDelivery)
      .update(
        { id: row.id, claimedBy: workerId, status: "pending" },
        { status: "sent", attempts: row.attempts + 1, sentAt: at, lastError: null, claimedUntil: null },
      ),
  );
}

/** Records a failed try: the reason, and either the next try or "failed" for good. */
export async function markFailed(
  ds: DataSource,
  row: OutboxDelivery,
  workerId: string,
  outcome: { status: "pending" | "failed"; nextAttemptAt: string; error: string },
): Promise<void> {
  await inTransaction(ds, (em) =>
    em.getRepository(OutboxDelivery).update(
      { id: row.id, claimedBy: workerId, status: "pending" },
      {
        status: outcome.status,
        attempts: row.attempts + 1,
        nextAttemptAt: outcome.nextAttemptAt,
        lastError: outcome.error.slice(0, 500),
        claimedUntil: null,
      },
    ),
  );
}
