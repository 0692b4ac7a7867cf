// Who may record homework for which class, and who may read which board.
// Admins: every class. Class teachers: their class. Any staff member: the classes they run
// homework sessions with in the current term's timetable — and on one date, the classes
// whose homework session they lead that date as the timetable says (a cover, 代课,
// moves that date's session to the covering teacher). Families: their children's classes only.
import type { DataSource } from "typeorm";
import { type SchoolClass, currentTerm } from "../db";
import type { SessionUser } from "../http";
import { sessionsOn, type DatedSession } from "../timetable";
import type { HomeworkEntry } from "./entities";
import { classById, currentClasses, familyClassIds, weeklyHomeworkSessions } from "./store";

type StaffUser = Extract<SessionUser, { kind: "staff" }>;

// A class-bound homework session is its class's; a grade-wide one every class of its grades.
const sessionOfClass = (s: { classId: number | null; grades: readonly number[] }, c: SchoolClass) =>
  s.classId != null ? s.classId === c.id : s.grades.includes(c.grade);

// The date's homework sessions (cancellations and cover applied): the timetable's answer.
async function homeworkSessionsOn(ds: DataSource, date: string): Promise<DatedSession[]> {
  return (await sessionsOn(ds.manager, date)).sessions.filter((s) => s.entry.kind === "homework");
}

/**
 * The classes this staff member may record homework for, by grade then name: their
 * weekly ones, and on the given dates (the form's date, the board's week) the classes
 * whose homework session they cover.
 */
export async function recordableClasses(
  ds: DataSource,
  user: StaffUser,
  dates: readonly string[] = [],
): Promise<SchoolClass[]> {
  const classes = await currentClasses(ds);
  if (user.role === "admin") return classes;
  const term = await currentTerm(ds);
  const weekly = term ? await weeklyHomeworkSessions(ds, term.id, user.id) : [];
  const leads: DatedSession[] = [];
  for (const date of dates)
    leads.push(...(await homeworkSessionsOn(ds, date)).filter((s) => s.cancelled === null && s.staffId === user.id));
  return classes.filter(
    (c) =>
      c.classTeacherId === user.id ||
      weekly.some((s) => sessionOfClass(s, c)) ||
      leads.some((s) => sessionOfClass(s.entry, c)),
  );
}

export async function canRecordFor(
  ds: DataSource,
  user: StaffUser,
  classId: number,
  dates: readonly string[] = [],
): Promise<boolean> {
  return (await recordableClasses(ds, user, dates)).some((c) => c.id === classId);
}

/**
 * Whether this staff member may record a class's homework for one date: the class
 * teacher always; otherwise whoever leads the class's homework session that date
 * (the covering teacher on a covered date — not the session's own teacher, since
 * someone else led it); on a date with no session of theirs, their weekly sessions.
 */
export async function canRecordOn(ds: DataSource, user: StaffUser, cls: SchoolClass, date: string): Promise<boolean> {
  if (user.role === "admin" || cls.classTeacherId === user.id) return true;
  const sessions = (await homeworkSessionsOn(ds, date)).filter((s) => sessionOfClass(s.entry, cls));
  if (sessions.some((s) => s.cancelled === null && s.staffId === user.id)) return true;
  if (sessions.some((s) => s.covered && s.entry.staffId === user.id)) return false;
  return canRecordFor(ds, user, cls.id);
}

/** Editing or deleting an entry: its author, the class teacher, or an admin — and still allowed on the class that date. */
export async function canChange(ds: DataSource, user: StaffUser, entry: HomeworkEntry): Promise<boolean> {
  if (user.role === "admin") return true;
  const cls = await classById(ds, entry.classId);
  if (!cls || !(await canRecordOn(ds, user, cls, entry.date))) return false;
  if (entry.staffId === user.id) return true;
  return cls.classTeacherId === user.id;
}

/** Staff read every board; a family only its children's classes. */
export async function canReadBoard(ds: DataSource, user: SessionUser, classId: number): Promise<boolean> {
  if (user.kind === "staff") return true;
  return (await familyClassIds(ds, user.id)).includes(classId);
}
