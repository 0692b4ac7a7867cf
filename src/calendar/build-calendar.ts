// Turns a term and its weekly timetable into one RFC 5545 calendar: a
// recurring VEVENT per session (RRULE + EXDATE for days without service) and
// a single VEVENT per make-up day, since Outlook and others ignore bare RDATE.
// No clock is read here: same input, same bytes.
import ical, { escape, ICalCalendar, ICalEventRepeatingFreq } from "ical-generator";
import { tzlib_get_ical_block } from "timezones-ical-library";
import { wallClockToUtc } from "../kernel/core";
import { compactDate } from "./calendar-dates";
import type { NormalizedFeed, NormalizedSession } from "./normalize-feed";
import { normalizeFeed } from "./normalize-feed";
import { indexSpecialDays, makeUpMeetings, weeklyPattern } from "./term-plan";
import type { FeedInput, IsoDate, SpecialDay } from "./types";
import { WallClock } from "./wall-clock";

/** UID of a session's weekly series; the key keeps it stable across regenerations. */
export function seriesUid(key: string, uidDomain: string): string {
  return `${key}@${uidDomain}`;
}

/** UID of a session's meeting on a make-up day ("+" never occurs in a key). */
export function makeUpUid(key: string, date: IsoDate, uidDomain: string): string {
  return `${key}+${compactDate(date)}@${uidDomain}`;
}

// TEXT values may not carry control characters (RFC 5545 §3.3.11) other than
// line breaks, which ical-generator escapes as \n, and HTAB.
function clean(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, "");
}

function vtimezone(timeZone: string): string | null {
  const block = tzlib_get_ical_block(timeZone);
  return Array.isArray(block) && block[0] ? block[0] : null;
}

function commonFields(feed: NormalizedFeed, s: NormalizedSession, date: IsoDate) {
  const lastModified = new Date(s.lastModified);
  return {
    sequence: s.sequence,
    timezone: feed.timezone,
    start: new WallClock(date, s.start, feed.timezone),
    end: new WallClock(date, s.end, feed.timezone),
    stamp: lastModified,
    lastModified,
    summary: clean(s.summary),
    location: s.location ? clean(s.location) : null,
  };
}

function addSeries(cal: ICalCalendar, feed: NormalizedFeed, s: NormalizedSession, special: ReturnType<typeof indexSpecialDays>): void {
  const pattern = weeklyPattern(feed, s, special);
  // A series whose every meeting is excluded would be an empty recurrence set.
  if (!pattern || pattern.meetings === 0) return;
  cal.createEvent({
    id: seriesUid(s.key, feed.uidDomain),
    ...commonFields(feed, s, pattern.firstDate),
    description: s.description ? clean(s.description) : null,
    repeating: {
      freq: ICalEventRepeatingFreq.WEEKLY,
      // RFC 5545: with a TZID on DTSTART, UNTIL is UTC; the last instant of the term's last day.
      until: wallClockToUtc(feed.term.endDate, "23:59:59", feed.timezone),
      exclude: pattern.excludedDates.map((d) => new WallClock(d, s.start, feed.timezone)),
    },
  });
}

function addMakeUp(cal: ICalCalendar, feed: NormalizedFeed, s: NormalizedSession, day: SpecialDay): void {
  const description = [s.description, day.name].filter((t) => t.trim() !== "").join("\n");
  cal.createEvent({
    id: makeUpUid(s.key, day.date, feed.uidDomain),
    ...commonFields(feed, s, day.date),
    description: description ? clean(description) : null,
  });
}

/** The calendar of one feed (school, staff member, student …) as ICS text with CRLF line ends. */
export function buildCalendar(input: FeedInput): string {
  const feed = normalizeFeed(input);
  const special = indexSpecialDays(feed);
  const cal = ical({
    // ical-generator writes NAME / X-WR-CALNAME unescaped, so escape here.
    name: escape(clean(feed.name), false),
    prodId: feed.prodId.slice(1),
    scale: "GREGORIAN",
    ttl: feed.refreshMinutes * 60,
    // name: null keeps DTSTAMP / LAST-MODIFIED / UNTIL in UTC; the generator adds the VTIMEZONE.
    timezone: { name: null, generator: vtimezone },
  });
  cal.x("X-WR-TIMEZONE", feed.timezone);
  for (const s of feed.sessions) {
    addSeries(cal, feed, s, special);
    for (const day of makeUpMeetings(feed, s)) addMakeUp(cal, feed, s, day);
  }
  return cal.toString() + "\r\n";
}
