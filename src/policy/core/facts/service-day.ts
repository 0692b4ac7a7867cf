// What one weekday of the weekly timetable gives one grade (or one class of it).
import { clockTime, unionMinutes } from "../clock";
import { entriesReaching, intervalsOf, type PolicyContext } from "./context";

export interface ServiceDay {
  start?: string;
  end?: string;
  /** First start to last end: the time children are in the service, breaks between periods included. */
  spanMinutes: number;
  /** Minutes inside periods, overlaps counted once. */
  sessionMinutes: number;
  homeworkMinutes: number;
  /** Periods in which the grade has at least one sport session. */
  sportMinutes: number;
  /** Periods in which every session the grade has is sport (the whole grade moves). */
  sportMinutesAllEntries: number;
  entryCount: number;
}

const cache = new WeakMap<PolicyContext, Map<string, ServiceDay>>();

// The weekly grid repeats every week: compute each (weekday, grade, class) once per context.
export function serviceDay(ctx: PolicyContext, weekday: number | null, grade: number, classId?: string): ServiceDay {
  const memo = cache.get(ctx) ?? new Map<string, ServiceDay>();
  cache.set(ctx, memo);
  const key = `${weekday}|${grade}|${classId ?? ""}`;
  const hit = memo.get(key);
  if (hit) return hit;
  const day = computeServiceDay(ctx, weekday, grade, classId);
  memo.set(key, day);
  return day;
}

function computeServiceDay(ctx: PolicyContext, weekday: number | null, grade: number, classId?: string): ServiceDay {
  const entries = entriesReaching(ctx, weekday, grade, classId);
  const all = intervalsOf(ctx, entries);
  const homework = intervalsOf(
    ctx,
    entries.filter((e) => e.kind === "homework"),
  );
  const sport = intervalsOf(
    ctx,
    entries.filter((e) => e.kind === "sport"),
  );
  const wholeGradeSport = intervalsOf(
    ctx,
    entries.filter((e) => entries.every((o) => o.periodId !== e.periodId || o.kind === "sport")),
  );
  const start = all.length ? Math.min(...all.map((i) => i[0])) : undefined;
  const end = all.length ? Math.max(...all.map((i) => i[1])) : undefined;
  return {
    start: start === undefined ? undefined : clockTime(start),
    end: end === undefined ? undefined : clockTime(end),
    spanMinutes: start === undefined || end === undefined ? 0 : end - start,
    sessionMinutes: unionMinutes(all),
    homeworkMinutes: unionMinutes(homework),
    sportMinutes: unionMinutes(sport),
    sportMinutesAllEntries: unionMinutes(wholeGradeSport),
    entryCount: entries.length,
  };
}
