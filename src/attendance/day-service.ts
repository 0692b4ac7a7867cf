// A staff member's day (/attendance): the sessions they run on a date, each
// with its roster size and how much of the register is taken. An admin sees
// every session of the day, to spot registers nobody has taken.
import type { DataSource } from "typeorm";
import type { SessionUser } from "../http";
import { currentTermCalendar, schoolToday } from "../kernel";
import { sessionsOn, Session } from "./sessions";
import { loadRosterContext, rosterOf } from "./roster";
import { earliestEditable, editWindowDays, windowState, WindowState } from "./edit-window";
import { marksOn } from "./store";

export interface SessionSummary {
  session: Session;
  expected: number;
  marked: number;
  absent: number;
  excused: number;
}
export interface DayOverview {
  date: string;
  today: string;
  window: WindowState;
  editDays: number;
  /** Dates in the edit window, newest first, that have service. */
  choosable: string[];
  hasTerm: boolean;
  isSchoolDay: boolean;
  sessions: SessionSummary[];
}

export async function dayOverview(ds: DataSource, user: SessionUser, requested: string | null): Promise<DayOverview> {
  const [today, editDays, cal] = await Promise.all([schoolToday(ds), editWindowDays(ds), currentTermCalendar(ds)]);
  const date = requested ?? today;
  const base = { date, today, editDays, window: windowState(date, today, editDays) };
  if (!cal) return { ...base, choosable: [], hasTerm: false, isSchoolDay: false, sessions: [] };
  const from = earliestEditable(today, editDays);
  const choosable = cal.dates.filter((d) => d >= from && d <= today).reverse();
  const day = await sessionsOn(ds, cal, date);
  // The sessions the user leads that date (a cover's, not the covered teacher's); an admin sees all, cancelled ones marked.
  const mine = day.sessions.filter(
    (s) => user.kind === "staff" && (user.role === "admin" || (s.staffId === user.id && !s.cancelled)),
  );
  const clubIds = mine.map((s) => s.entry.clubId).filter((id): id is number => id != null);
  const ctx = await loadRosterContext(
    ds,
    cal.term.id,
    clubIds,
    date,
    day.sessions.map((s) => s.entry),
  );
  const marks = mine.length ? await marksOn(ds, date) : [];
  const sessions = mine.map((session) => {
    const own = marks.filter((m) => m.entryId === session.entry.id);
    return {
      session,
      expected: session.cancelled ? 0 : rosterOf(session.entry, session.weekday, ctx).length,
      marked: own.length,
      absent: own.filter((m) => m.status === "absent").length,
      excused: own.filter((m) => m.status === "excused").length,
    };
  });
  return { ...base, choosable, hasTerm: true, isSchoolDay: day.weekday !== null, sessions };
}
