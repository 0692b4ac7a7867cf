// Reads that nearly every page repeats (the current term, its rounds, clubs and
// periods, the latest publication, the school's time zone) kept until the database
// changes. changeStamp moves on any write from any instance or connection, so a kept
// value is never older than the last write; where the database cannot tell (inside a
// SQLite transaction) or the read runs in a transaction, the loader simply runs.
// Kept values are shared between requests: callers must not change them.
import { DataSource, EntityManager } from "typeorm";
import { changeStamp } from "./change-stamp";

type Repos = Pick<EntityManager, "getRepository">;

interface Entry {
  stamp: string;
  value: Promise<unknown>;
}
const kept = new WeakMap<DataSource, Map<string, Entry>>();
// A bound so keys made of ids (a term, a grade) cannot grow without end.
const KEEP = 500;

/** The DataSource behind `em` when a read through it may be kept; null inside a transaction. */
function sourceOf(em: Repos | DataSource): DataSource | null {
  if (em instanceof DataSource) return em;
  if (em instanceof EntityManager) return em.queryRunner ? null : em.connection;
  return null;
}

export async function keptRead<T>(em: Repos | DataSource, key: string, load: () => Promise<T>): Promise<T> {
  const ds = sourceOf(em);
  if (!ds) return load();
  const stamp = await changeStamp(ds);
  if (stamp === null) return load();
  const entries = kept.get(ds) ?? new Map<string, Entry>();
  kept.set(ds, entries);
  const hit = entries.get(key);
  if (hit && hit.stamp === stamp) return hit.value as Promise<T>;
  const value = load();
  entries.set(key, { stamp, value });
  value.catch(() => {
    if (entries.get(key)?.value === value) entries.delete(key);
  });
  if (entries.size > KEEP) entries.clear();
  return value;
}
