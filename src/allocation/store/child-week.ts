// A child's week on the PUBLISHED timetable: their class's homework help,
// their grade's sport and activities, and their own clubs, on the weekdays
// the family opted in to (all weekdays when no opt-in is recorded yet).
import type { DataSource } from "typeorm";
import { ServiceEnrollment, Student, Venue, termPeriods, keptRead } from "../../db";
import { publishedOf, type EntryRow } from "../../timetable";
import { dayOrder } from "../slots";

export interface WeekSession {
  time: string;
  title: string;
  kind: string;
  venue: string | null;
}
export interface DayPlan {
  weekday: number;
  sessions: WeekSession[];
}

// Whether a published session is this child's.
function isChilds(e: EntryRow, student: Student, grade: number, clubIds: number[]): boolean {
  if (e.clubId != null) return clubIds.includes(e.clubId);
  if (e.classId != null) return e.classId === student.classId;
  return e.grades.includes(grade);
}

export async function childWeek(
  ds: DataSource,
  termId: number,
  student: Student,
  clubIds: number[],
): Promise<DayPlan[]> {
  // The published snapshot as every page reads it (checked, kept), of this term.
  const entries = (await publishedOf(ds.manager, termId)).rows;
  if (!entries.length) return [];
  const periods = dayOrder(await termPeriods(ds, termId));
  const order = new Map(periods.map((p, i) => [p.id, i]));
  const venues = new Map(
    (await keptRead(ds, "venues", () => ds.getRepository(Venue).find())).map((v) => [v.id, v.name]),
  );
  const enrollment = await ds.getRepository(ServiceEnrollment).findOneBy({ termId, studentId: student.id });
  const days = enrollment?.weekdays.length ? [...enrollment.weekdays].sort((a, b) => a - b) : [1, 2, 3, 4, 5];
  const grade = student.schoolClass.grade;
  return days
    .map((weekday) => ({
      weekday,
      sessions: entries
        .filter((e) => e.weekday === weekday && isChilds(e, student, grade, clubIds))
        .sort((a, b) => (order.get(a.periodId) ?? 99) - (order.get(b.periodId) ?? 99))
        .map((e) => {
          const p = periods[order.get(e.periodId) ?? -1];
          return {
            time: p ? `${p.startTime}–${p.endTime}` : "",
            title: e.title,
            kind: e.kind,
            venue: e.venueId != null ? (venues.get(e.venueId) ?? null) : null,
          };
        }),
    }))
    .filter((d) => d.sessions.length > 0);
}
