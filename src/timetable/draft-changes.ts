// The draft's changes against the published timetable (core/draft-diff.ts) with
// the names people read: where each entry was and is (weekday and period name),
// and each changed field's old and new value as a name, not an id. The grid
// marks chips by them; the publish page lists them in words.
import { draftDiff, inView, type DraftChange, type EntryRow, type GridView } from "./core";
import { parseSnapshot } from "./core/snapshot";
import { rowOf } from "./core/entry-row";
import { namesOf, type Week } from "./store/week";

export interface SlotName {
  weekday: number;
  period: string;
}

export interface ChangeLine {
  kind: DraftChange["kind"];
  id: number;
  title: string;
  /** Where it was (null when added) and is (null when removed). */
  from: SlotName | null;
  to: SlotName | null;
  /** Other changes, each as display text; `field` is the form field's name (staffId, venueId…). */
  fields: { field: string; before: string; after: string }[];
}

function publishedRows(week: Week): EntryRow[] | null {
  return week.timetable?.publishedAt ? parseSnapshot(week.timetable.published, week.term.id).rows : null;
}

/** The diff of the week's draft against its published rows; null before the first publication (everything is new then). */
export function weekDiff(week: Week): DraftChange[] | null {
  const published = publishedRows(week);
  if (!published) return null;
  const order = new Map(week.periods.map((p, i) => [p.id, i]));
  return draftDiff(week.entries.map(rowOf), published, order);
}

/** The changes in words (the publish page). */
export function changeLines(week: Week, diff: DraftChange[]): ChangeLine[] {
  const names = namesOf(week);
  const slot = (r: EntryRow | null): SlotName | null =>
    r && { weekday: r.weekday, period: names.periods.get(r.periodId) ?? "?" };
  // A field's value as people read it: ids as names, grades as a list, kind and title as they are.
  const shown = (field: string, value: string | number | number[] | null): string => {
    if (value === null) return "—";
    if (Array.isArray(value)) return value.join(",");
    const map = { staffId: names.staff, venueId: names.venues, clubId: names.clubs, classId: names.classes }[field];
    return map && typeof value === "number" ? (map.get(value) ?? `#${value}`) : String(value);
  };
  return diff.map((c) => ({
    kind: c.kind,
    id: c.id,
    title: (c.after ?? c.before)!.title,
    from: slot(c.before),
    to: slot(c.after),
    fields: c.fields.map((f) => ({ field: f.field, before: shown(f.field, f.before), after: shown(f.field, f.after) })),
  }));
}

/** The grid's marks: each draft chip's change, and the removed entries of the view by slot ("weekday-periodId"). */
export function gridMarks(
  diff: DraftChange[] | null,
  view: GridView,
): { marks: Map<number, DraftChange["kind"]>; removed: Map<string, EntryRow[]> } {
  const marks = new Map<number, DraftChange["kind"]>();
  const removed = new Map<string, EntryRow[]>();
  for (const c of diff ?? []) {
    if (c.after) marks.set(c.id, c.kind);
    else if (inView([c.before!], view).length) {
      const key = `${c.before!.weekday}-${c.before!.periodId}`;
      removed.set(key, [...(removed.get(key) ?? []), c.before!]);
    }
  }
  return { marks, removed };
}
