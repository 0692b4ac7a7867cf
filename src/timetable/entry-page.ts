// The entry form's model: the choices it offers (from the week) and the
// values it shows (a saved entry, a new slot, or what was just posted).
import { type TimetableEntry, SESSION_KINDS } from "../db";
import type { FieldErrors } from "../http";
import type { ClashExplanation } from "./clash-messages";
import { WEEKDAYS } from "./core/grid";
import { slotKind, type ClashKind } from "./core";
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
  /** A refused move: the form shows the slot tried, not the one the entry still has. */
  attempt: boolean;
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

/**
 * A new entry's values: the slot asked for, its kind the slot's (a club slot gives
 * a club session, core/slot-kind.ts), and with ?clubId= that club with its teacher
 * and venue preselected (from "place in another slot" on the club's place page).
 */
export function newEntryValues(week: Week, weekday: string, periodId: string, clubId: string): FormValues {
  const club = week.clubs.find((c) => String(c.id) === clubId && !c.cancelled);
  const inSlot = /^[1-5]$/.test(weekday) && week.periods.some((p) => String(p.id) === periodId);
  const kind = club ? "club" : inSlot ? slotKind(week.entries, Number(weekday), Number(periodId)) : "activity";
  const text = (v: number | null | undefined) => (v == null ? "" : String(v));
  return {
    weekday,
    periodId,
    kind,
    grades: [],
    clubId: text(club?.id),
    staffId: text(club?.staffId),
    venueId: text(club?.venueId),
  };
}

/** Staff and venues already used in the form's slot by another entry (the form marks them, so a free one is easy to pick). */
export function busyIn(
  week: Week,
  form: FormValues,
  selfId: number | null,
): { staff: Set<number>; venues: Set<number> } {
  const here = week.entries.filter(
    (e) => e.id !== selfId && String(e.weekday) === form.weekday && String(e.periodId) === form.periodId,
  );
  return {
    staff: new Set(here.flatMap((e) => (e.staffId === null ? [] : [e.staffId]))),
    venues: new Set(here.flatMap((e) => (e.venueId === null ? [] : [e.venueId]))),
  };
}

// Which field a clash concerns, so its message sits beside that field.
const FIELD_OF: Record<ClashKind, string> = {
  "staff-double-booked": "staffId",
  "staff-unavailable": "staffId",
  "staff-outside-hours": "staffId",
  "venue-double-booked": "venueId",
  "club-larger-than-venue": "venueId",
  "grade-double-booked": "grades",
  "grade-has-no-service": "weekday",
};

/** The clash explanations by the form field they concern. */
export function clashFields(clashes: ClashExplanation[]): Record<string, ClashExplanation[]> {
  const out: Record<string, ClashExplanation[]> = {};
  for (const c of clashes) {
    const field = FIELD_OF[c.key.replace(/^clash\./, "") as ClashKind] ?? "weekday";
    (out[field] ??= []).push(c);
  }
  return out;
}
