// The Sessions of one date, as the timetable answers sessionsOn(date): published
// entries (never the draft) of the weekday that date runs. Holidays and exam days
// have none; a make-up day has the sessions of the weekday it runs. Each carries
// the date's changes: who leads it (the cover, 代课) and whether it is cancelled.
import type { DataSource } from "typeorm";
import type { Period } from "../db";
import { sessionsOn as timetableOn, type EntryRow } from "../timetable";
import type { CurrentTermCalendar as TermCalendar } from "../kernel";
import { periodsInOrder } from "./store";

export interface Session {
  entry: EntryRow;
  date: string;
  weekday: number;
  period: Period | null;
  time: string;
  /** Who leads it this date (a cover replaces the entry's own staff); registers follow this, not entry.staffId. */
  staffId: number | null;
  covered: boolean;
  /** The reason kind when the session is cancelled this date (no register, no dismissal after it); else null. */
  cancelled: string | null;
}

export interface DaySessions {
  weekday: number | null;
  sessions: Session[];
  periods: Period[];
}

function timeOf(period: Period | null): string {
  return period ? `${period.startTime}–${period.endTime}` : "";
}

export async function sessionsOn(ds: DataSource, cal: TermCalendar, date: string): Promise<DaySessions> {
  const periods = await periodsInOrder(ds, cal.term.id);
  const weekday = cal.weekdayOf.get(date) ?? null;
  if (weekday === null) return { weekday, sessions: [], periods };
  const byId = new Map(periods.map((p) => [p.id, p]));
  // In the order of the day, with the date's cancellations and cover applied.
  const sessions = (await timetableOn(ds.manager, date)).sessions.map(({ entry, staffId, covered, cancelled }) => ({
    entry,
    date,
    weekday,
    period: byId.get(entry.periodId) ?? null,
    time: timeOf(byId.get(entry.periodId) ?? null),
    staffId,
    covered,
    cancelled,
  }));
  return { weekday, sessions, periods };
}

/** One session by entry id on a date, or null when that entry does not run that day. */
export async function sessionOn(
  ds: DataSource,
  cal: TermCalendar,
  entryId: number,
  date: string,
): Promise<Session | null> {
  const day = await sessionsOn(ds, cal, date);
  return day.sessions.find((s) => s.entry.id === entryId) ?? null;
}
