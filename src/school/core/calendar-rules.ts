// The rules a term and its calendar days must follow. Pure: dates are
// "YYYY-MM-DD" strings, weekdays ISO (1 = Monday … 7 = Sunday).
import { addDays, datesBetween, isIsoDate, isoWeekday } from "../../kernel/core";

export interface TermDates {
  startDate: string;
  endDate: string;
}

// A term runs forward in time: its last day comes after its first.
export const endsAfterStart = (t: TermDates): boolean => t.endDate > t.startDate;

// A term is at most a year long; a longer one is almost surely a typo in the year.
// (A missing or malformed date is its own field's error, named there; this rule says nothing then.)
export const atMostAYear = (t: TermDates): boolean => !isIsoDate(t.startDate) || t.endDate <= addDays(t.startDate, 366);

// A calendar day outside its term would never show and never count.
export const withinTerm = (date: string, t: TermDates): boolean => date >= t.startDate && date <= t.endDate;

// A make-up working day (调休) is a Saturday or Sunday that runs a weekday's timetable.
export const isWeekend = (date: string): boolean => isoWeekday(date) >= 6;

// Which dates a "from … until" entry covers: holidays and exam days only on
// school weekdays (a weekend has no service anyway); events on every date.
export function datesOfRange(kind: string, from: string, until: string | null): string[] {
  if (!until || until === from) return [from];
  const all = datesBetween(from, until);
  return kind === "event" ? all : all.filter((d) => !isWeekend(d));
}
