// What the admin's per-date change pages show: a date's sessions as they stand
// (the weekly entry with that date's cancellation or cover), and the term's
// changes with the titles and names they refer to.
import type { DataSource } from "typeorm";
import type { Term } from "../db";
import { termDateChanges, type DateChangeRow, type IsoDate } from "../kernel";
import type { DatedSession } from "./core/questions";
import { publishedOf, sessionsOn } from "./store/published";
import { activeStaff, periodsOfTerm, staffNames } from "./store/people";

export interface SessionLine {
  session: DatedSession;
  time: string;
  periodName: string;
  ownStaff: string;
  leader: string;
}
export interface ChangeLine {
  change: DateChangeRow;
  title: string;
  staffName: string;
  /**
   * False when the date no longer holds what the change names — a re-publication dropped or
   * moved the session, or the day lost its service. sessionsOn then ignores it (it changes
   * nothing); the list says so rather than show it as if it still held.
   */
  applies: boolean;
}

/** The date's sessions with times and who leads them; day null when the date is outside the current term. */
export async function dateSessions(
  ds: DataSource,
  termId: number,
  date: IsoDate,
): Promise<{ hasService: boolean; lines: SessionLine[] }> {
  const { day, sessions } = await sessionsOn(ds.manager, date);
  const periods = new Map((await periodsOfTerm(ds, termId)).map((p) => [p.id, p]));
  const names = await staffNames(
    ds,
    sessions.flatMap((s) => [s.staffId, s.entry.staffId]),
  );
  return {
    hasService: day?.runsWeekday != null,
    lines: sessions.map((session) => {
      const p = periods.get(session.entry.periodId);
      return {
        session,
        time: p ? `${p.startTime}–${p.endTime}` : "",
        periodName: p?.name ?? "",
        ownStaff: names.get(session.entry.staffId ?? -1) ?? "",
        leader: names.get(session.staffId ?? -1) ?? "",
      };
    }),
  };
}

// Whether each change still names what its date holds, asked of sessionsOn once per date:
// a session's change needs that session to run that date, a day's the date to have service.
async function stillApplies(
  ds: DataSource,
  changes: readonly DateChangeRow[],
): Promise<(change: DateChangeRow) => boolean> {
  const dates = new Map<IsoDate, { hasService: boolean; entryIds: Set<number> }>();
  for (const date of new Set(changes.map((c) => c.date))) {
    const { day, sessions } = await sessionsOn(ds.manager, date);
    dates.set(date, { hasService: day?.runsWeekday != null, entryIds: new Set(sessions.map((s) => s.entry.id)) });
  }
  return (change) => {
    const held = dates.get(change.date);
    if (!held) return false;
    return change.entryId === null ? held.hasService : held.entryIds.has(change.entryId);
  };
}

async function linesOf(ds: DataSource, termId: number, changes: readonly DateChangeRow[]): Promise<ChangeLine[]> {
  const titles = new Map((await publishedOf(ds.manager, termId)).rows.map((r) => [r.id, r.title]));
  const names = await staffNames(
    ds,
    changes.map((r) => r.staffId),
  );
  const applies = await stillApplies(ds, changes);
  return changes.map((change) => ({
    change,
    title: change.entryId === null ? "" : (titles.get(change.entryId) ?? `#${change.entryId}`),
    staffName: names.get(change.staffId ?? -1) ?? "",
    applies: applies(change),
  }));
}

/** A page of the term's changes, newest date first, with the session titles and cover names. */
export async function changeLines(
  ds: DataSource,
  term: Term,
  skip: number,
  take: number,
): Promise<{ lines: ChangeLine[]; total: number }> {
  const { rows, total } = await termDateChanges(ds.manager, term.id, skip, take);
  return { total, lines: await linesOf(ds, term.id, rows) };
}

/** One change with its title and name (the remove confirm page). */
export async function changeLine(ds: DataSource, termId: number, change: DateChangeRow): Promise<ChangeLine> {
  return (await linesOf(ds, termId, [change]))[0];
}

/** Active staff who could cover, by name (the cover form's choices). */
export async function coverChoices(ds: DataSource): Promise<{ id: number; name: string; role: string }[]> {
  return (await activeStaff(ds)).sort((a, b) => a.name.localeCompare(b.name, "zh-CN") || a.id - b.id);
}
