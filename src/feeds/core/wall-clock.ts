// ical-generator formats a native Date in an event's TZID with the *server's*
// local getters (getHours …), so a feed built on a UTC server and one built on
// a Beijing laptop would differ. WallClock is a school-local date and time that
// ical-generator accepts through its documented Day.js-style interface and
// prints digit for digit, whatever the process TZ is.
import type { ICalDayJsStub } from "ical-generator";
import { wallClockToUtc } from "../../kernel/core";
import { compactDate } from "./calendar-dates";
import type { ClockTime, IsoDate } from "./types";

export class WallClock implements ICalDayJsStub {
  constructor(
    readonly date: IsoDate,
    readonly time: ClockTime,
    readonly timeZone: string,
  ) {}

  format(pattern?: string): string {
    if (pattern === "YYYYMMDD") return compactDate(this.date);
    if (pattern === "HHmmss") return this.time.replace(":", "") + "00";
    throw new Error(`WallClock cannot format "${pattern}"`);
  }

  isValid(): boolean {
    return true;
  }

  /** The real instant (ical-generator uses it only to order start and end). */
  toDate(): Date {
    return wallClockToUtc(this.date, this.time, this.timeZone);
  }

  toJSON(): string {
    return this.toDate().toISOString();
  }
}

/** A school-local calendar date for all-day events (DTSTART;VALUE=DATE), whatever the process TZ is. */
export class DateOnly implements ICalDayJsStub {
  constructor(readonly date: IsoDate) {}

  format(pattern?: string): string {
    if (pattern === "YYYYMMDD") return compactDate(this.date);
    throw new Error(`DateOnly cannot format "${pattern}"`);
  }

  // ical-generator asks a zone-less date for its UTC form before printing the date part.
  utc(): DateOnly {
    return this;
  }

  isValid(): boolean {
    return true;
  }

  toDate(): Date {
    return new Date(`${this.date}T00:00:00Z`);
  }

  toJSON(): string {
    return this.date;
  }
}
