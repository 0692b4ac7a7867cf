// Turns a term and its weekly timetable into one RFC 5545 calendar: a
// recurring VEVENT per session (RRULE + EXDATE for days without service) and
// a single VEVENT per make-up day, since Outlook and others ignore bare RDATE.
// No clock is read here: same input, same bytes.
import ical, { escape, ICalCalendar, ICalEventRepeatingFreq, ICalEventTransparency } from "ical-generator";
import { tzlib_get_ical_block } from "timezones-ical-library";
import { addDays, isoWeekday, wallClockToUtc } from "../../kernel/core";
import { compactDate } from "./calendar-dates";
import { type NormalizedFeed, type NormalizedSession, normalizeFeed } from "./normalize-feed";
import { datedMeetings, indexSpecialDays, makeUpMeetings, weeklyPattern } from "./term-plan";
import type { DatedMeeting, FeedInput, IsoDate, SpecialDay } from "./types";
import { DateOnly, WallClock } from "./wall-clock";

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

function addSeries(
  cal: ICalCalendar,
  feed: NormalizedFeed,
  s: NormalizedSession,
  special: ReturnType<typeof indexSpecialDays>,
): void {
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
  const own = s.dated.find((d) => d.date === day.date);
  const description = [own ? own.description : s.description, day.name].filter((t) => t.trim() !== "").join("\n");
  cal.createEvent({
    id: makeUpUid(s.key, day.date, feed.uidDomain),
    ...commonFields(feed, s, day.date),
    // Phones hide descriptions: the title says the day runs another weekday's timetable.
    summary: clean((own ? own.summary : s.summary) + (day.sessionNote ?? "")),
    description: description ? clean(description) : null,
  });
}

// A date with its own text (cover): the weekly series skips it, so it is an event of its own.
function addDated(
  cal: ICalCalendar,
  feed: NormalizedFeed,
  s: NormalizedSession,
  meeting: Required<DatedMeeting>,
): void {
  cal.createEvent({
    id: makeUpUid(s.key, meeting.date, feed.uidDomain),
    ...commonFields(feed, s, meeting.date),
    summary: clean(meeting.summary),
    description: meeting.description ? clean(meeting.description) : null,
  });
}

/** UID of a special day's all-day event. */
export function dayUid(date: IsoDate, uidDomain: string): string {
  return `day-${compactDate(date)}@${uidDomain}`;
}

// Holidays, exam days, events and make-up days as all-day events, so a phone shows why a day is empty or different.
function addSpecialDays(cal: ICalCalendar, feed: NormalizedFeed): void {
  const stamp = new Date(latestStamp(feed));
  // A feed carries the days that touch it: those on (or running) a weekday it has sessions on.
  const weekdays = new Set(feed.sessions.map((s) => s.weekday as number));
  for (const day of feed.specialDays) {
    if (day.title === undefined || day.date < feed.term.startDate || day.date > feed.term.endDate) continue;
    if (!weekdays.has(day.kind === "makeup" ? day.runsWeekday! : isoWeekday(day.date))) continue;
    cal.createEvent({
      id: dayUid(day.date, feed.uidDomain),
      allDay: true,
      start: new DateOnly(day.date),
      end: new DateOnly(addDays(day.date, 1)),
      stamp,
      lastModified: stamp,
      summary: clean(day.title),
      description: day.name.trim() !== "" && day.name !== day.title ? clean(day.name) : null,
      transparency: ICalEventTransparency.TRANSPARENT,
    });
  }
}

// The newest stamp of the feed's data (the term's, else its sessions'); the epoch when there is none.
function latestStamp(feed: NormalizedFeed): string {
  const all = [feed.term.lastModified, ...feed.sessions.map((s) => s.lastModified)]
    .filter((x): x is string => typeof x === "string")
    .sort();
  return all[all.length - 1] ?? "1970-01-01T00:00:00.000Z";
}

// ical-generator writes some calendar properties (REFRESH-INTERVAL, X-PUBLISHED-TTL, x() ones)
// after the components; some clients read only those before the first BEGIN. Moves every
// calendar-level line (with its folded continuations) up, keeping the order of each part.
function propertiesFirst(ics: string): string {
  const lines = ics.split("\r\n");
  const head: string[] = [];
  const components: string[] = [];
  let depth = 0;
  let target = head;
  for (const line of lines) {
    if (line === "BEGIN:VCALENDAR" || line === "END:VCALENDAR") continue;
    if (line.startsWith(" ") || line.startsWith("\t")) {
      target.push(line);
      continue;
    }
    if (line.startsWith("BEGIN:")) depth++;
    target = depth > 0 ? components : head;
    if (line !== "") target.push(line);
    if (line.startsWith("END:")) depth--;
  }
  return ["BEGIN:VCALENDAR", ...head, ...components, "END:VCALENDAR"].join("\r\n");
}

/** An event's SEQUENCE and LAST-MODIFIED (= DTSTAMP), kept per UID by the caller. */
export interface EventStamp {
  sequence: number;
  lastModified: string;
}

/**
 * The calendar of one feed (school, staff member, student …) as ICS text with CRLF line ends.
 * `stamps`, when given, sets each event's SEQUENCE and LAST-MODIFIED / DTSTAMP by UID.
 */
export function buildCalendar(input: FeedInput, stamps?: (uid: string) => EventStamp | undefined): string {
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
  addSpecialDays(cal, feed);
  for (const s of feed.sessions) {
    addSeries(cal, feed, s, special);
    for (const day of makeUpMeetings(feed, s)) addMakeUp(cal, feed, s, day);
    for (const meeting of datedMeetings(feed, s)) addDated(cal, feed, s, meeting);
  }
  if (stamps) {
    for (const ev of cal.events()) {
      const stamp = stamps(ev.id());
      if (!stamp) continue;
      const at = new Date(stamp.lastModified);
      ev.sequence(stamp.sequence);
      ev.stamp(at);
      ev.lastModified(at);
    }
  }
  return propertiesFirst(cal.toString()) + "\r\n";
}
