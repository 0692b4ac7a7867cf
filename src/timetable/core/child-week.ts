// One child's own week, as the family timetable shows it: per date, what the
// kernel says the day is, whether the child is in the service that day, the
// sessions that are the child's, and when the child leaves. Pure: the
// family-week loader hands in the dated sessions, the ledger's clubs per date
// and the child's opt-in.
import { addDays, weekStartOf, type DayOfSchool, type IsoDate } from "../../kernel/core";
import type { EntryRow } from "./entry-row";
import { atClubInsteadOf, type DatedSession } from "./questions";

export interface WeekChild {
  classId: number;
  grade: number;
}

/** One date of the week with what the owners say about it. */
export interface WeekDate {
  day: DayOfSchool;
  /** The published sessions of the date (cancellations and cover applied). */
  sessions: DatedSession[];
  /** The child's clubs on the date, from the membership ledger. */
  clubIds: readonly number[];
}

export interface ChildSession {
  session: DatedSession;
  /** The session's time band, for sorting and for the leaving time; null when its period is gone. */
  startTime: string | null;
  endTime: string | null;
}

export interface ChildDay {
  date: IsoDate;
  day: DayOfSchool;
  /** The child is opted in to the service on the weekday this date runs. */
  inService: boolean;
  sessions: ChildSession[];
  /** The end of the child's last session that runs; null: the child leaves with the school day. */
  leavesAt: string | null;
}

export interface PeriodTimes {
  startTime: string;
  endTime: string;
}

/**
 * Whether a session of the date is the child's. A club's session is its
 * members' whatever the opt-in says (the seat is the family's choice for that
 * hour); homework help, sport and activities are the class's or the grade's,
 * and only on weekdays the child is opted in to — the registers expect the
 * same children (attendance/roster.ts expectedIn).
 */
export function isChildsSession(
  s: DatedSession,
  child: WeekChild,
  clubIds: readonly number[],
  inService: boolean,
  clubPeriods: ReadonlySet<number> = new Set(),
): boolean {
  const e = s.entry;
  if (e.kind === "club" || e.clubId != null) return e.clubId != null && clubIds.includes(e.clubId);
  if (!inService) return false;
  // The grade's supervised activity (托管) is for the children with no club in that period, as its register expects (roster.ts).
  if (atClubInsteadOf(e, clubPeriods)) return false;
  return e.classId != null ? e.classId === child.classId : e.grades.includes(child.grade);
}

/** Rows of the weekly timetable that can be the child's on some date: the class's, the grade's, and the clubs the child has this week. */
export function rowsOfChild(child: WeekChild, clubIds: ReadonlySet<number>): (r: EntryRow) => boolean {
  return (r) =>
    r.kind === "club" || r.clubId != null
      ? r.clubId != null && clubIds.has(r.clubId)
      : r.classId != null
        ? r.classId === child.classId
        : r.grades.includes(child.grade);
}

/** The latest end among sessions that run (a cancelled last session sends the child home earlier). */
export function leavingTime(sessions: readonly ChildSession[]): string | null {
  let last: string | null = null;
  for (const s of sessions) if (!s.session.cancelled && s.endTime && (!last || s.endTime > last)) last = s.endTime;
  return last;
}

export function childDay(
  d: WeekDate,
  child: WeekChild,
  enrolledWeekdays: readonly number[],
  periods: ReadonlyMap<number, PeriodTimes>,
): ChildDay {
  // A make-up day counts as the weekday it runs: a Saturday running Wednesday's timetable follows the Wednesday opt-in.
  const inService = d.day.runsWeekday !== null && enrolledWeekdays.includes(d.day.runsWeekday);
  const clubPeriods = new Set(
    d.sessions.filter((s) => s.entry.clubId != null && d.clubIds.includes(s.entry.clubId)).map((s) => s.entry.periodId),
  );
  const sessions = d.sessions
    .filter((s) => isChildsSession(s, child, d.clubIds, inService, clubPeriods))
    .map((session) => {
      const p = periods.get(session.entry.periodId);
      return { session, startTime: p?.startTime ?? null, endTime: p?.endTime ?? null };
    });
  return { date: d.day.date, day: d.day, inService, sessions, leavesAt: leavingTime(sessions) };
}

/**
 * The dates the week page shows: Monday to Friday, and a weekend date only
 * when it is something (a make-up day, an event); never a date outside the term.
 */
export function shownDates(
  days: readonly DayOfSchool[],
  term: { startDate: IsoDate; endDate: IsoDate },
): DayOfSchool[] {
  return days.filter((d) => d.date >= term.startDate && d.date <= term.endDate && d.kind !== "weekend");
}

export function childWeek(
  dates: readonly WeekDate[],
  child: WeekChild,
  enrolledWeekdays: readonly number[],
  periods: ReadonlyMap<number, PeriodTimes>,
): ChildDay[] {
  return dates.map((d) => childDay(d, child, enrolledWeekdays, periods));
}

export interface TermWeek {
  /** Monday of the week shown. */
  monday: IsoDate;
  /** Monday to Sunday. */
  dates: IsoDate[];
  /** Monday of the week before / after, null when that week is outside the term. */
  prev: IsoDate | null;
  next: IsoDate | null;
}

/** The calendar week holding `date`, moved into the term when the date is outside it (an old bookmark). */
export function termWeek(date: IsoDate, term: { startDate: IsoDate; endDate: IsoDate }): TermWeek {
  const inTerm = date < term.startDate ? term.startDate : date > term.endDate ? term.endDate : date;
  const monday = weekStartOf(inTerm);
  const next = addDays(monday, 7);
  return {
    monday,
    dates: Array.from({ length: 7 }, (_, i) => addDays(monday, i)),
    prev: addDays(monday, -1) < term.startDate ? null : addDays(monday, -7),
    next: next > term.endDate ? null : next,
  };
}

/** The date whose week a family sees first: today's, but on a weekend without service the coming week's (this one is over). */
export function firstWeekDate(today: DayOfSchool): IsoDate {
  return today.kind === "weekend" ? addDays(today.date, 8 - today.calendarWeekday) : today.date;
}
