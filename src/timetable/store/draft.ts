// Opens the current term's draft for a change. On PostgreSQL two admins could
// each check a save against the same old week and both pass, so writes lock
// the term's timetable row first (SQLite already runs write transactions one
// at a time, see src/db/transaction.ts).
import type { EntityManager } from "typeorm";
import { Timetable, nowIso } from "../../db";
import { HttpError } from "../../http";
import type { EntryRow } from "../core/entry-row";
import { currentTerm, loadWeek, Week } from "./week";

export async function openDraft(em: EntityManager): Promise<Week> {
  const term = await currentTerm(em);
  if (!term) throw new HttpError(409, "timetable.noTerm");
  const repo = em.getRepository(Timetable);
  await repo
    .createQueryBuilder()
    .insert()
    .into(Timetable)
    .values({ termId: term.id, publishedAt: null, published: null, updatedAt: nowIso() })
    .orIgnore()
    .execute();
  if (em.connection.options.type === "postgres") {
    await repo
      .createQueryBuilder("t")
      .setLock("pessimistic_write")
      .where("t.termId = :termId", { termId: term.id })
      .getOne();
  }
  return loadWeek(em, term);
}

// The draft changed: the grid's "differs from published" and feeds' caches key on this.
export async function touchDraft(em: EntityManager, termId: number, now: string): Promise<void> {
  await em.getRepository(Timetable).update({ termId }, { updatedAt: now });
}

/** Publishes: the rows become the snapshot families and staff see. */
export async function storePublication(
  em: EntityManager,
  termId: number,
  rows: EntryRow[],
  now: string,
): Promise<void> {
  await em.getRepository(Timetable).update({ termId }, { published: rows, publishedAt: now, updatedAt: now });
}

/** A new term's timetable row: a draft nobody sees until an admin publishes it. */
export async function startDraftTimetable(em: EntityManager, termId: number, now: string): Promise<void> {
  await em.getRepository(Timetable).save({ termId, publishedAt: null, published: null, updatedAt: now });
}
