// The term calendar: which dates are school days and which weekday's timetable each runs.
import type { IsoDate, Term, TimetableWeekday, Weekday } from "./types";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

function toUtc(date: IsoDate): number {
  if (!ISO_DATE.test(date)) throw new Error(`not a date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  const t = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
  if (Number.isNaN(t)) throw new Error(`not a date: ${date}`);
  return t;
}

// Dates are calendar dates, not instants: compute in UTC so the server's zone never shifts them.
export function isoWeekday(date: IsoDate): Weekday {
  const d = new Date(toUtc(date)).getUTCDay();
  return (d === 0 ? 7 : d) as Weekday;
}

export function datesBetween(start: IsoDate, end: IsoDate): IsoDate[] {
  const out: IsoDate[] = [];
  for (let t = toUtc(start); t <= toUtc(end); t += DAY_MS) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

export interface SchoolDay {
  date: IsoDate;
  /** The timetable weekday this date runs; null for a make-up day whose weekday was never set. */
  weekday: TimetableWeekday | null;
  calendarWeekday: Weekday;
  isMakeUpDay: boolean;
  isEventDay: boolean;
}

// Mon–Fri minus holidays and exam days, plus make-up days (调休) running another weekday's timetable;
// event days (a sports meet) are still school days.
export function schoolDays(term: Term): SchoolDay[] {
  const special = new Map(term.specialDays.map((d) => [d.date, d]));
  const days: SchoolDay[] = [];
  for (const date of datesBetween(term.startDate, term.endDate)) {
    const calendarWeekday = isoWeekday(date);
    const sd = special.get(date);
    if (sd?.kind === "holiday" || sd?.kind === "exam") continue;
    if (sd?.kind === "makeup") {
      const runs = sd.runsWeekday ?? (calendarWeekday <= 5 ? (calendarWeekday as TimetableWeekday) : null);
      days.push({ date, weekday: runs, calendarWeekday, isMakeUpDay: true, isEventDay: false });
      continue;
    }
    if (calendarWeekday > 5) continue;
    days.push({
      date,
      weekday: calendarWeekday as TimetableWeekday,
      calendarWeekday,
      isMakeUpDay: false,
      isEventDay: sd?.kind === "event",
    });
  }
  return days;
}
