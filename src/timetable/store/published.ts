// The published timetable: the snapshot families and staff see (never the
// draft), read from the database through the one parser (core/snapshot.ts).
// Every page, feed, register, rule check, club offer and allocation reads it
// here; nothing else touches Timetable.published (eslint.config.mjs).
import type { DataSource, EntityManager } from "typeorm";
import { Period, Timetable, currentTerm, keptRead } from "../../db";
import {
  cancellationOf,
  coverOf,
  dateChangesOn as kernelChangesOn,
  datesBetween,
  indexCalendar,
  schoolCalendar,
  schoolDay,
  termDateChanges,
  type DayOfSchool,
  type IsoDate,
} from "../../kernel";
import type { EntryRow } from "../core/entry-row";
import { parseSnapshot } from "../core/snapshot";
import * as Q from "../core/questions";

type Repos = Pick<EntityManager, "getRepository"> | DataSource;

export interface Published {
  termId: number | null;
  /** When it was published; null when the term has nothing published (then rows is []). */
  publishedAt: string | null;
  rows: EntryRow[];
  /** Rows of the snapshot left out as not valid entries (the admin's grid shows the count). */
  unreadable: number;
}

const NOTHING = (termId: number | null): Published =>
  Object.freeze({ termId, publishedAt: null, rows: Object.freeze([]) as unknown as EntryRow[], unreadable: 0 });

// Every family's timetable page, every feed and register reads the same snapshot:
// it is kept until the database changes, and frozen, since all of them share it.
// A bad row is logged once per load (so once per change), not on every page.
export function publishedOf(em: Repos, termId: number): Promise<Published> {
  return keptRead(em, `published|${termId}`, async () => {
    const timetable = await em.getRepository(Timetable).findOneBy({ termId });
    if (!timetable?.publishedAt) return NOTHING(termId);
    const { rows, skipped } = parseSnapshot(timetable.published, termId);
    if (skipped.length) {
      process.emitWarning(
        `published timetable of term ${termId}: ${skipped.length} row(s) are not valid entries and are left out: ` +
          skipped.map((s) => `#${s.index} (id ${JSON.stringify(s.id)}): ${s.problem}`).join("; "),
        { code: "KEHOU_TIMETABLE_SNAPSHOT" },
      );
    }
    const frozen = rows.map((r) => Object.freeze({ ...r, grades: Object.freeze(r.grades) as number[] }));
    return Object.freeze({
      termId,
      publishedAt: timetable.publishedAt,
      rows: Object.freeze(frozen) as EntryRow[],
      unreadable: skipped.length,
    });
  });
}

/** The current term's published timetable (termId null when no term is current). */
export async function publishedTimetable(em: Repos): Promise<Published> {
  const term = await currentTerm(em);
  return term ? publishedOf(em, term.id) : NOTHING(null);
}

// Periods in the order of the day (position, then start time), for sorting sessions.
async function periodOrder(em: Repos, termId: number): Promise<Map<number, number>> {
  const periods = await keptRead(em, `periods|${termId}`, () => em.getRepository(Period).findBy({ termId }));
  const sorted = [...periods].sort(
    (a, b) => a.position - b.position || a.startTime.localeCompare(b.startTime) || a.id - b.id,
  );
  return new Map(sorted.map((p, i) => [p.id, i]));
}

// The date's cancellations and cover, as the kernel holds them (a kept read, so
// every register and page of the date shares one load until the database changes).
// A day's cancellation needs the entry's grades, hence the rows.
async function dateChangesOn(
  em: Repos,
  termId: number,
  date: IsoDate,
  rows: readonly EntryRow[],
): Promise<Q.DateChanges> {
  const facts = await kernelChangesOn(em, termId, date);
  if (!facts.cancellations.length && !facts.covers.length) return Q.NO_CHANGES;
  const byId = new Map(rows.map((r) => [r.id, r]));
  return {
    cancelled: (entryId) => {
      const entry = byId.get(entryId);
      return entry ? (cancellationOf(facts, entry)?.reason ?? null) : null;
    },
    coverOf: (entryId) => coverOf(facts, entryId)?.staffId ?? null,
  };
}

/**
 * The sessions held on a date of the current term: the timetable of the weekday
 * the kernel says runs (a make-up day follows the weekday it names; holidays,
 * exam days and weekends have none), with the date's cancellations and cover.
 */
