// The term calendar as months of Monday-first weeks, for the calendar page.
// Pure: takes the term's dates and special days, returns cells to draw.
import {
  CalendarDataError,
  datesBetween,
  indexCalendar,
  isoWeekday,
  schoolDay,
  type CalendarIndex,
} from "../kernel/core";
import type { CalendarDayKind } from "../db";

export interface SpecialDayInput {
  id: number;
  date: string;
  kind: CalendarDayKind;
  name: string;
  runsWeekday: number | null;
}

export type CellKind = "school" | "weekend" | "holiday" | "exam" | "makeup" | "event" | "outside";

export interface CalendarCell {
  date: string;
  day: number;
  weekday: number;
  kind: CellKind;
  /** Is there service on this date (school day, make-up day or event day)? */
  service: boolean;
  special: SpecialDayInput | null;
}

export interface CalendarMonth {
  year: number;
  month: number;
  weeks: (CalendarCell | null)[][];
  schoolDays: number;
}

export interface TermCalendar {
  months: CalendarMonth[];
  schoolDays: number;
  counts: Record<CalendarDayKind, number>;
}

// What each date is comes from the kernel's schoolDay(), the same answer the
// registers, reports, policy and feeds get (a weekend event has no service there either).
function cellOf(date: string, inTerm: boolean, index: CalendarIndex): { kind: CellKind; service: boolean } {
  if (!inTerm) return { kind: "outside", service: false };
  try {
    const day = schoolDay(date, index);
    return { kind: day.kind, service: day.runsWeekday !== null };
  } catch (err) {
    // This page is where a make-up day that names no weekday gets fixed, so it
    // shows the day (counted as no service) instead of refusing like every other reader.
    if (err instanceof CalendarDataError) return { kind: "makeup", service: false };
    throw err;
  }
}

export function termCalendar(term: { startDate: string; endDate: string }, days: SpecialDayInput[]): TermCalendar {
  const byDate = new Map(days.map((d) => [d.date, d]));
  const index = indexCalendar(days);
  const first = `${term.startDate.slice(0, 7)}-01`;
  const last = lastOfMonth(term.endDate);
  const months: CalendarMonth[] = [];
  for (const date of datesBetween(first, last)) {
    const [year, month, day] = date.split("-").map(Number);
    if (day === 1) months.push({ year, month, weeks: [[]], schoolDays: 0 });
    const current = months[months.length - 1];
    const inTerm = date >= term.startDate && date <= term.endDate;
    const special = inTerm ? byDate.get(date) : undefined;
    const { kind, service } = cellOf(date, inTerm, index);
    const weekday = isoWeekday(date);
    let week = current.weeks[current.weeks.length - 1];
    if (weekday === 1 && week.length > 0) current.weeks.push((week = []));
    while (week.length < weekday - 1) week.push(null);
    week.push({ date, day, weekday, kind, service, special: special ?? null });
    if (service) current.schoolDays++;
  }
  for (const m of months) {
    const lastWeek = m.weeks[m.weeks.length - 1];
    while (lastWeek.length < 7) lastWeek.push(null);
  }
  const counts = { holiday: 0, exam: 0, makeup: 0, event: 0 };
  for (const d of days) if (d.date >= term.startDate && d.date <= term.endDate) counts[d.kind]++;
  return { months, schoolDays: months.reduce((n, m) => n + m.schoolDays, 0), counts };
}

function lastOfMonth(date: string): string {
  const [y, m] = date.split("-").map(Number);
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}
