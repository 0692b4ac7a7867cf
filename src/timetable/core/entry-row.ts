// The plain row of a timetable entry: what the published snapshot stores
// (Timetable.published is a JSON array of these; core/snapshot.ts parses it)
// and what the audit log keeps.
import type { SessionKind } from "./clashes/types";

export interface EntryRow {
  id: number;
  termId: number;
  weekday: number;
  periodId: number;
  kind: SessionKind;
  title: string;
  grades: number[];
  classId: number | null;
  clubId: number | null;
  staffId: number | null;
  venueId: number | null;
  sequence: number;
  updatedAt: string;
}

/** A saved entry (the entity) or a row: what rowOf copies. */
export type EntryRowSource = Omit<EntryRow, "classId" | "clubId" | "staffId" | "venueId" | "sequence"> & {
  classId?: number | null;
  clubId?: number | null;
  staffId?: number | null;
  venueId?: number | null;
  sequence?: number | null;
};

export function rowOf(e: EntryRowSource): EntryRow {
  return {
    id: e.id,
    termId: e.termId,
    weekday: e.weekday,
    periodId: e.periodId,
    kind: e.kind,
    title: e.title,
    grades: [...e.grades],
    classId: e.classId ?? null,
    clubId: e.clubId ?? null,
    staffId: e.staffId ?? null,
    venueId: e.venueId ?? null,
    sequence: e.sequence ?? 0,
    updatedAt: e.updatedAt,
  };
}

// What families would see change if the draft were published now: each
// entry added, removed, or different in what it says (sequence and
// updatedAt alone are bookkeeping, not a change anyone sees).
export function draftChanges(draft: EntryRow[], published: EntryRow[]): number {
  const before = new Map(published.map((r) => [r.id, r]));
  let changes = 0;
  for (const row of draft) {
    const old = before.get(row.id);
    if (!old || contentOf(old) !== contentOf(row)) changes++;
    before.delete(row.id);
  }
  return changes + before.size;
}

function contentOf(r: EntryRow): string {
  return JSON.stringify([
    r.weekday,
    r.periodId,
    r.kind,
    r.title,
    [...r.grades].sort((a, b) => a - b),
    r.classId,
    r.clubId,
    r.staffId,
    r.venueId,
  ]);
}
