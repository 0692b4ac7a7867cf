// Which weekday's timetable runs on each date of the term, for the ICS builder
// and expectedOccurrences(). What a date is (holiday, exam, make-up day 调休 …)
// is the kernel's schoolDay(); this file only walks the term with it.
import { datesBetween, isoWeekday, schoolDay } from "../../kernel/core";
import { firstOnWeekday } from "./calendar-dates";
import { type NormalizedFeed, type NormalizedSession, normalizeFeed } from "./normalize-feed";
import type { DatedMeeting, FeedInput, IsoDate, Occurrence, SchoolWeekday, SpecialDay } from "./types";

export type SpecialDayIndex = ReadonlyMap<IsoDate, SpecialDay>;

export function indexSpecialDays(feed: NormalizedFeed): SpecialDayIndex {
  return new Map(feed.specialDays.map((d) => [d.date, d]));
}

/** The timetable weekday that runs on `date`, or null when there is no service. */
export function timetableWeekdayOn(date: IsoDate, special: SpecialDayIndex): SchoolWeekday | null {
  return schoolDay(date, special).runsWeekday;
}

/** The weekly pattern of one session: first date, and the weekly dates it skips. */
export interface WeeklyPattern {
  firstDate: IsoDate;
  excludedDates: IsoDate[];
  meetings: number;
}

/** Null when the term has no date on the session's weekday. */
export function weeklyPattern(
  feed: NormalizedFeed,
  session: NormalizedSession,
  special: SpecialDayIndex,
): WeeklyPattern | null {
  const firstDate = firstOnWeekday(feed.term.startDate, session.weekday);
  // A session taken only as cover has no weekly series in this feed.
  if (firstDate > feed.term.endDate || session.datedOnly) return null;
  // A dated meeting (cover) leaves the series and is its own event.
  const cancelled = new Set([...session.cancelledDates, ...session.dated.map((d) => d.date)]);
  const excludedDates: IsoDate[] = [];
  let meetings = 0;
  for (const date of datesBetween(firstDate, feed.term.endDate)) {
    if (isoWeekday(date) !== session.weekday) continue;
    if (timetableWeekdayOn(date, special) !== session.weekday || cancelled.has(date)) excludedDates.push(date);
    else meetings++;
  }
  return { firstDate, excludedDates, meetings };
}

/** Make-up days in the term on which this session meets (they need their own events). */
export function makeUpMeetings(feed: NormalizedFeed, session: NormalizedSession): SpecialDay[] {
  const cancelled = new Set(session.cancelledDates);
  const dated = new Set(session.dated.map((d) => d.date));
  const special = indexSpecialDays(feed);
  return feed.specialDays.filter((d) => {
    if (d.date < feed.term.startDate || d.date > feed.term.endDate || cancelled.has(d.date)) return false;
    if (session.datedOnly && !dated.has(d.date)) return false;
    const day = schoolDay(d.date, special);
    return day.kind === "makeup" && day.runsWeekday === session.weekday;
  });
}

/** Dated meetings (cover) on ordinary school days of the term; those on make-up days go with makeUpMeetings. */
export function datedMeetings(feed: NormalizedFeed, session: NormalizedSession): Required<DatedMeeting>[] {
  const special = indexSpecialDays(feed);
  return session.dated.filter((d) => {
    if (d.date < feed.term.startDate || d.date > feed.term.endDate) return false;
    const day = schoolDay(d.date, special);
    return day.kind !== "makeup" && day.runsWeekday === session.weekday;
  });
}

/** Whether a session meets on a date that runs its weekday. */
function meetsOn(s: NormalizedSession, date: IsoDate): boolean {
  if (s.cancelledDates.includes(date)) return false;
  return !s.datedOnly || s.dated.some((d) => d.date === date);
}

/** Every meeting of every session, by date, start time, then key. */
export function occurrencesOf(feed: NormalizedFeed): Occurrence[] {
  const special = indexSpecialDays(feed);
  const out: Occurrence[] = [];
  for (const date of datesBetween(feed.term.startDate, feed.term.endDate)) {
    const weekday = timetableWeekdayOn(date, special);
    if (weekday === null) continue;
    for (const s of feed.sessions) {
      if (s.weekday === weekday && meetsOn(s, date)) out.push({ key: s.key, date, start: s.start, end: s.end });
    }
  }
  return out.sort((a, b) =>
    a.date !== b.date
      ? a.date < b.date
        ? -1
        : 1
      : a.start !== b.start
        ? a.start < b.start
          ? -1
          : 1
        : a.key < b.key
          ? -1
          : a.key > b.key
            ? 1
            : 0,
  );
}

/** The plain list of dates each session happens; the truth the feed must encode. */
export function expectedOccurrences(feed: FeedInput): Occurrence[] {
  return occurrencesOf(normalizeFeed(feed));
}
