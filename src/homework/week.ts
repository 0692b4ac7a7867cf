// Weeks for the publicity board: Monday to Sunday, navigated by ?week=YYYY-MM-DD. Pure.
const DAY_MS = 86_400_000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date in YYYY-MM-DD form (rejects 2026-02-30). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== "string" || !ISO_DATE.test(value)) return false;
  const t = Date.UTC(Number(value.slice(0, 4)), Number(value.slice(5, 7)) - 1, Number(value.slice(8, 10)));
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === value;
}

const toUtc = (date: string) => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
export const addDays = (date: string, days: number): string => new Date(toUtc(date) + days * DAY_MS).toISOString().slice(0, 10);
/** ISO weekday, 1 = Monday … 7 = Sunday, computed in UTC so the server's zone never shifts it. */
export const weekdayOf = (date: string): number => ((new Date(toUtc(date)).getUTCDay() + 6) % 7) + 1;

export interface Week { monday: string; sunday: string; days: string[]; prev: string; next: string }

export function weekOf(date: string): Week {
  const monday = addDays(date, 1 - weekdayOf(date));
  const days = Array.from({ length: 7 }, (_, i) => addDays(monday, i));
  return { monday, sunday: days[6], days, prev: addDays(monday, -7), next: addDays(monday, 7) };
}
