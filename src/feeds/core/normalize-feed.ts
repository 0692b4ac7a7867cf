// Checks a FeedInput once, applies the defaults and puts every list in a fixed
// order, so the builder, the occurrence list and the ETag all read the same
// canonical data. Bad input throws CalendarInputError naming the field.
import { tzlib_get_timezones } from "timezones-ical-library";
import { DEFAULT_ZONE, isIsoDate, isKnownZone, makeUpProblems } from "../../kernel/core";
import { isClockTime } from "./calendar-dates";
import type {
  DatedMeeting,
  FeedInput,
  SchoolWeekday,
  SpecialDay,
  SpecialDayKind,
  TermInput,
  WeeklySession,
} from "./types";

export const DEFAULT_TIMEZONE = DEFAULT_ZONE;
export const DEFAULT_REFRESH_MINUTES = 360;
export const DEFAULT_PROD_ID = "-//Kehou//Kehou Calendar//EN";

export class CalendarInputError extends Error {
  constructor(
    readonly field: string,
    problem: string,
  ) {
    super(`${field}: ${problem}`);
    this.name = "CalendarInputError";
  }
}

export interface NormalizedSession extends Required<Omit<WeeklySession, "cancelledDates" | "dated" | "datedOnly">> {
  cancelledDates: string[];
  /** By date; a date also cancelled is left out (the cancellation wins). */
  dated: Required<DatedMeeting>[];
  datedOnly: boolean;
}

export interface NormalizedFeed {
  name: string;
  timezone: string;
  refreshMinutes: number;
  uidDomain: string;
  prodId: string;
  term: TermInput;
  specialDays: SpecialDay[];
  sessions: NormalizedSession[];
}

// A key ends up verbatim in UID (which ical-generator does not escape) and in
// file names of clients such as khal, so it keeps to a safe alphabet.
const SESSION_KEY = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
const HOST_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,62})(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}))*$/;
const PROD_ID = /^-?\/\/[^\r\n]+$/;
const KINDS: readonly SpecialDayKind[] = ["holiday", "exam", "makeup", "event"];
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

function fail(field: string, problem: string): never {
  throw new CalendarInputError(field, problem);
}

function text(value: unknown, field: string, required = false): string {
  if (value === undefined || value === null) return required ? fail(field, "is required") : "";
  if (typeof value !== "string") fail(field, "must be a string");
  if (required && value.trim() === "") fail(field, "must not be empty");
  return value;
}

function isoDate(value: unknown, field: string): string {
  return isIsoDate(value) ? value : fail(field, `must be a date YYYY-MM-DD, got ${JSON.stringify(value)}`);
}

function instant(value: unknown, field: string): string {
  if (typeof value !== "string" || !ISO_INSTANT.test(value) || Number.isNaN(Date.parse(value))) {
    fail(field, `must be an ISO instant with a zone (e.g. 2026-08-20T08:00:00Z), got ${JSON.stringify(value)}`);
  }
  return new Date(Date.parse(value)).toISOString();
}

function schoolWeekday(value: unknown, field: string): SchoolWeekday {
  if (!Number.isInteger(value) || (value as number) < 1 || (value as number) > 5)
    fail(field, "must be 1 (Mon) … 5 (Fri)");
  return value as SchoolWeekday;
}

function normalizeTerm(term: TermInput | undefined): TermInput {
  if (!term || typeof term !== "object") fail("term", "is required");
  const startDate = isoDate(term.startDate, "term.startDate");
  const endDate = isoDate(term.endDate, "term.endDate");
  if (endDate < startDate) fail("term.endDate", "is before term.startDate");
  const out: TermInput = { startDate, endDate };
  if (term.lastModified !== undefined) out.lastModified = instant(term.lastModified, "term.lastModified");
  return out;
}

function normalizeSpecialDay(day: SpecialDay, field: string): SpecialDay {
  const date = isoDate(day?.date, `${field}.date`);
  if (!KINDS.includes(day.kind)) fail(`${field}.kind`, `must be one of ${KINDS.join(", ")}`);
  const out: SpecialDay = { date, kind: day.kind, name: text(day.name, `${field}.name`) };
  if (day.title !== undefined) out.title = text(day.title, `${field}.title`, true);
  if (day.sessionNote !== undefined) out.sessionNote = text(day.sessionNote, `${field}.sessionNote`);
  if (day.kind === "makeup") {
    // The kernel's make-up rule: a weekend date that names the weekday it follows.
    const problems = makeUpProblems(date, day.runsWeekday);
    if (problems.date) fail(`${field}.date`, "a make-up day must be a Saturday or Sunday");
    out.runsWeekday = schoolWeekday(day.runsWeekday, `${field}.runsWeekday`);
  } else if (day.runsWeekday !== undefined) {
    fail(`${field}.runsWeekday`, "is only allowed on a make-up day");
  }
  return out;
}

