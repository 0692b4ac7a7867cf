// Plain shapes for the clash checks; the timetable service maps entities to these.
import type { StaffHours } from "../../../kernel/core";

export type SessionKind = "homework" | "club" | "sport" | "activity" | "lesson";

/** One timetable entry in one weekly slot (weekday + period). */
export interface Placement {
  entryId: string;
  /** 1 = Monday … 5 = Friday. */
  weekday: number;
  periodId: string;
  kind: SessionKind;
  staffId?: string;
  venueId?: string;
  clubId?: string;
  /** Grades it is for (a club: the grades it admits). */
  grades: number[];
  /** Classes it is for; absent or empty means every class of those grades. */
  classIds?: string[];
  /** Expected head count, used when there is no club maxSize to go by. */
  expectedSize?: number;
}

export interface ClashContext {
  venues: { id: string; capacity: number }[];
  staff: { id: string; availableWeekdays: number[]; hours?: StaffHours | null }[];
  /** Period times, for staff who come only part of a day (absent: not judged). */
  periods?: { id: string; start: string; end: string }[];
  clubs: { id: string; maxSize: number }[];
  /** The weekdays each grade has the after-school service. */
  serviceDays: { grade: number; weekdays: number[] }[];
}

export const CLASH_KINDS = [
  "staff-double-booked",
  "venue-double-booked",
  "club-larger-than-venue",
  "staff-unavailable",
  "staff-outside-hours",
  "grade-has-no-service",
  "grade-double-booked",
] as const;

export type ClashKind = (typeof CLASH_KINDS)[number];

/** A problem in one slot; `params` feed the translated message (i18n `clash.<kind>`). */
export interface Clash {
  kind: ClashKind;
  weekday: number;
  periodId: string;
  /** Sorted, so the same clash always looks the same. */
  entryIds: string[];
  params: Record<string, string | number>;
}
