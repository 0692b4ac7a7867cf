// The database, mapped to the reports core's plain inputs (ids as strings).
// Each loader reads one thing for the current term; the pages combine them.
import type { DataSource } from "typeorm";
import { Club, SchoolClass, ServiceEnrollment, Staff, Student } from "../../db";
import { currentTermCalendar, type CurrentTermCalendar, termWeeks } from "../../kernel";
import { publishedTimetable, type EntryRow } from "../../timetable";
import {
  sessionAttendance,
  type SessionAttendance,
  type SessionInput,
  type StaffInput,
  type StudentParticipationInput,
  type TermWeek,
} from "../core";
import { termRegisters } from "./register-source";

export interface TermContext {
  cal: CurrentTermCalendar;
  weeks: TermWeek[];
  entries: EntryRow[];
}

export async function termContext(ds: DataSource): Promise<TermContext | null> {
  const cal = await currentTermCalendar(ds);
  if (!cal) return null;
  const { rows } = await publishedTimetable(ds.manager);
  return { cal, weeks: termWeeks(cal), entries: rows };
}

export async function studentsInput(
  ds: DataSource,
  ctx: TermContext,
): Promise<Omit<StudentParticipationInput, "weeks">> {
  const [classes, students, enrollments] = await Promise.all([
    ds.getRepository(SchoolClass).find({ where: { archived: false }, order: { grade: "ASC", name: "ASC", id: "ASC" } }),
    ds.getRepository(Student).find({ where: { archived: false }, select: { id: true, classId: true } }),
    ds
      .getRepository(ServiceEnrollment)
      .find({ where: { termId: ctx.cal.term.id }, select: { studentId: true, weekdays: true } }),
  ]);
  const gradeOf = new Map(classes.map((c) => [c.id, c.grade]));
  return {
    classes: classes.map((c) => ({ id: String(c.id), grade: c.grade, name: c.name })),
    students: students
      .filter((s) => gradeOf.has(s.classId))
      .map((s) => ({ id: String(s.id), classId: String(s.classId), grade: gradeOf.get(s.classId)! })),
    // An opt-in holds for the whole term (ServiceEnrollment has no dates of its own).
    enrollments: enrollments.map((e) => ({
      studentId: String(e.studentId),
      days: e.weekdays,
      from: ctx.cal.term.startDate,
      to: ctx.cal.term.endDate,
    })),
  };
}

// Every published entry meets on each school day running its weekday: that is a Session.
export function plannedSessions(ctx: TermContext): SessionInput[] {
  const byWeekday = new Map<number, EntryRow[]>();
  for (const e of ctx.entries) byWeekday.set(e.weekday, [...(byWeekday.get(e.weekday) ?? []), e]);
  return ctx.cal.dates.flatMap((date) =>
    (byWeekday.get(ctx.cal.weekdayOf.get(date)!) ?? [])
      .filter((e) => e.staffId != null)
      .map((e) => ({ date, staffIds: [String(e.staffId)] })),
  );
}

/** The term's clubs still running, by name. */
export const termClubs = (ds: DataSource, termId: number): Promise<Club[]> =>
  ds.getRepository(Club).find({ where: { termId, cancelled: false }, order: { name: "ASC", id: "ASC" } });

export async function staffInput(ds: DataSource): Promise<StaffInput[]> {
  const staff = await ds.getRepository(Staff).find({
    order: { staffNumber: "ASC" },
    select: { id: true, name: true, role: true, active: true, staffNumber: true },
  });
  return staff.map((s) => ({ id: String(s.id), name: s.name, kind: s.role, active: s.active }));
}

/** The club sessions that happened this term, each with its register's counts (attended ÷ expected members). */
export async function clubAttendance(ds: DataSource, ctx: TermContext, today: string): Promise<SessionAttendance[]> {
  const { sessions, marks } = await termRegisters(ds, ctx, today, "clubs");
  return sessionAttendance(sessions, marks, today);
}
