// Teacher participation (教师参与率): teaching staff with at least one service
// session a week over all teaching staff. External instructors (校外人员) are not
// school staff, so they stay out of the rate and are listed with their session counts.
import { rate, Rate, sumRates } from "./rate";
import { IsoDate, SchoolWeek, schoolWeeks, TermWeek } from "./school-days";

/** The staff roles of the database: class teachers (班主任) and teachers make up the teaching staff; admins (教务处) are neither. */
export type StaffKind = "admin" | "class_teacher" | "teacher" | "external";
/** `active: false` (left the school) drops the person from every figure. */
export interface StaffInput {
  id: string;
  name: string;
  kind: StaffKind;
  active?: boolean;
}
/** One service Session on one date, with everyone who runs it. */
export interface SessionInput {
  date: IsoDate;
  staffIds: string[];
}

export interface TeacherParticipationInput {
  staff: StaffInput[];
  sessions: SessionInput[];
  weeks: TermWeek[];
}

export interface ExternalSessions {
  staffId: string;
  name: string;
  sessions: number;
}
export interface TeacherWeek {
  weekStart: IsoDate;
  teachers: Rate;
  externals: ExternalSessions[];
}
export interface TeacherParticipation {
  weeks: TeacherWeek[];
  /** Teaching staff with at least one session in the term. */
  term: Rate;
  /** Staff-weeks with a session over teaching staff × weeks (the weekly rates pooled). */
  termStaffWeeks: Rate;
  externals: ExternalSessions[];
  /** Teaching staff with no session this term, for the admin to follow up. */
  teachersWithoutSessions: string[];
}

// The rate is about the school's own teachers: externals are listed apart, office-only admins are not teaching staff.
export function isTeachingStaff(s: StaffInput): boolean {
  return s.kind === "teacher" || s.kind === "class_teacher";
}

// Sessions count only on the week's school days (a make-up day included, a holiday not).
function sessionsInWeek(sessions: SessionInput[], week: SchoolWeek): SessionInput[] {
  const dates = new Set(week.days.map((d) => d.date));
  return sessions.filter((s) => dates.has(s.date));
}

function sessionCounts(sessions: SessionInput[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const s of sessions) for (const id of new Set(s.staffIds)) counts.set(id, (counts.get(id) ?? 0) + 1);
  return counts;
}

function externalsOf(staff: StaffInput[], counts: Map<string, number>): ExternalSessions[] {
  return staff
    .filter((s) => s.kind === "external")
    .map((s) => ({ staffId: s.id, name: s.name, sessions: counts.get(s.id) ?? 0 }));
}

function teachersRate(teachers: StaffInput[], counts: Map<string, number>): Rate {
  return rate(teachers.filter((t) => (counts.get(t.id) ?? 0) > 0).length, teachers.length);
}

export function teacherParticipation(input: TeacherParticipationInput): TeacherParticipation {
  const staff = [...new Map(input.staff.filter((s) => s.active !== false).map((s) => [s.id, s])).values()];
  const teachers = staff.filter(isTeachingStaff);
  const weeks = schoolWeeks(input.weeks);
  const termSessions = weeks.flatMap((w) => sessionsInWeek(input.sessions, w));
  const termCounts = sessionCounts(termSessions);
  const weekly = weeks.map((w) => {
    const counts = sessionCounts(sessionsInWeek(input.sessions, w));
    return { weekStart: w.weekStart, teachers: teachersRate(teachers, counts), externals: externalsOf(staff, counts) };
  });
  return {
    weeks: weekly,
    term: teachersRate(teachers, termCounts),
    termStaffWeeks: sumRates(weekly.map((w) => w.teachers)),
    externals: externalsOf(staff, termCounts),
    teachersWithoutSessions: teachers.filter((t) => !termCounts.has(t.id)).map((t) => t.id),
  };
}