export async function sessionsOn(
  em: Repos,
  date: IsoDate,
): Promise<{ day: DayOfSchool | null; sessions: Q.DatedSession[] }> {
  const term = await currentTerm(em);
  if (!term || date < term.startDate || date > term.endDate) return { day: null, sessions: [] };
  const calendar = await schoolCalendar(em, term);
  const day = schoolDay(date, indexCalendar(calendar.specialDays));
  const [published, order] = [await publishedOf(em, term.id), await periodOrder(em, term.id)];
  const changes = await dateChangesOn(em, term.id, date, published.rows);
  return { day, sessions: Q.sessionsOn(published.rows, day, changes, order) };
}

/**
 * sessionsOn for several dates (a family's week): the term, calendar, snapshot
 * and periods are read once, each date's changes on the dates that run a timetable.
 * `only` keeps the rows a caller can use (one child's): sorting a whole weekday
 * for every date was most of a family page's time.
 */
export async function sessionsOnDates(
  em: Repos,
  dates: readonly IsoDate[],
  only?: (row: EntryRow) => boolean,
): Promise<{ date: IsoDate; day: DayOfSchool | null; sessions: Q.DatedSession[] }[]> {
  const term = await currentTerm(em);
  if (!term) return dates.map((date) => ({ date, day: null, sessions: [] }));
  const calendar = indexCalendar((await schoolCalendar(em, term)).specialDays);
  const [published, order] = [await publishedOf(em, term.id), await periodOrder(em, term.id)];
  const rows = only ? published.rows.filter(only) : published.rows;
  const out: { date: IsoDate; day: DayOfSchool | null; sessions: Q.DatedSession[] }[] = [];
  for (const date of dates) {
    if (date < term.startDate || date > term.endDate) {
      out.push({ date, day: null, sessions: [] });
      continue;
    }
    const day = schoolDay(date, calendar);
    out.push({
      date,
      day,
      sessions:
        day.runsWeekday === null
          ? []
          : Q.sessionsOn(rows, day, await dateChangesOn(em, term.id, date, published.rows), order),
    });
  }
  return out;
}

/** A club's weekly published sessions, Monday first; of the current term unless the club's term is given. */
export async function clubSessions(em: Repos, clubId: number, termId?: number): Promise<EntryRow[]> {
  const term = termId ?? (await currentTerm(em))?.id;
  if (term === undefined) return [];
  return Q.clubSessions((await publishedOf(em, term)).rows, clubId, await periodOrder(em, term));
}

/** A staff member's published week in the current term, by day and period (the teachers' home page). */
export async function staffWeek(em: Repos, staffId: number): Promise<EntryRow[]> {
  const term = await currentTerm(em);
  if (!term) return [];
  return Q.staffWeek((await publishedOf(em, term.id)).rows, staffId, await periodOrder(em, term.id));
}

/**
 * A staff member's sessions between two dates that a per-date change touches:
 * those they cover for someone (代课), and their own that are cancelled or
 * covered by someone else. The teachers' home page shows them beside the week.
 */
export async function staffChangesBetween(
  em: Repos,
  staffId: number,
  from: IsoDate,
  to: IsoDate,
): Promise<Q.DatedSession[]> {
  const out: Q.DatedSession[] = [];
  for (const date of datesBetween(from, to)) {
    for (const s of (await sessionsOn(em, date)).sessions) {
      if ((s.covered && s.staffId === staffId) || (s.entry.staffId === staffId && (s.cancelled !== null || s.covered)))
        out.push(s);
    }
  }
  return out;
}

/**
 * Every session of the current term that a per-date change touches (cancelled,
 * or covered by someone else), date by date as sessionsOn has them. The calendar
 * feeds carry the whole term at once, so they ask for the changed dates only.
 */
export async function changedSessionsOfTerm(em: Repos): Promise<Q.DatedSession[]> {
  const term = await currentTerm(em);
  if (!term) return [];
  const { rows } = await termDateChanges(em, term.id, 0, Number.MAX_SAFE_INTEGER);
  const out: Q.DatedSession[] = [];
  for (const date of [...new Set(rows.map((r) => r.date))].sort()) {
    for (const s of (await sessionsOn(em, date)).sessions) if (s.cancelled !== null || s.covered) out.push(s);
  }
  return out;
}
