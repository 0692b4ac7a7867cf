// The term calendar as the reports see it: weeks of school days. Dates are ISO
// "YYYY-MM-DD" strings (compared as text); weekdays are ISO numbers, 1 = Monday … 7 = Sunday.
import { isoWeekday } from "../../kernel/core";

export type IsoDate = string;
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** A school day. `weekday` is the timetable it runs: a make-up day (调休) on a Sunday may run Thursday's (4). */
export interface SchoolDayInput {
  date: IsoDate;
  weekday?: number;
}

export interface TermWeek {
  weekStart: IsoDate;
  /** The days school runs this week; a holiday week lists fewer, a week off lists none. */
  schoolDays: Array<IsoDate | SchoolDayInput>;
}

export interface SchoolDay {
  date: IsoDate;
  weekday: number;
}

export interface SchoolWeek {
  weekStart: IsoDate;
  days: SchoolDay[];
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

// Bad dates would silently fall out of every comparison; fail loudly and name the value.
export function assertIsoDate(value: unknown, field: string): asserts value is IsoDate {
  const m = typeof value === "string" ? ISO_DATE.exec(value) : null;
  const ok =
    m !== null &&
    (() => {
      const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
      return (
        d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3])
      );
    })();
  if (!ok) throw new RangeError(`${field}: expected a date YYYY-MM-DD, got ${JSON.stringify(value)}`);
}

// Calendar weekday of a date (the kernel's calendar arithmetic), after naming a bad date.
export function calendarWeekday(date: IsoDate): Weekday {
  assertIsoDate(date, "date");
  return isoWeekday(date);
}

function toSchoolDay(day: IsoDate | SchoolDayInput, field: string): SchoolDay {
  const input = typeof day === "string" ? { date: day } : day;
  assertIsoDate(input.date, `${field}.date`);
  const weekday = input.weekday ?? calendarWeekday(input.date);
  if (!Number.isInteger(weekday) || weekday < 1 || weekday > 7) {
    throw new RangeError(`${field}.weekday: expected 1 (Monday) … 7 (Sunday), got ${JSON.stringify(weekday)}`);
  }
  return { date: input.date, weekday };
}

// A week with no school days (a whole week off) has nothing to count, so it is left out.
export function schoolWeeks(weeks: TermWeek[]): SchoolWeek[] {
  return weeks
    .map((w, i) => {
      assertIsoDate(w.weekStart, `weeks[${i}].weekStart`);
      const days = w.schoolDays.map((d, j) => toSchoolDay(d, `weeks[${i}].schoolDays[${j}]`));
      const unique = new Map(days.map((d) => [d.date, d]));
      return { weekStart: w.weekStart, days: [...unique.values()].sort((a, b) => a.date.localeCompare(b.date)) };
    })
    .filter((w) => w.days.length > 0);
}

export function schoolDaysOf(weeks: TermWeek[]): SchoolDay[] {
  return schoolWeeks(weeks).flatMap((w) => w.days);
}

export function normaliseSchoolDays(days: Array<IsoDate | SchoolDayInput>): SchoolDay[] {
  return days.map((d, i) => toSchoolDay(d, `schoolDays[${i}]`));
}
