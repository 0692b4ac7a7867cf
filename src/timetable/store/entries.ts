// Writes of the draft's entries (the week loader reads them, store/week.ts).
import type { EntityManager } from "typeorm";
import { TimetableEntry } from "../../db";

/** Saves an entry: `before` changed in place (its sequence raised), or a new one of the term. */
export async function storeEntry(
  em: EntityManager,
  before: TimetableEntry | null,
  values: Partial<TimetableEntry>,
  termId: number,
  now: string,
): Promise<TimetableEntry> {
  const repo = em.getRepository(TimetableEntry);
  const entry = before
    ? Object.assign(before, values, { sequence: before.sequence + 1, updatedAt: now })
    : repo.create({ ...values, termId, sequence: 0, updatedAt: now });
  return repo.save(entry);
}

export async function removeEntry(em: EntityManager, id: number): Promise<void> {
  await em.getRepository(TimetableEntry).delete({ id });
}
