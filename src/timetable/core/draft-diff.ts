// What publishing the draft would change for families, entry by entry: added,
// moved to another slot, changed in place (teacher, venue, title…), or removed.
// The grid marks each chip by it and the publish page says each in words. It
// counts exactly what draftChanges counts (sequence and updatedAt are bookkeeping).
import type { EntryRow } from "./entry-row";

export type DraftChangeKind = "added" | "moved" | "changed" | "removed";

const FIELDS = ["kind", "title", "grades", "classId", "clubId", "staffId", "venueId"] as const;
export type ChangedField = (typeof FIELDS)[number];

export interface FieldChange {
  field: ChangedField;
  before: EntryRow[ChangedField];
  after: EntryRow[ChangedField];
}

export interface DraftChange {
  kind: DraftChangeKind;
  id: number;
  /** The published row (null when added). */
  before: EntryRow | null;
  /** The draft row (null when removed). */
  after: EntryRow | null;
  /** What else differs besides the slot (a moved entry may also have a new teacher). */
  fields: FieldChange[];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const sorted = (grades: number[]) => [...grades].sort((a, b) => a - b);

function fieldChanges(before: EntryRow, after: EntryRow): FieldChange[] {
  return FIELDS.flatMap((field) => {
    const [b, a] = field === "grades" ? [sorted(before.grades), sorted(after.grades)] : [before[field], after[field]];
    return same(b, a) ? [] : [{ field, before: before[field], after: after[field] }];
  });
}

/** Every difference between the draft and the published rows, by day and period of where the entry is (or was). */
export function draftDiff(
  draft: readonly EntryRow[],
  published: readonly EntryRow[],
  periodOrder: ReadonlyMap<number, number> = new Map(),
): DraftChange[] {
  const before = new Map(published.map((r) => [r.id, r]));
  const changes: DraftChange[] = [];
  for (const row of draft) {
    const old = before.get(row.id);
    before.delete(row.id);
    if (!old) {
      changes.push({ kind: "added", id: row.id, before: null, after: row, fields: [] });
      continue;
    }
    const fields = fieldChanges(old, row);
    const moved = old.weekday !== row.weekday || old.periodId !== row.periodId;
    if (moved || fields.length)
      changes.push({ kind: moved ? "moved" : "changed", id: row.id, before: old, after: row, fields });
  }
  for (const old of before.values())
    changes.push({ kind: "removed", id: old.id, before: old, after: null, fields: [] });
  const where = (c: DraftChange) => (c.after ?? c.before)!;
  const rank = (r: EntryRow) => r.weekday * 1e6 + (periodOrder.get(r.periodId) ?? r.periodId);
  return changes.sort(
    (a, b) => rank(where(a)) - rank(where(b)) || where(a).title.localeCompare(where(b).title) || a.id - b.id,
  );
}