function normalizeSpecialDays(days: SpecialDay[] | undefined): SpecialDay[] {
  if (days === undefined) return [];
  if (!Array.isArray(days)) fail("specialDays", "must be an array");
  const out = days.map((d, i) => normalizeSpecialDay(d, `specialDays[${i}]`));
  const seen = new Set<string>();
  out.forEach((d, i) => {
    if (seen.has(d.date)) fail(`specialDays[${i}].date`, `${d.date} is listed twice`);
    seen.add(d.date);
  });
  return out.sort((a, b) => (a.date < b.date ? -1 : 1));
}

function normalizeSession(s: WeeklySession, field: string): NormalizedSession {
  if (!s || typeof s !== "object") fail(field, "must be an object");
  if (typeof s.key !== "string" || !SESSION_KEY.test(s.key))
    fail(`${field}.key`, "must be 1–128 of A–Z a–z 0–9 . _ - (starting with a letter or digit)");
  const start = isClockTime(s.start) ? s.start : fail(`${field}.start`, "must be HH:MM");
  const end = isClockTime(s.end) ? s.end : fail(`${field}.end`, "must be HH:MM");
  if (end <= start) fail(`${field}.end`, "must be after start on the same day");
  if (!Number.isInteger(s.sequence) || s.sequence < 0) fail(`${field}.sequence`, "must be a non-negative integer");
  const cancelled = s.cancelledDates ?? [];
  if (!Array.isArray(cancelled)) fail(`${field}.cancelledDates`, "must be an array");
  const cancelledDates = [...new Set(cancelled.map((d, i) => isoDate(d, `${field}.cancelledDates[${i}]`)))].sort();
  return {
    key: s.key,
    weekday: schoolWeekday(s.weekday, `${field}.weekday`),
    start,
    end,
    summary: text(s.summary, `${field}.summary`, true),
    location: text(s.location, `${field}.location`),
    description: text(s.description, `${field}.description`),
    sequence: s.sequence,
    lastModified: instant(s.lastModified, `${field}.lastModified`),
    cancelledDates,
    dated: normalizeDated(s.dated, `${field}.dated`).filter((d) => !cancelledDates.includes(d.date)),
    datedOnly: s.datedOnly === true,
  };
}

function normalizeDated(dated: DatedMeeting[] | undefined, field: string): Required<DatedMeeting>[] {
  if (dated === undefined) return [];
  if (!Array.isArray(dated)) fail(field, "must be an array");
  const out = dated.map((d, i) => ({
    date: isoDate(d?.date, `${field}[${i}].date`),
    summary: text(d.summary, `${field}[${i}].summary`, true),
    description: text(d.description, `${field}[${i}].description`),
  }));
  const seen = new Set<string>();
  out.forEach((d, i) => {
    if (seen.has(d.date)) fail(`${field}[${i}].date`, `${d.date} is listed twice`);
    seen.add(d.date);
  });
  return out.sort((a, b) => (a.date < b.date ? -1 : 1));
}

function normalizeSessions(sessions: WeeklySession[]): NormalizedSession[] {
  if (!Array.isArray(sessions)) fail("sessions", "must be an array");
  const out = sessions.map((s, i) => normalizeSession(s, `sessions[${i}]`));
  const seen = new Set<string>();
  out.forEach((s, i) => {
    if (seen.has(s.key)) fail(`sessions[${i}].key`, `"${s.key}" is used twice`);
    seen.add(s.key);
  });
  return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

function normalizeTimezone(timezone: string | undefined): string {
  const tz = timezone ?? DEFAULT_TIMEZONE;
  // Both the VTIMEZONE library and Intl must know the zone, or the feed would lie.
  const known = tzlib_get_timezones() as string[];
  if (typeof tz !== "string" || !known.includes(tz) || !isKnownZone(tz))
    fail("timezone", `unknown time zone ${JSON.stringify(tz)}`);
  return tz;
}

export function normalizeFeed(feed: FeedInput): NormalizedFeed {
  if (!feed || typeof feed !== "object") fail("feed", "must be an object");
  const refreshMinutes = feed.refreshMinutes ?? DEFAULT_REFRESH_MINUTES;
  if (!Number.isInteger(refreshMinutes) || refreshMinutes < 1) fail("refreshMinutes", "must be a positive integer");
  if (typeof feed.uidDomain !== "string" || !HOST_NAME.test(feed.uidDomain))
    fail("uidDomain", "must be a host name such as kehou.local");
  const prodId = feed.prodId ?? DEFAULT_PROD_ID;
  if (typeof prodId !== "string" || !PROD_ID.test(prodId)) fail("prodId", 'must look like "-//Company//Product//EN"');
  return {
    name: text(feed.name, "name", true),
    timezone: normalizeTimezone(feed.timezone),
    refreshMinutes,
    uidDomain: feed.uidDomain.toLowerCase(),
    prodId: prodId.startsWith("-") ? prodId : `-${prodId}`,
    term: normalizeTerm(feed.term),
    specialDays: normalizeSpecialDays(feed.specialDays),
    sessions: normalizeSessions(feed.sessions),
  };
}
