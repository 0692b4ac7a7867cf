// Terms and their calendar days. Each change is audit-logged in the same
// transaction; checks that need the database raise a FormError naming the field.
import type { DataSource, EntityManager } from "typeorm";
import { type CalendarDay, type Term, inTransaction } from "../db";
import { Actor, recordAudit } from "../audit";
import { HttpError, fieldError, optionalId } from "../http";
import { datesOfRange, withinTerm } from "./core/calendar-rules";
import type { CalendarDayFormData, TermFormData } from "./term-forms";
import {
  calendarDayById,
  calendarDaysOf,
  calendarDaysOn,
  currentTermRow,
  deleteCalendarDayRow,
  insertCalendarDays,
  insertTerm,
  makeCurrent,
  otherCalendarDayOn,
  termById,
  termCount,
  termsNewestFirst,
  updateCalendarDayRow,
  updateTermDates,
} from "./store/terms";

export { calendarDayById, calendarDaysOf, termsNewestFirst };

export async function findTerm(ds: DataSource | EntityManager, id: number): Promise<Term> {
  const term = await termById(ds, id);
  if (!term) throw new HttpError(404, "errors.notFound");
  return term;
}

// The term a page works on: ?term=ID when given, else the current one.
export async function termFromQuery(ds: DataSource, query: unknown): Promise<Term | null> {
  const raw = typeof query === "object" && query !== null ? (query as Record<string, unknown>).term : undefined;
  const id = optionalId(raw);
  if (id !== null) return findTerm(ds, id);
  return currentTermRow(ds);
}

export async function createTerm(ds: DataSource, data: TermFormData, actor: Actor): Promise<Term> {
  return inTransaction(ds, async (em) => {
    const noneYet = (await termCount(em)) === 0;
    const term = await insertTerm(em, { name: data.name, startDate: data.startDate, endDate: data.endDate });
    if (data.current || noneYet) await makeCurrent(em, term.id);
    await recordAudit(em, actor, { action: "term.create", entity: "term", entityId: term.id, details: { ...data } });
    return term;
  });
}

export async function updateTerm(ds: DataSource, id: number, data: TermFormData, actor: Actor): Promise<void> {
  await inTransaction(ds, async (em) => {
    const term = await findTerm(em, id);
    // Shrinking the term must not strand holidays or make-up days outside it.
    const days = await calendarDaysOf(em, id);
    const outside = days.filter((d) => !withinTerm(d.date, data));
    if (outside.length) {
      const field = outside[0].date < data.startDate ? "startDate" : "endDate";
      throw fieldError(field, "school.term.daysOutside", { count: outside.length, date: outside[0].date });
    }
    await updateTermDates(em, id, { name: data.name, startDate: data.startDate, endDate: data.endDate });
    if (data.current && !term.current) await makeCurrent(em, id);
    await recordAudit(em, actor, {
      action: "term.update",
      entity: "term",
      entityId: id,
      details: { before: { ...term }, after: { ...data } },
    });
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

export async function addCalendarDays(
  ds: DataSource,
  term: Term,
  data: CalendarDayFormData,
  actor: Actor,
): Promise<CalendarDay[]> {
  for (const field of ["date", "until"] as const) {
    const date = data[field];
    if (date && !withinTerm(date, term))
      throw fieldError(field, "school.calendar.outsideTerm", { start: term.startDate, end: term.endDate });
  }
  const dates = datesOfRange(data.kind, data.date, data.until);
  if (dates.length === 0) throw fieldError("until", "school.calendar.noWeekdays");
  return inTransaction(ds, async (em) => {
    const taken = await calendarDaysOn(em, term.id, dates);
    if (taken.length)
      throw fieldError("date", "school.calendar.dateTaken", { date: taken[0].date, name: taken[0].name });
    const days = await insertCalendarDays(
      em,
      dates.map((date) => ({
        termId: term.id,
        date,
        kind: data.kind,
        name: data.name,
        runsWeekday: data.runsWeekday,
      })),
    );
    await recordAudit(em, actor, {
      action: "calendar.add",
      entity: "term",
      entityId: term.id,
      details: { kind: data.kind, name: data.name, dates },
    });
    return days;
  });
}

export async function updateCalendarDay(
  ds: DataSource,
  day: CalendarDay,
  term: Term,
  data: CalendarDayFormData,
  actor: Actor,
): Promise<void> {
  if (!withinTerm(data.date, term))
    throw fieldError("date", "school.calendar.outsideTerm", { start: term.startDate, end: term.endDate });
  await inTransaction(ds, async (em) => {
    const taken = await otherCalendarDayOn(em, term.id, data.date, day.id);
    if (taken) throw fieldError("date", "school.calendar.dateTaken", { date: taken.date, name: taken.name });
    const after = { date: data.date, kind: data.kind, name: data.name, runsWeekday: data.runsWeekday };
    await updateCalendarDayRow(em, day.id, after);
    await recordAudit(em, actor, {
      action: "calendar.update",
      entity: "calendar_day",
      entityId: day.id,
      details: { before: { ...day }, after },
    });
  });
}

export async function deleteCalendarDay(ds: DataSource, day: CalendarDay, actor: Actor): Promise<void> {
  await inTransaction(ds, async (em) => {
    await deleteCalendarDayRow(em, day.id);
    await recordAudit(em, actor, {
      action: "calendar.delete",
      entity: "calendar_day",
      entityId: day.id,
      details: { ...day },
    });
  });
}
