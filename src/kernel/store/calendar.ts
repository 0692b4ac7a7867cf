// The only reader of the stored school clock and calendar: the school's time
// zone setting and a term's calendar days. Both are kept reads (db/kept-reads):
// family pages ask on every request, and a kept value lasts until the database changes.
import { type DataSource, type EntityManager, Between } from "typeorm";
import { CalendarDay, Setting, Term, currentTerm, keptRead } from "../../db";
import type { CalendarEntry, SchoolCalendar } from "../core/school-day";
import { SCHOOL_ZONE_KEY, zoneOrDefault } from "../core/zone";

type Repos = Pick<EntityManager, "getRepository"> | DataSource;

export async function schoolZone(em: Repos): Promise<string> {
  const row = await keptRead(em, `setting|${SCHOOL_ZONE_KEY}`, () =>
    em.getRepository(Setting).findOneBy({ key: SCHOOL_ZONE_KEY }),
  );
  return zoneOrDefault(row?.value);
}

function entryOf(d: CalendarDay): CalendarEntry {
  return { date: d.date, kind: d.kind, name: d.name, ...(d.kind === "makeup" ? { runsWeekday: d.runsWeekday } : {}) };
}

/** A term's special days in date order, optionally only those between two dates. */
export async function calendarEntries(
  em: Repos,
  termId: number,
  between?: { from: string; to: string },
): Promise<CalendarEntry[]> {
  const key = between ? `calendar|${termId}|${between.from}|${between.to}` : `calendar|${termId}`;
  return keptRead(em, key, async () => {
    const where = between ? { termId, date: Between(between.from, between.to) } : { termId };
    return (await em.getRepository(CalendarDay).find({ where, order: { date: "ASC" } })).map(entryOf);
  });
}

/** A term with its special days, as the kernel core takes it. */
export async function schoolCalendar(
  em: Repos,
  term: Pick<Term, "id" | "startDate" | "endDate">,
): Promise<SchoolCalendar> {
  return { startDate: term.startDate, endDate: term.endDate, specialDays: await calendarEntries(em, term.id) };
}

/** The current term and its calendar; null when no term is current. */
export async function currentSchoolCalendar(em: Repos): Promise<{ term: Term; calendar: SchoolCalendar } | null> {
  const term = await currentTerm(em);
  return term ? { term, calendar: await schoolCalendar(em, term) } : null;
}
