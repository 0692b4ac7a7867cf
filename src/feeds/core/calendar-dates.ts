// Date arithmetic on plain "YYYY-MM-DD" strings for the feeds. The calendar
// arithmetic and the zone arithmetic are the kernel's (UTC midnights, Intl with
// an explicit zone), so the server's own TZ never leaks into a feed (same
// input, same bytes on any machine).
import { addDays, isoWeekday } from "../../kernel/core";
import type { ClockTime, IsoDate } from "./types";

const CLOCK_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function isClockTime(value: unknown): value is ClockTime {
  return typeof value === "string" && CLOCK_TIME.test(value);
}

/** The first date on or after `from` that falls on ISO weekday `weekday`. */
export function firstOnWeekday(from: IsoDate, weekday: number): IsoDate {
  return addDays(from, (weekday - isoWeekday(from) + 7) % 7);
}

export function compactDate(date: IsoDate): string {
  return date.replace(/-/g, "");
}
