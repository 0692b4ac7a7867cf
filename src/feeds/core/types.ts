// The plain data the calendar core takes and returns. Nothing here knows about
// the database or HTTP: the feed routes and `kehou ical` load a FeedInput and
// hand it to buildCalendar().

/** A calendar date in the school's own time zone, "YYYY-MM-DD". */
export type IsoDate = string;
/** A wall-clock time in the school's own time zone, "HH:MM" (24 h). */
export type ClockTime = string;
/** ISO weekday of a school day: 1 = Monday … 5 = Friday. */
export type SchoolWeekday = 1 | 2 | 3 | 4 | 5;

/**
 * A date that departs from the plain weekly rhythm.
 * - holiday, exam: no service that day.
 * - makeup (调休): a Saturday or Sunday that runs the timetable of `runsWeekday`.
 * - event (e.g. sports meet): noted for people, the timetable runs as usual.
 */
export type SpecialDayKind = "holiday" | "exam" | "makeup" | "event";

export interface SpecialDay {
  date: IsoDate;
  kind: SpecialDayKind;
  /** Required for kind "makeup": which weekday's timetable runs that day. */
  runsWeekday?: SchoolWeekday;
  name: string;
  /** When given, the day is an all-day event with this title ("国庆节放假"). */
  title?: string;
  /** Make-up days: appended to the title of each session held that day ("（调休·周五课表）"). */
  sessionNote?: string;
}

export interface TermInput {
  startDate: IsoDate;
  endDate: IsoDate;
  /**
   * ISO instant of the last change to the term or its special days. Optional;
   * when given it feeds feedVersion().lastModified so an added holiday is seen
   * by HTTP caches even when no session changed.
   */
  lastModified?: string;
}

/** One entry of the weekly timetable; it recurs every week of the term. */
export interface WeeklySession {
  /** Stable id (letters, digits, ".", "_", "-"); the UID is built from it. */
  key: string;
  weekday: SchoolWeekday;
  start: ClockTime;
  end: ClockTime;
  summary: string;
  location?: string;
  /** Free text: staff, group size … */
  description?: string;
  /** Raised by the caller each time the entry changes (RFC 5545 SEQUENCE). */
  sequence: number;
  /** ISO instant of the entry's last change; becomes DTSTAMP and LAST-MODIFIED. */
  lastModified: string;
  /** Dates this one session does not meet (teacher away, venue closed …). */
  cancelledDates?: IsoDate[];
  /**
   * Dates on which this session meets with its own title or description (cover 代课):
   * they leave the weekly series and become events of their own.
   */
  dated?: DatedMeeting[];
  /** True when the session meets only on its `dated` dates (a colleague's session taken as cover). */
  datedOnly?: boolean;
}

/** One date of a session that differs from its weekly text. */
export interface DatedMeeting {
  date: IsoDate;
  summary: string;
  description?: string;
}

export interface FeedInput {
  /** X-WR-CALNAME / NAME. */
  name: string;
  /** IANA zone of the school; default "Asia/Shanghai". */
  timezone?: string;
  /** REFRESH-INTERVAL and X-PUBLISHED-TTL in minutes; default 360. */
  refreshMinutes?: number;
  /** Right-hand side of every UID, e.g. "kehou.local". */
  uidDomain: string;
  /** PRODID, e.g. "-//Kehou//Kehou Calendar//EN"; that is the default. */
  prodId?: string;
  term: TermInput;
  specialDays?: SpecialDay[];
  sessions: WeeklySession[];
}

/** One meeting of one session on one date, in the school's local time. */
export interface Occurrence {
  key: string;
  date: IsoDate;
  start: ClockTime;
  end: ClockTime;
}

/** Validators for HTTP caching (ETag / Last-Modified). */
export interface FeedVersion {
  etag: string;
  lastModified: Date;
}
