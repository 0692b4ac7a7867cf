// The one parser and validator of the published timetable snapshot
// (Timetable.published: a JSON array of entry rows, written by whichever
// version of the app published it and never migrated). Pure: no database.
//
// The bad-row policy, the same for every reader: a row that is not a valid
// entry is left out (never half-read, never the whole snapshot dropped), and
// the count of rows left out goes with the rows so the admin's grid can say
// so and the loader can log it. Publishing again replaces the snapshot.
import type { SessionKind } from "./clashes/types";
import type { EntryRow } from "./entry-row";

// The entity's SESSION_KINDS, spelled here so this core loads no ORM; the two
// checks below fail to compile if the lists ever differ (and ../placements.ts
// checks that this core's SessionKind is the entity's).
const KINDS = ["homework", "club", "sport", "activity", "lesson"] as const satisfies readonly SessionKind[];
type Missing = Exclude<SessionKind, (typeof KINDS)[number]>;
const allKinds: [Missing] extends [never] ? true : false = true;
void allKinds;

/** Why a row was left out, for the log line. */
export type RowProblem =
  | "notAnObject"
  | "id"
  | "duplicateId"
  | "weekday"
  | "periodId"
  | "kind"
  | "title"
  | "grades"
  | "reference"
  | "sequence"
  | "updatedAt";

export interface SkippedRow {
  index: number;
  id: unknown;
  problem: RowProblem;
}

export interface ParsedSnapshot {
  /** The valid rows, in the snapshot's order. */
  rows: EntryRow[];
  /** The rows left out, with why. */
  skipped: SkippedRow[];
}

const isInt = (v: unknown): v is number => typeof v === "number" && Number.isInteger(v);
const isId = (v: unknown): v is number => isInt(v) && v > 0;
const isRef = (v: unknown): v is number | null | undefined => v === null || v === undefined || isId(v);

function problemOf(r: Record<string, unknown>): RowProblem | null {
  if (!isId(r.id)) return "id";
  // The timetable runs Monday to Friday; a make-up day names which of them it follows.
  if (!isInt(r.weekday) || r.weekday < 1 || r.weekday > 5) return "weekday";
  if (!isId(r.periodId)) return "periodId";
  if (!(KINDS as readonly unknown[]).includes(r.kind)) return "kind";
  if (typeof r.title !== "string") return "title";
  if (!Array.isArray(r.grades) || !r.grades.every(isInt)) return "grades";
  if (!isRef(r.termId) || !isRef(r.classId) || !isRef(r.clubId) || !isRef(r.staffId) || !isRef(r.venueId))
    return "reference";
  if (r.sequence !== undefined && !isInt(r.sequence)) return "sequence";
  if (r.updatedAt !== undefined && typeof r.updatedAt !== "string") return "updatedAt";
  return null;
}

/** The snapshot's valid rows and those left out; nothing published (null, not an array) is no rows. */
export function parseSnapshot(published: unknown, termId = 0): ParsedSnapshot {
  const rows: EntryRow[] = [];
  const skipped: SkippedRow[] = [];
  if (!Array.isArray(published)) return { rows, skipped };
  const ids = new Set<number>();
  published.forEach((raw: unknown, index) => {
    if (typeof raw !== "object" || raw === null || Array.isArray(raw))
      return skipped.push({ index, id: null, problem: "notAnObject" });
    const r = raw as Record<string, unknown>;
    // Two rows with one id would be one session twice (the feeds' UID is the id): the first stands.
    const problem = problemOf(r) ?? (ids.has(r.id as number) ? "duplicateId" : null);
    if (problem) return skipped.push({ index, id: r.id ?? null, problem });
    ids.add(r.id as number);
    rows.push({
      id: r.id as number,
      termId: (r.termId as number | null | undefined) ?? termId,
      weekday: r.weekday as number,
      periodId: r.periodId as number,
      kind: r.kind as SessionKind,
      title: r.title as string,
      grades: [...(r.grades as number[])],
      classId: (r.classId as number | null | undefined) ?? null,
      clubId: (r.clubId as number | null | undefined) ?? null,
      staffId: (r.staffId as number | null | undefined) ?? null,
      venueId: (r.venueId as number | null | undefined) ?? null,
      sequence: (r.sequence as number | undefined) ?? 0,
      updatedAt: (r.updatedAt as string | undefined) ?? "",
    });
  });
  return { rows, skipped };
}
