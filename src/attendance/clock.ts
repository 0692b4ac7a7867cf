// "Now" and "today" at the school. Today is the school's calendar date (the
// school.timezone setting, default Asia/Shanghai), not the server's. The clock
// can be set for tests and demos, so registers and edit windows are checked
// against a chosen date instead of whatever day the suite happens to run.
import type { DataSource } from "typeorm";
import { localDate, schoolZone } from "../choices/school-time";

let clock: () => Date = () => new Date();

/** Sets the clock (pass no argument to go back to the real one). */
export function setSchoolClock(now?: () => Date): void {
  clock = now ?? (() => new Date());
}

export function schoolNow(): Date {
  return clock();
}

export async function schoolToday(ds: DataSource): Promise<string> {
  return localDate(schoolNow(), await schoolZone(ds.manager));
}

const DAY_MS = 86_400_000;

// Calendar arithmetic on YYYY-MM-DD strings, in UTC so no zone shifts a date.
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export function isIsoDate(value: unknown): value is string {
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const t = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === value;
}

/** "YYYY-MM-DD HH:mm" of an instant at the school (for "acknowledged at …"). */
export function schoolDateTime(iso: string, zone = "Asia/Shanghai"): string {
  try {
    const parts = new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(new Date(iso));
    const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
    return `${get("year")}-${get("month")}-${get("day")} ${get("hour")}:${get("minute")}`;
  } catch {
    return iso.slice(0, 16).replace("T", " ");
  }
}
