// The questions others ask of the published timetable, answered from its
// parsed rows. Pure: the store (../store/published.ts) hands in the rows, the
// kernel's DayOfSchool and the date's changes.
import type { DayOfSchool } from "../../kernel/core";
import type { EntryRow } from "./entry-row";

/** One session as it runs on a date: the weekly entry, with that date's cancellation and cover applied. */
export interface DatedSession {
  date: string;
  entry: EntryRow;
  /** Why this date's session does not happen: the reason kind (weather, outing, event, other); null when it runs. */
  cancelled: string | null;
  /** Who leads it this date: the cover (代课) when there is one, else the entry's own staff. */
  staffId: number | null;
  /** True when staffId is a cover, not the entry's own staff. */
  covered: boolean;
}

// Per-date changes to the week, as the store (../store/published.ts) builds them
// from the kernel's tables (a cancelled session or day, with its reason; cover
// by another staff member).
export interface DateChanges {
  /** The reason an entry's session is cancelled on the date, or null. */
  cancelled(entryId: number): string | null;
  /** The staff member covering an entry's session on the date, or null. */
  coverOf(entryId: number): number | null;
}

export const NO_CHANGES: DateChanges = { cancelled: () => null, coverOf: () => null };

/**
 * Whether a session is the grade's supervised activity (自主活动/托管) in a period where
 * the child has a club: then it is not the child's (the activity is for the children
 * with no club in it). `clubPeriods`: the periods of the day the child has a club session in.
 */
export function atClubInsteadOf(
  entry: Pick<EntryRow, "kind" | "classId" | "periodId">,
  clubPeriods: ReadonlySet<number> | undefined,
): boolean {
  return entry.kind === "activity" && entry.classId == null && (clubPeriods?.has(entry.periodId) ?? false);
}

const byDayAndPeriod = (order: ReadonlyMap<number, number>) => (a: EntryRow, b: EntryRow) =>
  a.weekday - b.weekday ||
  (order.get(a.periodId) ?? Number.MAX_SAFE_INTEGER) - (order.get(b.periodId) ?? Number.MAX_SAFE_INTEGER) ||
  a.title.localeCompare(b.title) ||
  a.id - b.id;

/** The sessions of a date: the weekday timetable the kernel says runs (a make-up day's named weekday), none without service. */
export function sessionsOn(
  rows: readonly EntryRow[],
  day: DayOfSchool,
  changes: DateChanges = NO_CHANGES,
  periodOrder: ReadonlyMap<number, number> = new Map(),
): DatedSession[] {
  if (day.runsWeekday === null) return [];
  return rows
    .filter((r) => r.weekday === day.runsWeekday)
    .sort(byDayAndPeriod(periodOrder))
    .map((entry) => {
      const cover = changes.coverOf(entry.id);
      return {
        date: day.date,
        entry,
        cancelled: changes.cancelled(entry.id),
        staffId: cover ?? entry.staffId,
        covered: cover !== null,
      };
    });
}

/** A club's weekly sessions, Monday first. */
export function clubSessions(
  rows: readonly EntryRow[],
  clubId: number,
  periodOrder: ReadonlyMap<number, number> = new Map(),
): EntryRow[] {
  return rows.filter((r) => r.clubId === clubId).sort(byDayAndPeriod(periodOrder));
}

/** A staff member's weekly sessions, by day and period. */
export function staffWeek(
  rows: readonly EntryRow[],
  staffId: number,
  periodOrder: ReadonlyMap<number, number> = new Map(),
): EntryRow[] {
  return rows.filter((r) => r.staffId === staffId).sort(byDayAndPeriod(periodOrder));
}
