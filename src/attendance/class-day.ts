// A class teacher's view of their class's day (/classes/:id/day): for each
// child, whether they are in the service that day, what they stay for (their
// class's and grade's sessions, their own clubs from the ledger), when they
// leave (the dismissal rule: after their last session) and whether the
// registers have them absent or on leave. Everything is asked of its owner:
// the day of the kernel (through the timetable's sessionsOn), sessions of the
// timetable, clubs of the ledger (the roster context); nothing is re-read here.
import type { DataSource } from "typeorm";
import type { SchoolClass } from "../db";
import { currentTermCalendar, type DayOfSchool } from "../kernel";
import { sessionsOn as datedSessionsOn } from "../timetable";
import { sessionsOn, type Session } from "./sessions";
import { enrolledOn, expectedIn, loadRosterContext, type RosterChild, type RosterContext } from "./roster";
import { leavingTime } from "./dismissal";
import { isAway, markOf, type DayMark } from "./core";
import { childMarksOn } from "./store";
import { leaveOn, type LeaveMark } from "../leave";

export { markOf, type DayMark };

export interface ChildDay {
  id: number;
  name: string;
  studentNumber: string;
  /** Opted in to the service on the weekday this date runs. */
  inService: boolean;
  /** The sessions the child is expected in, in the order of the day. */
  stays: { title: string; time: string; club: boolean }[];
  /** The end of the child's last session; null: leaves with the school day. */
  leavesAt: string | null;
  /** What the registers say of the child that day (absent outranks on leave). */
  mark: DayMark;
  /** The family's leave (请假) that day, as the leave capability answers; null: none. */
  leave?: LeaveMark | null;
  /** Not with the class that day: marked absent or excused, or on leave (the page's "away" count). */
  away?: boolean;
}

export interface ClassDay {
  date: string;
  /** The kernel's day; null when the date is outside the current term (or there is none). */
  day: DayOfSchool | null;
  hasTerm: boolean;
  /** The service dates just before and after (the date switcher). */
  prev: string | null;
  next: string | null;
  /** Sessions of the day that do not happen (weather, outing…), with why. */
  cancelled: { title: string; time: string; reason: string }[];
  children: ChildDay[];
}

export function childDay(
  child: RosterChild,
  sessions: Session[],
  weekday: number,
  ctx: RosterContext,
  statuses: string[],
): ChildDay {
  const mine = sessions.filter((s) => expectedIn(s.entry, weekday, child, ctx));
  const last = leavingTime(child, sessions, ctx);
  return {
    id: child.id,
    name: child.name,
    studentNumber: child.studentNumber,
    inService: enrolledOn(ctx, child.id, weekday),
    stays: mine.map((s) => ({ title: s.entry.title, time: s.time, club: s.entry.clubId != null })),
    leavesAt: last?.period?.endTime ?? null,
    mark: markOf(statuses),
  };
}

export async function classDay(ds: DataSource, cls: SchoolClass, date: string): Promise<ClassDay> {
  const cal = await currentTermCalendar(ds);
  const base = { date, prev: null, next: null, cancelled: [], children: [] };
  if (!cal) return { ...base, day: null, hasTerm: false };
  const prev = [...cal.dates].reverse().find((d) => d < date) ?? null;
  const next = cal.dates.find((d) => d > date) ?? null;
  const { day, sessions: dated } = await datedSessionsOn(ds.manager, date);
  if (!day || day.runsWeekday === null) return { ...base, day, hasTerm: true, prev, next };
  const all = await sessionsOn(ds, cal, date);
  const reasons = new Map(dated.filter((s) => s.cancelled !== null).map((s) => [s.entry.id, s.cancelled!]));
  // A cancelled session keeps nobody: the child leaves after the last one that happens.
  const held = all.sessions.filter((s) => !reasons.has(s.entry.id));
  const clubIds = all.sessions.map((s) => s.entry.clubId).filter((id): id is number => id != null);
  const ctx = await loadRosterContext(ds, cal.term.id, clubIds, date);
  const pupils = ctx.children.filter((c) => c.classId === cls.id);
  const marks = pupils.length
    ? await childMarksOn(
        ds,
        date,
        pupils.map((c) => c.id),
      )
    : [];
  const onLeave = await leaveOn(
    ds,
    date,
    pupils.map((c) => c.id),
  );
  const statuses = (id: number) => marks.filter((m) => m.studentId === id).map((m) => m.status);
  const cancelled = all.sessions
    .filter((s) => reasons.has(s.entry.id) && pupils.some((c) => expectedIn(s.entry, day.runsWeekday!, c, ctx)))
    .map((s) => ({ title: s.entry.title, time: s.time, reason: reasons.get(s.entry.id)! }));
  return {
    ...base,
    day,
    hasTerm: true,
    prev,
    next,
    cancelled,
    children: pupils.map((c) => {
      const child = childDay(c, held, day.runsWeekday!, ctx, statuses(c.id));
      const leave = onLeave.get(c.id) ?? null;
      return { ...child, leave, away: isAway(child.mark, leave !== null) };
    }),
  };
}
