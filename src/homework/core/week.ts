// Weeks for the publicity board: Monday to Sunday, navigated by ?week=YYYY-MM-DD.
// Pure; the calendar arithmetic is the kernel's.
import { addDays, isoWeekday, weekStartOf } from "../../kernel/core";

export { isIsoDate } from "../../kernel/core";
/** ISO weekday, 1 = Monday … 7 = Sunday. */
export const weekdayOf = (date: string): number => isoWeekday(date);

export interface Week {
  monday: string;
  sunday: string;
  days: string[];
  prev: string;
  next: string;
}

export function weekOf(date: string): Week {
  const monday = weekStartOf(date);
  const days = Array.from({ length: 7 }, (_, i) => addDays(monday, i));
  return { monday, sunday: days[6], days, prev: addDays(monday, -7), next: addDays(monday, 7) };
}
