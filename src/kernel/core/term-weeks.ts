// The term's service days grouped in calendar weeks (Monday first), as the
// registers and the reports walk them. Pure.
import { weekStartOf, type IsoDate } from "./dates";
import { schoolDays, type SchoolCalendar, type TimetableWeekday } from "./school-day";

export interface TermCalendar {
  startDate: IsoDate;
  endDate: IsoDate;
  /** Timetable weekday (1–5) by school date; dates not in it have no service. */
  weekdayOf: Map<IsoDate, TimetableWeekday>;
  /** School dates in order. */
  dates: IsoDate[];
}

export function termCalendarOf(calendar: SchoolCalendar): TermCalendar {
  const days = schoolDays(calendar);
  return {
    startDate: calendar.startDate,
    endDate: calendar.endDate,
    weekdayOf: new Map(days.map((d) => [d.date, d.weekday])),
    dates: days.map((d) => d.date),
  };
}

/** The term's weeks (Monday first) with their school days, as the reports core takes them. */
export function termWeeks(
  cal: TermCalendar,
): { weekStart: IsoDate; schoolDays: { date: IsoDate; weekday: number }[] }[] {
  const weeks = new Map<IsoDate, { date: IsoDate; weekday: number }[]>();
  for (const date of cal.dates) {
    const start = weekStartOf(date);
    weeks.set(start, [...(weeks.get(start) ?? []), { date, weekday: cal.weekdayOf.get(date)! }]);
  }
  return [...weeks.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([weekStart, schoolDays]) => ({ weekStart, schoolDays }));
}
