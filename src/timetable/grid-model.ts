// What the grid pages render: the rows of chips for the chosen view, the
// view switcher's choices, and (for the draft) clashes and the difference
// from the published timetable.
import type { Period } from "../db";
import { findClashes } from "./core/clashes";
import { Chip, chipOf } from "./chips";
import { draftChanges, EntryRow, rowOf } from "./core/entry-row";
import { parseSnapshot } from "./core/snapshot";
import { GridRow, GridView, gridOf, inView, viewParam, WEEKDAYS } from "./core/grid";
import { clashContextOf, placementsOf } from "./placements";
import { Names, namesOf, Week } from "./store/week";
import { gridMarks, weekDiff } from "./draft-changes";

export interface GridModel {
  rows: GridRow<Period, Chip>[];
  weekdays: readonly number[];
  view: GridView;
  viewValue: string;
  viewLabel: { key: string; params: Record<string, unknown> };
  choices: {
    grades: number[];
    venues: { id: number; name: string }[];
    staff: { id: number; name: string; number: string }[];
  };
}

export function gridModel(week: Week, rows: EntryRow[], view: GridView, clashIds = new Set<string>()): GridModel {
  const names = namesOf(week);
  const cancelled = new Set(week.clubs.filter((c) => c.cancelled).map((c) => c.id));
  const grid = gridOf(week.periods, inView(rows, view)).map((row) => ({
    period: row.period,
    cells: row.cells.map((cell) => ({
      weekday: cell.weekday,
      entries: cell.entries.map((e) => chipOf(e, names, clashIds, cancelled)),
    })),
  }));
  return {
    rows: grid,
    weekdays: WEEKDAYS,
    view,
    viewValue: viewParam(view),
    viewLabel: labelOf(view, names),
    choices: {
      grades: [1, 2, 3, 4, 5, 6],
      venues: week.venues.map((v) => ({ id: v.id, name: v.name })),
      staff: week.staff.filter((s) => s.active).map((s) => ({ id: s.id, name: s.name, number: s.staffNumber })),
    },
  };
}

function labelOf(view: GridView, names: Names): GridModel["viewLabel"] {
  switch (view.by) {
    case "all":
      return { key: "timetable.view.all", params: {} };
    case "grade":
      return { key: "timetable.view.gradeN", params: { grade: view.id } };
    case "venue":
      return { key: "timetable.view.venueN", params: { name: names.venues.get(view.id) ?? "?" } };
    case "staff":
      return { key: "timetable.view.staffN", params: { name: names.staff.get(view.id) ?? "?" } };
  }
}

export interface DraftStatus {
  entries: number;
  clashes: number;
  changes: number;
  publishedAt: string | null;
  /** Rows of the published snapshot that are not valid entries: every reader leaves them out (counted in changes too). */
  unreadable: number;
}

// The admin's grid: the live draft, clashing chips marked, and how far it is from what families see
// (each added, moved or changed chip marked, removed ones shown struck through where they were).
export function draftModel(
  week: Week,
  view: GridView,
): GridModel & {
  status: DraftStatus;
  draftMarks: ReturnType<typeof gridMarks>["marks"];
  removedBySlot: Map<string, EntryRow[]>;
} {
  const clashes = findClashes(placementsOf(week), clashContextOf(week));
  const rows = week.entries.map(rowOf);
  const published = week.timetable?.publishedAt
    ? parseSnapshot(week.timetable.published, week.term.id)
    : { rows: [], skipped: [] };
  const { marks, removed } = gridMarks(weekDiff(week), view);
  return {
    ...gridModel(week, rows, view, new Set(clashes.flatMap((c) => c.entryIds))),
    draftMarks: marks,
    removedBySlot: removed,
    status: {
      entries: rows.length,
      clashes: clashes.length,
      changes: draftChanges(rows, published.rows) + published.skipped.length,
      publishedAt: week.timetable?.publishedAt ?? null,
      unreadable: published.skipped.length,
    },
  };
}
