// Terms and their calendar days. Each change is audit-logged in the same
// transaction; checks that need the database raise a FormError naming the field.
import { type DataSource, type EntityManager, In, Not } from "typeorm";
import { CalendarDay, Term, inTransaction } from "../db";
import { Actor, recordAudit } from "../audit/audit-service";
import { HttpError, fieldError, optionalId } from "../http";
import { datesOfRange, withinTerm } from "./core/calendar-rules";
import type { CalendarDayFormData, TermFormData } from "./term-forms";

export async function findTerm(ds: DataSource | EntityManager, id: number): Promise<Term> {
  const term = await ds.getRepository(Term).findOneBy({ id });
  if (!term) throw new HttpError(404, "errors.notFound");
  return term;
}

// The term a page works on: ?term=ID when given, else the current one.
export async function termFromQuery(ds: DataSource, query: unknown): Promise<Term | null> {
  const raw = typeof query === "object" && query !== null ? (query as Record<string, unknown>).term : undefined;
  const id = optionalId(raw);
  if (id !== null) return findTerm(ds, id);
  return ds.getRepository(Term).findOneBy({ current: true });
}

// Only one term is current; making one current clears the flag on the others.
async function makeCurrent(em: EntityManager, id: number): Promise<void> {
  await em.getRepository(Term).update({ id: Not(id), current: true }, { current: false });
  await em.getRepository(Term).update({ id }, { current: true });
}

export async function createTerm(ds: DataSource, data: TermFormData, actor: Actor): Promise<Term> {
  return inTransaction(ds, async (em) => {
    const noneYet = (await em.getRepository(Term).count()) === 0;
    const term = await em.getRepository(Term).save({ name: data.name, startDate: data.startDate, endDate: data.endDate, current: false });
    if (data.current || noneYet) await makeCurrent(em, term.id);
    await recordAudit(em, actor, { action: "term.create", entity: "term", entityId: term.id, details: { ...data } });
    return term;
  });
}

export async function updateTerm(ds: DataSource, id: number, data: TermFormData, actor: Actor): Promise<void> {
  await inTransaction(ds, async (em) => {
    const term = await findTerm(em, id);
    // Shrinking the term must not strand holidays or make-up days outside it.
    const days = await em.getRepository(CalendarDay).find({ where: { termId: id }, order: { date: "ASC" } });
    const outside = days.filter((d) => !withinTerm(d.date, data));
    if (outside.length) {
      const field = outside[0].date < data.startDate ? "startDate" : "endDate";
      throw fieldError(field, "school.term.daysOutside", { count: outside.length, date: outside[0].date });
    }
    await em.getRepository(Term).update({ id }, { name: data.name, startDate: data.startDate, endDate: data.endDate });
    if (data.current && !term.current) await makeCurrent(em, id);
    await recordAudit(em, actor, { action: "term.update", entity: "term", entityId: id, details: { before: { ...term }, after: { ...data } } });
  });
}

export async function setCurrentTerm(ds: DataSource, id: number, actor: Actor): Promise<Term> {
  return inTransaction(ds, async (em) => {
    const term = await findTerm(em, id);
    await makeCurrent(em, id);
    await recordAudit(em, actor, { action: "term.current", entity: "term", entityId: id });
    return term;
  });
}

export async function addCalendarDays(ds: DataSource, term: Term, data: CalendarDayFormData, actor: Actor): Promise<CalendarDay[]> {
  for (const field of ["date", "until"] as const) {
    const date = data[field];
    if (date && !withinTerm(date, term)) throw fieldError(field, "school.calendar.outsideTerm", { start: term.startDate, end: term.endDate });
  }
  const dates = datesOfRange(data.kind, data.date, data.until);
  if (dates.length === 0) throw fieldError("until", "school.calendar.noWeekdays");
  return inTransaction(ds, async (em) => {
    const taken = await em.getRepository(CalendarDay).findBy({ termId: term.id, date: In(dates) });
    if (taken.length) throw fieldError("date", "school.calendar.dateTaken", { date: taken[0].date, name: taken[0].name });
    const days = await em.getRepository(CalendarDay).save(dates.map((date) => ({
      termId: term.id, date, kind: data.kind, name: data.name, runsWeekday: data.runsWeekday,
    })));
    await recordAudit(em, actor, { action: "calendar.add", entity: "term", entityId: term.id, details: { kind: data.kind, name: data.name, dates } });
    return days;
  });
}

export async function updateCalendarDay(ds: DataSource, day: CalendarDay, term: Term, data: CalendarDayFormData, actor: Actor): Promise<void> {
  if (!withinTerm(data.date, term)) throw fieldError("date", "school.calendar.outsideTerm", { start: term.startDate, end: term.endDate });
  await inTransaction(ds, async (em) => {
    const taken = await em.getRepository(CalendarDay).findOneBy({ termId: term.id, date: data.date, id: Not(day.id) });
    if (taken) throw fieldError("date", "school.calendar.dateTaken", { date: taken.date, name: taken.name });
    const after = { date: data.date, kind: data.kind, name: data.name, runsWeekday: data.runsWeekday };
    await em.getRepository(CalendarDay).update({ id: day.id }, after);
    await recordAudit(em, actor, { action: "calendar.update", entity: "calendar_day", entityId: day.id, details: { before: { ...day }, after } });
  });
}

export async function deleteCalendarDay(ds: DataSource, day: CalendarDay, actor: Actor): Promise<void> {
  await inTransaction(ds, async (em) => {
    await em.getRepository(CalendarDay).delete({ id: day.id });
    await recordAudit(em, actor, { action: "calendar.delete", entity: "calendar_day", entityId: day.id, details: { ...day } });
  });
}
