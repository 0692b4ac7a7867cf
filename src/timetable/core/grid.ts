// The weekly grid as rows of periods and columns of weekdays, seen from one
// angle: a grade, a venue, a staff member, or the whole school. Pure: it
// works on saved entries and on rows of the published snapshot alike.
export const WEEKDAYS = [1, 2, 3, 4, 5] as const;

export type GridView =
  { by: "all" } | { by: "grade"; id: number } | { by: "venue"; id: number } | { by: "staff"; id: number };

interface Placed {
  weekday: number;
  periodId: number;
  grades: number[];
  staffId: number | null;
  venueId: number | null;
}

/** `view=grade-3`, `view=venue-12`, `view=staff-5` or `view=all`; anything else is `fallback`. */
export function parseView(raw: unknown, fallback: GridView = { by: "all" }): GridView {
  if (raw === "all") return { by: "all" };
  const m = typeof raw === "string" ? /^(grade|venue|staff)-(\d{1,9})$/.exec(raw) : null;
  if (!m) return fallback;
  const id = Number(m[2]);
  if (m[1] === "grade" && (id < 1 || id > 6)) return fallback;
  return { by: m[1] as "grade" | "venue" | "staff", id };
}

export function viewParam(view: GridView): string {
  return view.by === "all" ? "all" : `${view.by}-${view.id}`;
}

export function inView<E extends Placed>(entries: E[], view: GridView): E[] {
  switch (view.by) {
    case "all":
      return entries;
    case "grade":
      return entries.filter((e) => e.grades.includes(view.id));
    case "venue":
      return entries.filter((e) => e.venueId === view.id);
    case "staff":
      return entries.filter((e) => e.staffId === view.id);
  }
}

export interface GridRow<P, E> {
  period: P;
  cells: { weekday: number; entries: E[] }[];
}

// Entries in a period the term no longer has are left out (they cannot be shown in a row).
export function gridOf<P extends { id: number }, E extends Placed>(periods: P[], entries: E[]): GridRow<P, E>[] {
  const bySlot = new Map<string, E[]>();
  for (const e of entries) {
    const key = `${e.weekday}|${e.periodId}`;
    bySlot.set(key, [...(bySlot.get(key) ?? []), e]);
  }
  return periods.map((period) => ({
    period,
    cells: WEEKDAYS.map((weekday) => ({ weekday, entries: bySlot.get(`${weekday}|${period.id}`) ?? [] })),
  }));
}
