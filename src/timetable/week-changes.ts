// The staff week page's "this week" (issue 17): the current week's cancelled
// sessions and covers (who covers whom) among the sessions the chosen view shows.
// Asked of the timetable reader (sessionsOn / staffChangesBetween), never of the
// kernel's tables, so the page agrees with the registers and the home page.
import type { EntityManager } from "typeorm";
import { addDays, datesBetween, isoWeekday, weekStartOf, type IsoDate } from "../kernel";
import type { DatedSession } from "./core/questions";
import type { EntryRow } from "./core/entry-row";
import { inView, type GridView } from "./core/grid";
import { sessionsOn, staffChangesBetween } from "./store/published";
import { namesOf, type Week } from "./store/week";

export interface WeekChangeLine {
  session: DatedSession;
  /** "cancelled" (with its reason kind) or "covered" (cover leads instead of own). */
  change: "cancelled" | "covered";
  /** The date's own weekday (a make-up day runs another weekday's sessions). */
  weekday: number;
  time: string;
  cover: string;
  own: string;
}

export interface WeekChanges {
  monday: IsoDate;
  sunday: IsoDate;
  lines: WeekChangeLine[];
  marks: Map<number, "cancelled" | "covered">;
}

async function changedSessions(
  em: EntityManager,
  rows: readonly EntryRow[],
  view: GridView,
  monday: IsoDate,
  sunday: IsoDate,
): Promise<DatedSession[]> {
  // A staff member's own view also shows the sessions they cover, which are not among their weekly rows.
  if (view.by === "staff") return staffChangesBetween(em, view.id, monday, sunday);
  const shown = new Set(inView([...rows], view).map((r) => r.id));
  const out: DatedSession[] = [];
  for (const date of datesBetween(monday, sunday)) {
    out.push(
      ...(await sessionsOn(em, date)).sessions.filter(
        (s) => shown.has(s.entry.id) && (s.cancelled !== null || s.covered),
      ),
    );
  }
  return out;
}

/** The changes of the week that holds `today`, date by date; marks name the chips of the weekly grid they touch. */
export async function weekChanges(
  em: EntityManager,
  week: Week,
  rows: readonly EntryRow[],
  view: GridView,
  today: IsoDate,
): Promise<WeekChanges> {
  const monday = weekStartOf(today);
  const sunday = addDays(monday, 6);
  const names = namesOf(week);
  const periods = new Map(week.periods.map((p) => [p.id, p]));
  const sessions = await changedSessions(em, rows, view, monday, sunday);
  const lines = sessions.map((session): WeekChangeLine => {
    const p = periods.get(session.entry.periodId);
    return {
      session,
      change: session.cancelled !== null ? "cancelled" : "covered",
      weekday: isoWeekday(session.date),
      time: p ? `${p.startTime}–${p.endTime}` : "",
      cover: names.staff.get(session.staffId ?? -1) ?? "",
      own: names.staff.get(session.entry.staffId ?? -1) ?? "",
    };
  });
  return { monday, sunday, lines, marks: new Map(lines.map((l) => [l.session.entry.id, l.change])) };
}
