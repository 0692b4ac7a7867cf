// What the admin's per-date change pages show: a date's sessions as they stand
// (the weekly entry with that date's cancellation or cover), and the term's
// changes with the titles and names they refer to.
import type { DataSource } from "typeorm";
import { In } from "typeorm";
import { Period, Staff, Term } from "../db/entities";
import { termDateChanges, type DateChangeRow, type IsoDate } from "../kernel";
import type { DatedSession } from "./core/questions";
import { publishedOf, sessionsOn } from "./published";

export interface SessionLine { session: DatedSession; time: string; periodName: string; ownStaff: string; leader: string }
export interface ChangeLine { change: DateChangeRow; title: string; staffName: string }

async function staffNames(ds: DataSource, ids: (number | null)[]): Promise<Map<number, string>> {
  const wanted = [...new Set(ids.filter((id): id is number => id !== null))];
  const rows = wanted.length ? await ds.getRepository(Staff).find({ where: { id: In(wanted) }, select: { id: true, name: true } }) : [];
  return new Map(rows.map((s) => [s.id, s.name]));
}

/** The date's sessions with times and who leads them; day null when the date is outside the current term. */
export async function dateSessions(ds: DataSource, termId: number, date: IsoDate): Promise<{ hasService: boolean; lines: SessionLine[] }> {
  const { day, sessions } = await sessionsOn(ds.manager, date);
  const periods = new Map((await ds.getRepository(Period).findBy({ termId })).map((p) => [p.id, p]));
  const names = await staffNames(ds, sessions.flatMap((s) => [s.staffId, s.entry.staffId]));
  return {
    hasService: day?.runsWeekday != null,
    lines: sessions.map((session) => {
      const p = periods.get(session.entry.periodId);
      return {
        session, time: p ? `${p.startTime}–${p.endTime}` : "", periodName: p?.name ?? "",
        ownStaff: names.get(session.entry.staffId ?? -1) ?? "", leader: names.get(session.staffId ?? -1) ?? "",
      };
    }),
  };
}

/** A page of the term's changes, newest date first, with the session titles and cover names. */
export async function changeLines(ds: DataSource, term: Term, skip: number, take: number): Promise<{ lines: ChangeLine[]; total: number }> {
  const { rows, total } = await termDateChanges(ds.manager, term.id, skip, take);
  const titles = new Map((await publishedOf(ds.manager, term.id)).rows.map((r) => [r.id, r.title]));
  const names = await staffNames(ds, rows.map((r) => r.staffId));
  return { total, lines: rows.map((change) => ({ change, title: change.entryId === null ? "" : titles.get(change.entryId) ?? `#${change.entryId}`, staffName: names.get(change.staffId ?? -1) ?? "" })) };
}

/** One change with its title and name (the remove confirm page). */
export async function changeLine(ds: DataSource, termId: number, change: DateChangeRow): Promise<ChangeLine> {
  const titles = new Map((await publishedOf(ds.manager, termId)).rows.map((r) => [r.id, r.title]));
  const names = await staffNames(ds, [change.staffId]);
  return { change, title: change.entryId === null ? "" : titles.get(change.entryId) ?? `#${change.entryId}`, staffName: names.get(change.staffId ?? -1) ?? "" };
}

/** Active staff who could cover, by name (the cover form's choices). */
export async function coverChoices(ds: DataSource): Promise<{ id: number; name: string; role: string }[]> {
  const rows = await ds.getRepository(Staff).find({ where: { active: true }, select: { id: true, name: true, role: true } });
  return rows.sort((a, b) => a.name.localeCompare(b.name, "zh-CN") || a.id - b.id).map(({ id, name, role }) => ({ id, name, role }));
}
