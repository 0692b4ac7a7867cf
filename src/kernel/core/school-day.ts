// The school calendar: what a date is at this school. The only place that
// knows holidays, exam days, events, make-up days (调休) and weekends; policy,
// feeds, attendance, reports, homework and the term page all ask schoolDay().
// Pure: the kernel store hands in the term's dates and special days.
import { datesBetween, isIsoDate, isoWeekday, type IsoDate, type Weekday } from "./dates";

/** A weekday whose timetable runs: 1 = Monday … 5 = Friday. */
export type TimetableWeekday = 1 | 2 | 3 | 4 | 5;
export const CALENDAR_ENTRY_KINDS = ["holiday", "exam", "makeup", "event"] as const;
export type CalendarEntryKind = (typeof CALENDAR_ENTRY_KINDS)[number];

/** A date that departs from the plain Monday–Friday week, as the school entered it. */
export interface CalendarEntry {
  date: IsoDate;
  kind: CalendarEntryKind;
  /** A make-up day names the weekday whose timetable it follows; nothing else does. */
  runsWeekday?: number | null;
  name?: string;
}

export interface SchoolCalendar {
  startDate: IsoDate;
  endDate: IsoDate;
  specialDays: readonly CalendarEntry[];
}

export type DayKind = "school" | "weekend" | CalendarEntryKind;

export interface DayOfSchool {
  date: IsoDate;
  kind: DayKind;
  calendarWeekday: Weekday;
  /** The timetable that runs this date; null when there is no service. */
  runsWeekday: TimetableWeekday | null;
  /** The entry's name ("国庆节", "调休"), for pages and notes; null on a plain day. */
  label: string | null;
  // Later work (issue 17, not built yet): per-date cancellations and cover
  // belong here, so every reader sees them the same way.
}

export const isTimetableWeekday = (n: unknown): n is TimetableWeekday =>
  typeof n === "number" && Number.isInteger(n) && n >= 1 && n <= 5;

/** Stored calendar data that breaks a kernel rule; the message names the date and the field. */
export class CalendarDataError extends Error {
  constructor(
    readonly date: IsoDate,
    readonly field: "runsWeekday" | "date",
    message: string,
  ) {
    super(message);
    this.name = "CalendarDataError";
  }
}

export type MakeUpProblem = "runsWeekdayRequired" | "makeupWeekend";

/**
 * What is wrong with a make-up day, field by field. 调休 moves a working day
 * onto a weekend: a weekday "make-up" would run two timetables, and one that
 * names no weekday leaves every reader to guess (policy once guessed "its own
 * weekday", the feeds "no service").
 */
export function makeUpProblems(
  date: IsoDate,
  runsWeekday: unknown,
): Partial<Record<"date" | "runsWeekday", MakeUpProblem>> {
  const out: Partial<Record<"date" | "runsWeekday", MakeUpProblem>> = {};
  // A date that is no date at all is its own field's error, named by whoever parsed it.
  if (isIsoDate(date) && isoWeekday(date) < 6) out.date = "makeupWeekend";
  if (!isTimetableWeekday(runsWeekday)) out.runsWeekday = "runsWeekdayRequired";
  return out;
}

export type CalendarIndex = ReadonlyMap<IsoDate, CalendarEntry>;

export function indexCalendar(days: readonly CalendarEntry[]): CalendarIndex {
  return new Map(days.map((d) => [d.date, d]));
}

/** What `date` is at the school, given the term's special days (by date). */
export function schoolDay(date: IsoDate, special: CalendarIndex): DayOfSchool {
  const calendarWeekday = isoWeekday(date);
  const entry = special.get(date);
  const label = entry?.name ?? null;
  const plain: TimetableWeekday | null = calendarWeekday <= 5 ? (calendarWeekday as TimetableWeekday) : null;
  switch (entry?.kind) {
    // Holidays and exam days have no after-school service.
    case "holiday":
    case "exam":
      return { date, kind: entry.kind, calendarWeekday, runsWeekday: null, label };
    case "makeup":
      if (!isTimetableWeekday(entry.runsWeekday)) {
        throw new CalendarDataError(
          date,
          "runsWeekday",
          `make-up day ${date}: runsWeekday must name the weekday it follows (1–5), got ${JSON.stringify(entry.runsWeekday ?? null)}`,
        );
      }
      return { date, kind: "makeup", calendarWeekday, runsWeekday: entry.runsWeekday, label };
    // An event (sports meet) keeps the day's own timetable: on a weekday it is a school day, on a weekend none.
    case "event":
      return { date, kind: "event", calendarWeekday, runsWeekday: plain, label };
    default:
      return { date, kind: plain === null ? "weekend" : "school", calendarWeekday, runsWeekday: plain, label: null };
  }
}

/** A date with service, as policy, attendance and reports count them. */
export interface ServiceDay {
  date: IsoDate;
  /** The timetable weekday this date runs. */
  weekday: TimetableWeekday;
  calendarWeekday: Weekday;
  isMakeUpDay: boolean;
  isEventDay: boolean;
}

/** The term's dates with service, in order: Mon–Fri minus holidays and exam days, plus make-up days. */
export function schoolDays(calendar: SchoolCalendar): ServiceDay[] {
  const special = indexCalendar(calendar.specialDays);
  const out: ServiceDay[] = [];
  for (const date of datesBetween(calendar.startDate, calendar.endDate)) {
    const day = schoolDay(date, special);
    if (day.runsWeekday === null) continue;
    out.push({
      date,
      weekday: day.runsWeekday,
      calendarWeekday: day.calendarWeekday,
      isMakeUpDay: day.kind === "makeup",
      isEventDay: day.kind === "event",
    });
  }
  return out;
}
