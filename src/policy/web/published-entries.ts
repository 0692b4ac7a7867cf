// The published timetable is a JSON snapshot of entry rows; read it defensively,
// since it was written by another version of the app and is never migrated.
import { z } from "zod";
import { SESSION_KINDS, type SessionKind } from "../../db/entities/timetable";

export interface EntryRow {
  id: number;
  weekday: number;
  periodId: number;
  kind: SessionKind;
  grades: number[];
  classId: number | null;
  clubId: number | null;
  staffId: number | null;
  venueId: number | null;
}

const id = z.coerce.number().int();
const optionalId = z.union([id, z.null(), z.undefined()]).transform((v) => v ?? null);
const row = z.object({
  id, weekday: id, periodId: id, kind: z.enum(SESSION_KINDS), grades: z.array(id),
  classId: optionalId, clubId: optionalId, staffId: optionalId, venueId: optionalId,
});

/** The snapshot's rows, or null when there is none or it cannot be read. */
export function publishedEntries(snapshot: unknown): EntryRow[] | null {
  if (!Array.isArray(snapshot)) return null;
  const parsed = z.array(row).safeParse(snapshot);
  return parsed.success ? parsed.data : null;
}
