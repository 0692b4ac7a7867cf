// Who a Session expects (its roster). Club sessions: the club's members that day
// (the membership ledger). Every other session (homework help, sport, activity):
// the children of its class, or of its grades, who opted in to the service on
// that weekday (ServiceEnrollment); a grade-wide activity in a period where the
// grade has clubs is the supervised place (自主活动/托管) for the children with no
// club in it. Pure functions first, then the loader.
import type { DataSource } from "typeorm";
import type { Student } from "../db";
import { atClubInsteadOf, type EntryRow } from "../timetable";
import { clubMembers } from "./club-members-store";
import { rosterRows } from "./store";

export interface RosterChild {
  id: number;
  name: string;
  studentNumber: string;
  classId: number;
  className: string;
  grade: number;
  familyId: number;
}
export interface RosterContext {
  children: RosterChild[];
  /** Weekdays each child opted in to the service this term. */
  enrolledDays: Map<number, number[]>;
  membersOf: Map<number, Set<number>>;
  /** Per child, the periods of the day in which they have a club session (absent: none known). */
  clubPeriods?: Map<number, Set<number>>;
}

type RosterEntry = Pick<EntryRow, "kind" | "clubId" | "classId" | "grades" | "periodId">;

// A child in the service that weekday; a make-up day counts as the weekday it runs.
export function enrolledOn(ctx: RosterContext, studentId: number, weekday: number): boolean {
  return ctx.enrolledDays.get(studentId)?.includes(weekday) ?? false;
}

// Placement in a club is the family's choice for that slot, so members are expected whatever the opt-in says.
export function expectedIn(entry: RosterEntry, weekday: number, child: RosterChild, ctx: RosterContext): boolean {
  if (entry.kind === "club" || entry.clubId != null)
    return entry.clubId != null && (ctx.membersOf.get(entry.clubId)?.has(child.id) ?? false);
  if (!enrolledOn(ctx, child.id, weekday)) return false;
  // A child at their club is not also expected at the grade's supervised activity of that period.
  if (atClubInsteadOf(entry, ctx.clubPeriods?.get(child.id))) return false;
  return entry.classId != null ? child.classId === entry.classId : entry.grades.includes(child.grade);
}

export function rosterOf(entry: RosterEntry, weekday: number, ctx: RosterContext): RosterChild[] {
  return ctx.children.filter((c) => expectedIn(entry, weekday, c, ctx));
}

/** Everything rosters of `date` need for the current term, in three queries; `clubSessions` (the day's club sessions) decide the activity's roster. */
export async function loadRosterContext(
  ds: DataSource,
  termId: number,
  clubIds: number[],
  date: string,
  clubSessions: Pick<EntryRow, "clubId" | "periodId">[] = [],
): Promise<RosterContext> {
  const slotClubs = clubSessions.map((e) => e.clubId).filter((id): id is number => id != null);
  const [[students, enrollments], membersOf] = await Promise.all([
    rosterRows(ds, termId),
    clubMembers(ds, [...new Set([...clubIds, ...slotClubs])], date),
  ]);
  const clubPeriods = new Map<number, Set<number>>();
  for (const e of clubSessions) {
    for (const id of (e.clubId != null ? membersOf.get(e.clubId) : undefined) ?? [])
      (clubPeriods.get(id) ?? clubPeriods.set(id, new Set()).get(id)!).add(e.periodId);
  }
  return {
    children: rosterChildren(students),
    enrolledDays: new Map(enrollments.map((e) => [e.studentId, e.weekdays])),
    membersOf,
    clubPeriods,
  };
}

/** The children a register may list: those of classes still in use, with their class's name and grade. */
export function rosterChildren(students: Student[]): RosterContext["children"] {
  return students
    .filter((s) => !s.schoolClass.archived)
    .map((s) => ({
      id: s.id,
      name: s.name,
      studentNumber: s.studentNumber,
      classId: s.classId,
      className: s.schoolClass.name,
      grade: s.schoolClass.grade,
      familyId: s.familyId,
    }));
}
