// When a staff member can take service sessions: their weekdays, and on some of
// them a time window (an external instructor who comes "Tuesdays from 16:30").
// A weekday without a window means the whole service day. It sits in the kernel
// (the school's clock) because the timetable's clash check reads it and the
// school's staff form writes it: neither capability owns the other.

/** A window on one weekday, clock times "HH:MM", from < to. */
export interface HoursWindow {
  from: string;
  to: string;
}

/** Windows by weekday ("1" = Monday … "5" = Friday); a weekday left out is open all day. */
export type StaffHours = Record<string, HoursWindow>;

/** The window that limits this weekday, if any. */
export const windowOn = (hours: StaffHours | null | undefined, weekday: number): HoursWindow | undefined =>
  hours?.[String(weekday)];

/** True when a session from `start` to `end` on `weekday` lies inside the staff member's availability. */
export function availableAt(
  days: readonly number[],
  hours: StaffHours | null | undefined,
  weekday: number,
  start: string,
  end: string,
): boolean {
  if (!days.includes(weekday)) return false;
  const window = windowOn(hours, weekday);
  return !window || (window.from <= start && end <= window.to);
}

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * What is wrong with a window typed as `from`–`to` (clock times "HH:MM"), if
 * anything: one of the two is missing or not a time ("bothTimes"), or it does
 * not end after it starts ("fromBeforeTo"). The staff form and the staff import
 * apply the same rule.
 */
export function windowProblem(from: string, to: string): "bothTimes" | "fromBeforeTo" | null {
  if (!CLOCK.test(from) || !CLOCK.test(to)) return "bothTimes";
  return from < to ? null : "fromBeforeTo";
}
