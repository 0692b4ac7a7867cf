// Who may record homework for which class, and who may read which board.
// Admins: every class. Class teachers: their class. Any staff member: the classes they run
// homework sessions with in the current term's timetable. Families: their children's classes only.
import type { DataSource } from "typeorm";
import { In } from "typeorm";
import { SchoolClass, Student, TimetableEntry } from "../db/entities";
import type { SessionUser } from "../web/session-user";
import { currentTerm } from "../policy/web/policy-input";
import type { HomeworkEntry } from "./entities";

type StaffUser = Extract<SessionUser, { kind: "staff" }>;

/** The classes this staff member may record homework for, by grade then name. */
export async function recordableClasses(ds: DataSource, user: StaffUser): Promise<SchoolClass[]> {
  const classes = await ds.getRepository(SchoolClass).find({ where: { archived: false }, order: { grade: "ASC", name: "ASC" } });
  if (user.role === "admin") return classes;
  const term = await currentTerm(ds);
  const sessions = term ? await ds.getRepository(TimetableEntry).findBy({ termId: term.id, staffId: user.id, kind: "homework" }) : [];
  // A class-bound homework session covers its class; a grade-wide one every class of its grades.
  const covered = (c: SchoolClass) =>
    c.classTeacherId === user.id ||
    sessions.some((s) => (s.classId != null ? s.classId === c.id : s.grades.includes(c.grade)));
  return classes.filter(covered);
}

export async function canRecordFor(ds: DataSource, user: StaffUser, classId: number): Promise<boolean> {
  return (await recordableClasses(ds, user)).some((c) => c.id === classId);
}

/** Editing or deleting an entry: its author, the class teacher, or an admin — and still allowed on the class. */
export async function canChange(ds: DataSource, user: StaffUser, entry: HomeworkEntry): Promise<boolean> {
  if (user.role === "admin") return true;
  if (!(await canRecordFor(ds, user, entry.classId))) return false;
  if (entry.staffId === user.id) return true;
  const cls = await ds.getRepository(SchoolClass).findOneBy({ id: entry.classId });
  return cls?.classTeacherId === user.id;
}

/** The classes a family's (current) children are in. */
export async function familyClassIds(ds: DataSource, familyId: number): Promise<number[]> {
  const children = await ds.getRepository(Student).find({ select: { classId: true }, where: { familyId, archived: false } });
  return [...new Set(children.map((c) => c.classId))];
}

/** Staff read every board; a family only its children's classes. */
export async function canReadBoard(ds: DataSource, user: SessionUser, classId: number): Promise<boolean> {
  if (user.kind === "staff") return true;
  return (await familyClassIds(ds, user.id)).includes(classId);
}

export async function classesByIds(ds: DataSource, ids: number[]): Promise<SchoolClass[]> {
  return ids.length ? ds.getRepository(SchoolClass).find({ where: { id: In(ids) }, order: { grade: "ASC", name: "ASC" } }) : [];
}
