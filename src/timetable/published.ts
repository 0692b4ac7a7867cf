// The published timetable: the snapshot families and staff see (never the
// draft). Other pages that list someone's sessions (the teachers' home page,
// calendar feeds) should read it through here.
import type { EntityManager } from "typeorm";
import { Timetable } from "../db/entities";
import { EntryRow, parseSnapshot } from "./entry-row";
import { currentTerm } from "./week";
import { keptRead } from "../db/kept-reads";

export interface Published { termId: number | null; publishedAt: string | null; rows: EntryRow[] }

// Every family's timetable page, every feed and register reads the same snapshot:
// it is kept until the database changes, and frozen, since all of them share it.
export async function publishedTimetable(em: EntityManager): Promise<Published> {
  const term = await currentTerm(em);
  if (!term) return { termId: null, publishedAt: null, rows: [] };
  return keptRead(em, `published|${term.id}`, async () => {
    const timetable = await em.getRepository(Timetable).findOneBy({ termId: term.id });
    if (!timetable?.publishedAt) return { termId: term.id, publishedAt: null, rows: [] };
    const rows = parseSnapshot(timetable.published).map((r) => Object.freeze({ ...r, grades: Object.freeze(r.grades) as number[] }));
    return Object.freeze({ termId: term.id, publishedAt: timetable.publishedAt, rows: Object.freeze(rows) as EntryRow[] });
  });
}

/** One staff member's published sessions, by day and period (for the teachers' home page). */
export async function publishedSessionsOf(em: EntityManager, staffId: number): Promise<EntryRow[]> {
  const { rows } = await publishedTimetable(em);
  return rows.filter((r) => r.staffId === staffId).sort((a, b) => a.weekday - b.weekday || a.periodId - b.periodId);
}
