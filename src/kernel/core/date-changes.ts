// Per-date changes to the week, as the kernel owns them: a cancelled session
// or day (for the school or one grade), with a reason kind, and cover (代课:
// another staff member leads one date's session). Pure: the store hands in one
// date's rows, the timetable asks which of them touch an entry.
import { isIsoDate, type IsoDate } from "./dates";

export const CANCEL_REASONS = ["weather", "outing", "event", "other"] as const;
export type CancelReason = (typeof CANCEL_REASONS)[number];
export const NOTE_MAX = 200;
export const GRADES = [1, 2, 3, 4, 5, 6] as const;

/** One cancellation: of one published entry's session (entryId), or of a day's service (entryId null) for a grade or, grade null, the school. */
export interface CancellationFact {
  id: number;
  date: IsoDate;
  entryId: number | null;
  grade: number | null;
  reason: CancelReason;
  note: string | null;
}
/** One cover: `staffId` leads entry `entryId`'s session on `date` instead of its own staff. */
export interface CoverFact {
  id: number;
  date: IsoDate;
  entryId: number;
  staffId: number;
}

export interface DateChangeFacts {
  cancellations: readonly CancellationFact[];
  covers: readonly CoverFact[];
}

export const NO_DATE_CHANGES: DateChangeFacts = Object.freeze({
  cancellations: Object.freeze([]),
  covers: Object.freeze([]),
});

/**
 * The cancellation that stops an entry's session, or null. A session's own
 * cancellation wins over a day's (it carries the more precise reason). A grade's
 * day (an outing) stops only sessions wholly of that grade: a club shared with
 * other grades still runs for them. A session for no grade in particular stops
 * only with the whole school's day.
 */
export function cancellationOf(
  facts: DateChangeFacts,
  entry: { id: number; grades: readonly number[] },
): CancellationFact | null {
  const own = facts.cancellations.find((c) => c.entryId === entry.id);
  if (own) return own;
  return (
    facts.cancellations.find(
      (c) =>
        c.entryId === null &&
        (c.grade === null || (entry.grades.length > 0 && entry.grades.every((g) => g === c.grade))),
    ) ?? null
  );
}

export function coverOf(facts: DateChangeFacts, entryId: number): CoverFact | null {
  return facts.covers.find((c) => c.entryId === entryId) ?? null;
}

export type DateChangeField = "date" | "entryId" | "grade" | "reason" | "note" | "staffId" | "scope";
/** Field → i18n key (and its parameters), as the form re-renders them. */
export type FormErrors = Partial<Record<DateChangeField, { key: string; params?: Record<string, unknown> }>>;

export interface CancelInput {
  date: IsoDate;
  entryId: number | null;
  grade: number | null;
  reason: CancelReason;
  note: string | null;
}
export interface CoverInput {
  date: IsoDate;
  entryId: number;
  staffId: number;
}

const text = (v: unknown): string => (typeof v === "string" ? v.trim() : "");
const id = (v: unknown): number | null => (/^\d{1,9}$/.test(text(v)) && Number(text(v)) > 0 ? Number(text(v)) : null);

/** A cancel form's fields, or the fields that are wrong (an i18n key each). */
export function parseCancel(body: Record<string, unknown>): { input: CancelInput | null; errors: FormErrors } {
  const errors: FormErrors = {};
  const date = text(body.date);
  if (!isIsoDate(date)) errors.date = { key: "validation.date" };
  const scope = text(body.scope) || "session";
  if (scope !== "session" && scope !== "day") errors.scope = { key: "validation.invalid_value" };
  const entryId = scope === "session" ? id(body.entryId) : null;
  if (scope === "session" && entryId === null) errors.entryId = { key: "dateChanges.error.noSuchSession" };
  const gradeText = text(body.grade);
  const grade = scope === "day" && gradeText !== "" ? Number(gradeText) : null;
  if (grade !== null && !(GRADES as readonly number[]).includes(grade))
    errors.grade = { key: "dateChanges.error.grade" };
  const reason = text(body.reason);
  if (!(CANCEL_REASONS as readonly string[]).includes(reason)) errors.reason = { key: "dateChanges.error.reason" };
  const note = text(body.note);
  if (note.length > NOTE_MAX) errors.note = { key: "validation.tooLong" };
  if (Object.keys(errors).length) return { input: null, errors };
  return { input: { date, entryId, grade, reason: reason as CancelReason, note: note || null }, errors };
}

/** A cover form's fields, or the fields that are wrong. */
export function parseCover(body: Record<string, unknown>): { input: CoverInput | null; errors: FormErrors } {
  const errors: FormErrors = {};
  const date = text(body.date);
  if (!isIsoDate(date)) errors.date = { key: "validation.date" };
  const entryId = id(body.entryId);
  if (entryId === null) errors.entryId = { key: "dateChanges.error.noSuchSession" };
  const staffId = id(body.staffId);
  if (staffId === null) errors.staffId = { key: "dateChanges.error.noSuchStaff" };
  if (Object.keys(errors).length) return { input: null, errors };
  return { input: { date, entryId: entryId!, staffId: staffId! }, errors };
}

/** Do two "HH:MM" spans overlap (touching ends do not)? */
export function overlaps(
  a: { startTime: string; endTime: string },
  b: { startTime: string; endTime: string },
): boolean {
  return a.startTime < b.endTime && b.startTime < a.endTime;
}
