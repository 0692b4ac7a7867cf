// For the timetable grid: the violations shown inline, in the cell they point at.
// A session's violation shows in its cell (and flags its chip) when the view shows
// that session; a slot's (a grade with nowhere to go) in the whole-school view and
// in the views of the grades it names; a grade's day (service hours, the sport hour)
// in a row of its own above the periods, under its weekday — the same finding on many
// dates of one weekday once, with how many more days. One class's homework and people
// or rooms stay on the compliance page. Pure: the route passes the run's violations.
import type { Locale, Severity, Violation } from "./types";
import { gradesOf } from "./grouping";

/** The cell key the grid uses: "<weekday>-<periodId>", e.g. "4-12". */
export const slotKey = (weekday: number, periodId: string | number): string => `${weekday}-${periodId}`;

export interface CellIssue {
  ruleId: string;
  severity: Severity;
  message: string;
  href: string;
  /** More dates with the same finding. */ more: number;
}

export interface GridIssues {
  /** By cell key "<weekday>-<periodId>", errors first. */
  cells: Map<string, CellIssue[]>;
  /** Weekday → the findings about a grade's whole day (no period). */
  days: Map<number, CellIssue[]>;
  /** Chip (entry id) → its worst severity. */
  chips: Map<number, Severity>;
  errors: number;
  warnings: number;
}

/** What the grid on screen shows: the entries in it, and the grade when it is one grade's view. */
export interface GridShown {
  entryIds: Set<number>;
  by: "all" | "grade" | "venue" | "staff";
  grade?: number;
}

const worse = (a: Severity | undefined, b: Severity): Severity =>
  a === "error" || b === "error" ? "error" : "warning";

function shows(v: Violation, shown: GridShown): boolean {
  if (v.target.kind === "entry") return v.target.entryId !== undefined && shown.entryIds.has(Number(v.target.entryId));
  if (v.target.kind !== "slot" && v.target.kind !== "grade-day") return false;
  if (shown.by === "all") return true;
  return shown.by === "grade" && shown.grade !== undefined && gradesOf(v).includes(shown.grade);
}

function complianceHref(v: Violation): string {
  const weekday = v.target.weekday === undefined ? "" : `&weekday=${v.target.weekday}`;
  return `/admin/compliance?rule=${encodeURIComponent(v.ruleId)}${weekday}`;
}

export function gridIssues(violations: Violation[], locale: Locale, shown: GridShown): GridIssues {
  const cells = new Map<string, CellIssue[]>();
  const days = new Map<number, CellIssue[]>();
  const chips = new Map<number, Severity>();
  const sameOnOtherDates = new Map<string, CellIssue>();
  for (const v of violations) {
    const { weekday, periodId, entryId } = v.target;
    if (weekday === undefined || !shows(v, shown)) continue;
    const issue = {
      ruleId: v.ruleId,
      severity: v.severity,
      message: v.message[locale] ?? v.message["zh-CN"],
      href: complianceHref(v),
      more: 0,
    };
    if (periodId === undefined) {
      const key = `${v.ruleId}|${v.target.grade}|${weekday}`;
      const first = v.target.date === undefined ? undefined : sameOnOtherDates.get(key);
      if (first) {
        first.more++;
        continue;
      }
      if (v.target.date !== undefined) sameOnOtherDates.set(key, issue);
      days.set(weekday, [...(days.get(weekday) ?? []), issue]);
      continue;
    }
    const key = slotKey(weekday, periodId);
    cells.set(key, [...(cells.get(key) ?? []), issue]);
    if (entryId !== undefined) chips.set(Number(entryId), worse(chips.get(Number(entryId)), v.severity));
  }
  for (const list of [...cells.values(), ...days.values()])
    list.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1));
  return {
    cells,
    days,
    chips,
    errors: violations.filter((v) => v.severity === "error").length,
    warnings: violations.filter((v) => v.severity === "warning").length,
  };
}
