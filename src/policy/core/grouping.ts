// The compliance page's views of the violations: filtered by rule, grade, weekday and
// severity, grouped by rule, grade or day. Pure.
import type { Violation } from "./types";

export type GroupBy = "rule" | "grade" | "day";

export interface ViolationFilter {
  rule?: string;
  grade?: number;
  weekday?: number;
  severity?: "error" | "warning";
}

export interface ViolationGroup {
  key: string;
  violations: Violation[];
  errors: number;
  warnings: number;
}

/** The grades a violation concerns: its target's grade, else the grades of the entry it points at. */
export function gradesOf(v: Violation): number[] {
  if (typeof v.target.grade === "number") return [v.target.grade];
  const grades = v.values.grades;
  return Array.isArray(grades) ? grades.filter((g): g is number => typeof g === "number") : [];
}

/** The timetable weekday (1–5) it concerns, if any (a date's weekday is the timetable it runs). */
export function weekdayOf(v: Violation): number | undefined {
  const w = v.target.weekday ?? v.values.weekday;
  return typeof w === "number" && w >= 1 && w <= 7 ? w : undefined;
}

export function filterViolations(all: Violation[], f: ViolationFilter): Violation[] {
  return all.filter(
    (v) =>
      (f.rule === undefined || v.ruleId === f.rule) &&
      (f.severity === undefined || v.severity === f.severity) &&
      (f.grade === undefined || gradesOf(v).includes(f.grade)) &&
      (f.weekday === undefined || weekdayOf(v) === f.weekday),
  );
}

// Errors before warnings, then by date and weekday so a rule's rows read like a calendar.
function compare(a: Violation, b: Violation): number {
  if (a.severity !== b.severity) return a.severity === "error" ? -1 : 1;
  const da = String(a.target.date ?? "");
  const db = String(b.target.date ?? "");
  if (da !== db) return da < db ? -1 : 1;
  return (weekdayOf(a) ?? 9) - (weekdayOf(b) ?? 9) || (gradesOf(a)[0] ?? 99) - (gradesOf(b)[0] ?? 99);
}

/** Groups in a stable order: rules as given, grades ascending, Monday to Sunday; "none" last. */
export function groupViolations(all: Violation[], by: GroupBy, ruleOrder: string[] = []): ViolationGroup[] {
  const groups = new Map<string, Violation[]>();
  const add = (key: string, v: Violation) => groups.set(key, [...(groups.get(key) ?? []), v]);
  for (const v of all) {
    if (by === "rule") add(v.ruleId, v);
    else if (by === "grade") {
      const grades = gradesOf(v);
      if (!grades.length) add("none", v);
      for (const g of grades) add(String(g), v);
    } else add(String(weekdayOf(v) ?? "none"), v);
  }
  const rank = (key: string) => {
    if (key === "none") return Number.MAX_SAFE_INTEGER;
    if (by === "rule") return ruleOrder.includes(key) ? ruleOrder.indexOf(key) : ruleOrder.length;
    return Number(key);
  };
  return [...groups.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([key, vs]) => ({
      key,
      violations: [...vs].sort(compare),
      errors: vs.filter((v) => v.severity === "error").length,
      warnings: vs.filter((v) => v.severity === "warning").length,
    }));
}
