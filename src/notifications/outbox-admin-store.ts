// The outbox as the admin's status page reads it, and "retry now".
import { type DataSource, type EntityManager, IsNull } from "typeorm";
import { OutboxDelivery } from "./entities";

export interface OutboxFilter {
  status: string | null;
  channel: string | null;
  kind: string | null;
}

export function listDeliveries(
  ds: DataSource,
  f: OutboxFilter,
  skip: number,
  take: number,
): Promise<[OutboxDelivery[], number]> {
  return ds.getRepository(OutboxDelivery).findAndCount({
    where: {
      ...(f.status ? { status: f.status } : {}),
      ...(f.channel ? { channel: f.channel } : {}),
      ...(f.kind ? { kind: f.kind } : {}),
    },
    order: { createdAt: "DESC", id: "DESC" },
    skip,
    take,
  });
}

/** How many rows each status has (the page's summary). */
export async function statusCounts(ds: DataSource): Promise<Record<string, number>> {
  const rows: { status: string; n: string | number }[] = await ds
    .getRepository(OutboxDelivery)
    .createQueryBuilder("o")
    .select("o.status", "status")
    .addSelect("COUNT(*)", "n")
    .groupBy("o.status")
    .getRawMany();
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

/** The kinds present, for the filter. */
export async function outboxKinds(ds: DataSource): Promise<string[]> {
  const rows: { kind: string }[] = await ds
    .getRepository(OutboxDelivery)
    .createQueryBuilder("o")
    .select("DISTINCT o.kind", "kind")
    .orderBy("kind")
    .getRawMany();
  return rows.map((r) => r.kind);
}

export function deliveryById(db: Pick<EntityManager, "getRepository">, id: number): Promise<OutboxDelivery | null> {
  return db.getRepository(OutboxDelivery).findOneBy({ id });
}

/**
 * Puts a failed row (or one waiting for its next try, not being sent) back in
 * line for now; returns whether it changed. A row under a live claim is left
 * alone: freeing it could send it twice at once.
 */
export async function requeue(em: EntityManager, id: number, at: string): Promise<boolean> {
  const repo = em.getRepository(OutboxDelivery);
  const back = { status: "pending", nextAttemptAt: at, claimedUntil: null };
  const failed = await repo.update({ id, status: "failed" }, back);
  if ((failed.affected ?? 0) > 0) return true;
  const waiting = await repo.update({ id, status: "pending", claimedUntil: IsNull() }, back);
  return (waiting.affected ?? 0) > 0;
}
