// The entry form's model: the choices it offers (from the week) and the
// values it shows (a saved entry, a new slot, or what was just posted).
import { type TimetableEntry, SESSION_KINDS } from "../db";
import type { FieldErrors } from "../http";
import type { ClashExplanation } from "./clash-messages";
import { WEEKDAYS } from "./core/grid";
import type { Week } from "./store/week";

export type FormValues = Record<string, string | string[] | undefined>;

export interface EntryPage {
  id: number | null;
  entry: TimetableEntry | null;
  form: FormValues;
  errors: FieldErrors;
  clashes: ClashExplanation[];
  /** The admin asked for a check only (nothing saved). */
  checked: boolean;
  move: { form: FormValues; errors: FieldErrors; clashes: ClashExplanation[] };
  view: string;
}

export function choicesOf(week: Week, entry: TimetableEntry | null) {
  return {
    weekdays: WEEKDAYS,
    kinds: SESSION_KINDS,
    periods: week.periods,
    // A cancelled club or disabled account stays selectable only where it already is.
    clubs: week.clubs.filter((c) => !c.cancelled || c.id === entry?.clubId),
    classes: week.classes,
    staff: week.staff.filter((s) => s.active || s.id === entry?.staffId),
    venues: week.venues,
  };
}

export function valuesOf(
  e: Pick<
    TimetableEntry,
    "weekday" | "periodId" | "kind" | "title" | "grades" | "classId" | "clubId" | "staffId" | "venueId"
  >,
): FormValues {
  const text = (v: number | null) => (v === null ? "" : String(v));
  return {
    weekday: String(e.weekday),
    periodId: String(e.periodId),
    kind: e.kind,
    title: e.title,
    grades: e.grades.map(String),
    classId: text(e.classId),
    clubId: text(e.clubId),
    staffId: text(e.staffId),
    venueId: text(e.venueId),
  };
}

// Posted values back into the form, every field as text (grades as a list).
export function postedValues(body: unknown): FormValues {
  const b = (typeof body === "object" && body !== null ? body : {}) as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === "string" ? v : "");
  const grades = Array.isArray(b.grades)
    ? b.grades.filter((g): g is string => typeof g === "string")
    : typeof b.grades === "string"
      ? [b.grades]
      : [];
  return {
    weekday: text(b.weekday),
    periodId: text(b.periodId),
    kind: text(b.kind),
    title: text(b.title),
    grades,
    classId: text(b.classId),
    clubId: text(b.clubId),
    staffId: text(b.staffId),
    venueId: text(b.venueId),
  };
}
