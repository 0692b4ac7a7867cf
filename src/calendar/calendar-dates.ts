// Date arithmetic on plain "YYYY-MM-DD" strings. Everything is done on UTC
// midnights or through Intl with an explicit zone, so the server's own TZ
// never leaks into a feed (same input, same bytes on any machine).
import type { ClockTime, IsoDate } from "./types";

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const CLOCK_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
const DAY_MS = 86_400_000;

/** A real calendar date in "YYYY-MM-DD" form (no 2026-02-30). */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== "string") return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

export function isClockTime(value: unknown): value is ClockTime {
  return typeof value === "string" && CLOCK_TIME.test(value);
}

function utcMidnight(date: IsoDate): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: IsoDate): number {
  return new Date(utcMidnight(date)).getUTCDay() || 7;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return new Date(utcMidnight(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Every date from `first` to `last`, both included. */
export function datesBetween(first: IsoDate, last: IsoDate): IsoDate[] {
  const out: IsoDate[] = [];
  for (let d = first; d <= last; d = addDays(d, 1)) out.push(d);
  return out;
}

/** The first date on or after `from` that falls on ISO weekday `weekday`. */
export function firstOnWeekday(from: IsoDate, weekday: number): IsoDate {
  return addDays(from, (weekday - isoWeekday(from) + 7) % 7);
}

export function compactDate(date: IsoDate): string {
  return date.replace(/-/g, "");
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function zoneFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit",
      hour: "2-digit", minute: "2-digit", second: "2-digit",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Offset of `timeZone` from UTC at instant `ms`, in milliseconds. */
function zoneOffsetMs(timeZone: string, ms: number): number {
  const parts: Record<string, number> = {};
  for (const p of zoneFormatter(timeZone).formatToParts(new Date(ms))) {
    if (p.type !== "literal") parts[p.type] = Number(p.value);
  }
  const asUtc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  return asUtc - Math.floor(ms / 1000) * 1000;
}

/** The instant at which the wall clock in `timeZone` shows `date` `time` (HH:MM or HH:MM:SS). */
export function wallClockToUtc(date: IsoDate, time: string, timeZone: string): Date {
  const [h, mi, s = 0] = time.split(":").map(Number);
  const guess = utcMidnight(date) + ((h * 60 + mi) * 60 + s) * 1000;
  const first = guess - zoneOffsetMs(timeZone, guess);
  const second = guess - zoneOffsetMs(timeZone, first);
  return new Date(second);
}

/** Is `timeZone` an IANA zone this runtime knows? */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return true;
  } catch {
    return false;
  }
}
