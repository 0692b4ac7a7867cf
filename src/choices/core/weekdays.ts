// Weekdays are stored as numbers (1 = Mon … 5 = Fri, as in ServiceEnrollment
// and TimetableEntry) and handed to the allocation as short codes ("thu"),
// the slot names of the allocation instance.
export const WEEKDAY_CODES = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type WeekdayCode = (typeof WEEKDAY_CODES)[number];

// The service runs Monday to Friday; a make-up day (调休) runs one of these.
export const SERVICE_WEEKDAYS = [1, 2, 3, 4, 5] as const;

export function weekdayCode(weekday: number): WeekdayCode {
  const code = WEEKDAY_CODES[weekday - 1];
  if (!code) throw new RangeError(`weekday ${weekday} is not 1–7`);
  return code;
}

export const isServiceWeekday = (n: unknown): n is number =>
  typeof n === "number" && Number.isInteger(n) && n >= 1 && n <= 5;

/** Sorted, duplicate-free service weekdays from whatever was stored. */
export function cleanWeekdays(values: unknown): number[] {
  if (!Array.isArray(values)) return [];
  return [...new Set(values.filter(isServiceWeekday))].sort((a, b) => a - b);
}
