// Dismissal lists (分批离校): which children leave at the end of each period, by
// class, so the gate hands each child over at the right time. A child leaves
// after the last session of the day they are expected in; a child not in the
// service that day leaves at the ordinary end of school. A session cancelled that
// date (rain, an outing) is simply not there: its children leave after their last
// session still held, or with the school day when none is (kept simple: no
// supervised wait until the cancelled session's end).
import type { DataSource } from "typeorm";
import { currentTermCalendar } from "../kernel";
import { sessionsOn, Session } from "./sessions";
import { expectedIn, loadRosterContext, RosterChild, RosterContext } from "./roster";
import { childMarksOn, classIdsOf } from "./store";

export interface DismissalChild {
  id: number;
  name: string;
  studentNumber: string;
  mark: "absent" | "excused" | null;
}
export interface DismissalClass {
  classId: number;
  className: string;
  grade: number;
  children: DismissalChild[];
}
/** `time` null: not in the service today (leaves with the school day). */
export interface DismissalBatch {
  time: string | null;
  periodName: string | null;
  count: number;
  classes: DismissalClass[];
}

// The end of the child's last session: sessions are compared by their period's end time.
export function leavingTime(child: RosterChild, sessions: Session[], ctx: RosterContext): Session | null {
  let last: Session | null = null;
  for (const s of sessions) {
    if (!s.period || s.cancelled || !expectedIn(s.entry, s.weekday, child, ctx)) continue;
    if (!last || s.period.endTime > last.period!.endTime) last = s;
  }
  return last;
}

export function dismissalBatches(
  sessions: Session[],
  ctx: RosterContext,
  marks: Map<number, "absent" | "excused">,
): DismissalBatch[] {
  const batches = new Map<string, { time: string | null; periodName: string | null; children: RosterChild[] }>();
  for (const child of ctx.children) {
    const last = leavingTime(child, sessions, ctx);
    const key = last ? last.period!.endTime : "";
    if (!batches.has(key))
      batches.set(key, {
        time: last ? last.period!.endTime : null,
        periodName: last ? last.period!.name : null,
        children: [],
      });
    batches.get(key)!.children.push(child);
  }
  return [...batches.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([, b]) => ({
      time: b.time,
      periodName: b.periodName,
      count: b.children.length,
      classes: byClass(b.children, marks),
    }));
}

function byClass(children: RosterChild[], marks: Map<number, "absent" | "excused">): DismissalClass[] {
  const classes = new Map<number, DismissalClass>();
  for (const c of children) {
    if (!classes.has(c.classId))
      classes.set(c.classId, { classId: c.classId, className: c.className, grade: c.grade, children: [] });
    classes
      .get(c.classId)!
      .children.push({ id: c.id, name: c.name, studentNumber: c.studentNumber, mark: marks.get(c.id) ?? null });
  }
  return [...classes.values()]
    .sort((a, b) => a.grade - b.grade || a.className.localeCompare(b.className, "zh-CN"))
    .map((k) => ({ ...k, children: k.children.sort((a, b) => a.studentNumber.localeCompare(b.studentNumber)) }));
}

/** Who reads the list: an admin sees every child; anyone else only the children they answer for. */
export interface DismissalViewer {
  role: string;
  id: number;
}

// A class teacher hands over their own class; every staff member the children of the sessions they lead that day
// (an external instructor: their club's members; a cover: the session they cover). The gate's full list is the office's (admin).
export function visibleChildren(
  viewer: DismissalViewer,
  sessions: Session[],
  ctx: RosterContext,
  ownClassIds: number[],
): RosterChild[] {
  if (viewer.role === "admin") return ctx.children;
  const led = sessions.filter((s) => s.staffId === viewer.id && !s.cancelled);
  return ctx.children.filter(
    (c) => ownClassIds.includes(c.classId) || led.some((s) => expectedIn(s.entry, s.weekday, c, ctx)),
  );
}

export interface DismissalDay {
  date: string;
  isSchoolDay: boolean;
  batches: DismissalBatch[];
  classes: { id: number; name: string }[];
}

/** The lists for a date as `viewer` may see them; `classId` narrows them to one class (what a class teacher prints). */
export async function dismissalDay(
  ds: DataSource,
  date: string,
  classId: number | null,
  viewer: DismissalViewer,
): Promise<DismissalDay | null> {
  const cal = await currentTermCalendar(ds);
  if (!cal) return null;
  const day = await sessionsOn(ds, cal, date);
  const clubIds = day.sessions.map((s) => s.entry.clubId).filter((id): id is number => id != null);
  const ctx = await loadRosterContext(
    ds,
    cal.term.id,
    clubIds,
    date,
    day.sessions.map((s) => s.entry),
  );
  const ownClassIds = viewer.role === "class_teacher" ? await classIdsOf(ds, viewer.id) : [];
  ctx.children = visibleChildren(viewer, day.weekday === null ? [] : day.sessions, ctx, ownClassIds);
  const classes = [
    ...new Map(ctx.children.map((c) => [c.classId, { id: c.classId, name: c.className, grade: c.grade }])).values(),
  ]
    .sort((a, b) => a.grade - b.grade || a.name.localeCompare(b.name, "zh-CN"))
    .map(({ id, name }) => ({ id, name }));
  if (classId !== null) ctx.children = ctx.children.filter((c) => c.classId === classId);
  const away = await childMarksOn(ds, date);
  // Absent or excused in any session that day: the gate should not wait for that child.
  const marks = new Map(
    away.filter((m) => m.status !== "present").map((m) => [m.studentId, m.status as "absent" | "excused"]),
  );
  return {
    date,
    isSchoolDay: day.weekday !== null,
    batches: day.weekday === null ? [] : dismissalBatches(day.sessions, ctx, marks),
    classes,
  };
}
