// The day's summary notices (issue 21): once the school's last session of the
// day has ended, each class teacher gets `attendance.daySummary` with their
// classes' counts (the page has the names), and the staff groups one count-only
// line for the school. Once per service date on any number of instances: the
// date's row (unique) is claimed in the transaction that writes the notices.
// Started periodically from src/server.ts; `now` is passed in (no timers here).
import type { DataSource } from "typeorm";
import { inTransaction, type SchoolClass } from "../db";
import { currentTermCalendar, localDate, schoolZone, wallClockToUtc } from "../kernel";
import { notifyStaff, notifyStaffGroup } from "../notifications";
import { sessionsOn } from "./sessions";
import { daySummary } from "./day-summary";
import { claimDaySummary, classesOfTeachers } from "./day-summary-store";

/** The school-time instant the day's last held session ends, or null when nothing is held that date. */
async function serviceEnd(ds: DataSource, date: string, zone: string): Promise<Date | null> {
  const cal = await currentTermCalendar(ds);
  if (!cal) return null;
  const ends = (await sessionsOn(ds, cal, date)).sessions
    .filter((s) => s.cancelled === null && s.period !== null)
    .map((s) => s.period!.endTime)
    .sort();
  return ends.length ? wallClockToUtc(date, ends[ends.length - 1], zone) : null;
}

const isUniqueViolation = (err: unknown): boolean => {
  const code = (err as { driverError?: { code?: string }; code?: string })?.driverError?.code;
  return code === "23505" || code === "SQLITE_CONSTRAINT_UNIQUE";
};

/** Sends the summaries of `now`'s service date if it has ended and nobody sent them; returns how many class teachers were told. */
export async function sendDaySummaries(ds: DataSource, now: Date): Promise<number> {
  const zone = await schoolZone(ds.manager);
  const date = localDate(now, zone);
  const end = await serviceEnd(ds, date, zone);
  if (!end || now < end) return 0;
  const at = now.toISOString();
  const link = `/attendance/summary?date=${date}`;
  try {
    return await inTransaction(ds, async (em) => {
      if (!(await claimDaySummary(em, date, at))) return 0;
      const classes = await classesOfTeachers(em);
      const byTeacher = new Map<number, SchoolClass[]>();
      for (const c of classes) byTeacher.set(c.classTeacherId!, [...(byTeacher.get(c.classTeacherId!) ?? []), c]);
      for (const [teacherId, own] of byTeacher) {
        const { totals } = await daySummary(em, own, date);
        const names = own.map((c) => c.name).join("、");
        await notifyStaff(em, teacherId, "attendance.daySummary", { date, classes: names, ...totals, link }, at);
      }
      // The groups: counts for the whole school, never a child's name.
      const { totals } = await daySummary(em, classes, date);
      await notifyStaffGroup(em, "attendance.daySummary", { date, ...totals, link }, at);
      return byTeacher.size;
    });
  } catch (err) {
    // Another instance claimed the date between our check and our insert: it sends them.
    if (isUniqueViolation(err)) return 0;
    throw err;
  }
}
