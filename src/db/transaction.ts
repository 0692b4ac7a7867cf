// Every write transaction goes through here. TypeORM's better-sqlite3 driver
// shares one connection, so two overlapping transactions corrupt each other:
// on SQLite they run one after another through a queue; PostgreSQL needs none.
import type { DataSource, EntityManager } from "typeorm";

const queues = new WeakMap<DataSource, Promise<unknown>>();

export function inTransaction<T>(ds: DataSource, work: (em: EntityManager) => Promise<T>): Promise<T> {
  if (ds.options.type !== "better-sqlite3") return ds.transaction(work);
  const previous = queues.get(ds) ?? Promise.resolve();
  const next = previous.then(
    () => ds.transaction(work),
    () => ds.transaction(work),
  );
  // Keep the chain alive whatever this transaction's outcome.
  queues.set(
    ds,
    next.catch(() => undefined),
  );
  return next;
}
