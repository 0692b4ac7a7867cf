// The current term's school days: which dates the service runs and which
// weekday's timetable each runs (a make-up day 调休 runs another weekday's).
// Shared by the registers, the dismissal lists and the reports.
import type { DataSource } from "typeorm";
import { CalendarDay, Term } from "../db/entities";
import { schoolDays, type SpecialDay, type TimetableWeekday } from "../policy/index";

export interface TermCalendar {
  term: Term;
  /** Timetable weekday (1–5) by school date; dates not in it have no service. */
  weekdayOf: Map<string, number>;
  /** School dates in order. */
  dates: string[];
}

export async function currentTermCalendar(ds: DataSource): Promise<TermCalendar | null> {
  const term = await ds.getRepository(Term).findOne({ where: { current: true }, order: { id: "DESC" } });
  if (!term) return null;
  const special = await ds.getRepository(CalendarDay).find({ where: { termId: term.id }, order: { date: "ASC" } });
  const days = schoolDays({
    startDate: term.startDate,
    endDate: term.endDate,
    specialDays: special.map((d): SpecialDay => ({
      date: d.date, kind: d.kind, name: d.name,
      ...(d.runsWeekday != null && d.runsWeekday >= 1 && d.runsWeekday <= 5 ? { runsWeekday: d.runsWeekday as TimetableWeekday } : {}),
    })),
  }).filter((d) => d.weekday !== null);
  return { term, weekdayOf: new Map(days.map((d) => [d.date, d.weekday!])), dates: days.map((d) => d.date) };
}

// Monday of a date's calendar week: a make-up Sunday belongs to the week it closes.
export function weekStartOf(date: string): string {
  const t = Date.parse(`${date}T00:00:00Z`);
  const day = new Date(t).getUTCDay();
  const back = day === 0 ? 6 : day - 1;
  return new Date(t - back * 86_400_000).toISOString().slice(0, 10);
}

/** The term's weeks (Monday first) with their school days, as the reports core takes them. */
export function termWeeks(cal: TermCalendar): { weekStart: string; schoolDays: { date: string; weekday: number }[] }[] {
  const weeks = new Map<string, { date: string; weekday: number }[]>();
  for (const date of cal.dates) {
    const start = weekStartOf(date);
    weeks.set(start, [...(weeks.get(start) ?? []), { date, weekday: cal.weekdayOf.get(date)! }]);
  }
  return [...weeks.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([weekStart, schoolDays]) => ({ weekStart, schoolDays }));
}
