// One pass over the input into lookups that every fact builder shares.
import { schoolDays, type ServiceDay as SchoolDay } from "../../../kernel/core";
import { minutesOfDay } from "../clock";
import type { Club, HomeworkEntry, Period, PolicyInput, SchoolClass, Staff, TimetableEntry, Venue } from "../types";

export interface PolicyContext {
  input: PolicyInput;
  periods: Map<string, Period>;
  classes: Map<string, SchoolClass>;
  staff: Map<string, Staff>;
  venues: Map<string, Venue>;
  clubs: Map<string, Club>;
  schoolDays: SchoolDay[];
  /** Homework log grouped by `${classId}|${date}`. */
  homeworkByClassDate: Map<string, HomeworkEntry[]>;
}

export function buildContext(input: PolicyInput): PolicyContext {
  const homeworkByClassDate = new Map<string, HomeworkEntry[]>();
  for (const h of input.homework) {
    const key = `${h.classId}|${h.date}`;
    homeworkByClassDate.set(key, [...(homeworkByClassDate.get(key) ?? []), h]);
  }
  return {
    input,
    periods: new Map(input.periods.map((p) => [p.id, p])),
    classes: new Map(input.classes.map((c) => [c.id, c])),
    staff: new Map(input.staff.map((s) => [s.id, s])),
    venues: new Map(input.venues.map((v) => [v.id, v])),
    clubs: new Map(input.clubs.map((c) => [c.id, c])),
    schoolDays: schoolDays(input.term),
    homeworkByClassDate,
  };
}

/** [start, end) of an entry's period in minutes, or null when the period is unknown. */
export function entryInterval(ctx: PolicyContext, entry: TimetableEntry): [number, number] | null {
  const p = ctx.periods.get(entry.periodId);
  return p ? [minutesOfDay(p.start), minutesOfDay(p.end)] : null;
}

// An entry reaches a grade when it lists the grade; a class-bound entry reaches only its class.
export function entriesReaching(
  ctx: PolicyContext,
  weekday: number | null,
  grade: number,
  classId?: string,
): TimetableEntry[] {
  if (weekday === null) return [];
  return ctx.input.entries.filter(
    (e) =>
      e.weekday === weekday &&
      e.grades.includes(grade) &&
      (classId === undefined || e.classId === undefined || e.classId === classId),
  );
}

export function intervalsOf(ctx: PolicyContext, entries: TimetableEntry[]): [number, number][] {
  return entries.map((e) => entryInterval(ctx, e)).filter((i): i is [number, number] => i !== null);
}

/** Written homework minutes one class was set on one date. */
export function writtenMinutes(ctx: PolicyContext, classId: string, date: string): number {
  return (ctx.homeworkByClassDate.get(`${classId}|${date}`) ?? [])
    .filter((h) => h.written)
    .reduce((sum, h) => sum + h.minutes, 0);
}
