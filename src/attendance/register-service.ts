// A register: one Session's roster with each child's mark. Loading checks who
// may see it (the session's own staff, or an admin); saving writes only what
// changed, raises or withdraws absence alerts, and audits every change in the
// same transaction.
import type { DataSource } from "typeorm";
import type { Attendance, AttendanceStatus } from "./entities";
import { HttpError, type SessionUser } from "../http";
import { inTransaction } from "../db";
import { Actor, recordAudit } from "../audit";
import { currentTermCalendar, schoolNow, schoolToday } from "../kernel";
import { sessionOn, sessionsOn, Session } from "./sessions";
import { loadRosterContext, rosterOf, RosterChild } from "./roster";
import { editWindowDays, windowState, WindowState } from "./edit-window";
import { raiseAlert, withdrawAlert } from "./alerts";
import { marksOfSession, saveMark } from "./store";
import { leaveForSession, leaveOn, type LeaveMark } from "../leave";

export interface Register {
  session: Session;
  roster: RosterChild[];
  marks: Map<number, Attendance>;
  window: WindowState;
  editDays: number;
  today: string;
  /** Children whose family asked leave (请假) covering this session: pre-marked excused until a mark is taken. */
  leave: Map<number, LeaveMark>;
}

export interface Mark {
  studentId: number;
  status: AttendanceStatus;
  note: string | null;
}

// A teacher takes the registers of the sessions they lead that date: their own, or one they
// cover (代课); a covered session's own teacher does not. An admin may take any.
export function mayTake(user: SessionUser, session: Session): boolean {
  return user.kind === "staff" && (user.role === "admin" || session.staffId === user.id);
}

export async function loadRegister(
  ds: DataSource,
  user: SessionUser,
  entryId: number,
  date: string,
): Promise<Register> {
  const cal = await currentTermCalendar(ds);
  const session = cal ? await sessionOn(ds, cal, entryId, date) : null;
  if (!cal || !session) throw new HttpError(404, "attendance.noSuchSession");
  // A cancelled session is not held: it has no register, so no mark and no absence alert.
  if (session.cancelled) throw new HttpError(404, "dateChanges.registerCancelled", { reason: session.cancelled });
  if (!mayTake(user, session)) throw new HttpError(403, "attendance.notYourSession");
  // A grade's supervised activity is for the children with no club in its period: the period's clubs decide its roster.
  const clubSessions =
    session.entry.kind === "activity"
      ? (await sessionsOn(ds, cal, date)).sessions
          .map((s) => s.entry)
          .filter((e) => e.periodId === session.entry.periodId)
      : [];
  const ctx = await loadRosterContext(
    ds,
    cal.term.id,
    session.entry.clubId != null ? [session.entry.clubId] : [],
    date,
    clubSessions,
  );
  const marks = new Map((await marksOfSession(ds, entryId, date)).map((m) => [m.studentId, m]));
  const expected = rosterOf(session.entry, session.weekday, ctx);
  // A child marked before their opt-in changed keeps their mark on the register.
  const extra = ctx.children.filter((c) => marks.has(c.id) && !expected.includes(c));
  const roster = [...expected, ...extra];
  const [today, editDays, asked] = await Promise.all([
    schoolToday(ds),
    editWindowDays(ds),
    leaveOn(
      ds,
      date,
      roster.map((c) => c.id),
    ),
  ]);
  const leave = new Map<number, LeaveMark>();
  for (const [id, mark] of asked) {
    const covers = leaveForSession(mark, entryId);
    if (covers) leave.set(id, covers);
  }
  return {
    session,
    roster,
    leave,
    marks,
    window: windowState(date, today, editDays),
    editDays,
    today,
  };
}

export class WindowClosed extends HttpError {
  constructor(state: WindowState, days: number) {
    super(403, state === "future" ? "attendance.future" : "attendance.windowClosed", { days });
  }
}

/** Saves the marks that differ from what is stored; returns how many changed. */
export async function saveMarks(
  ds: DataSource,
  reg: Register,
  marks: Mark[],
  user: SessionUser,
  actor: Actor,
): Promise<number> {
  if (reg.window === "future" || reg.window === "closed") throw new WindowClosed(reg.window, reg.editDays);
  const children = new Map(reg.roster.map((c) => [c.id, c]));
  const at = schoolNow().toISOString();
  const staffId = user.kind === "staff" ? user.id : null;
  return inTransaction(ds, async (em) => {
    const stored = new Map(
      (await marksOfSession(em, reg.session.entry.id, reg.session.date)).map((m) => [m.studentId, m]),
    );
    const changes: { studentId: number; from: AttendanceStatus | null; to: AttendanceStatus }[] = [];
    for (const mark of marks) {
      const child = children.get(mark.studentId);
      if (!child) continue;
      const old = stored.get(mark.studentId);
      if (old && old.status === mark.status && (old.note ?? null) === mark.note) continue;
      await saveMark(em, old, {
        entryId: reg.session.entry.id,
        date: reg.session.date,
        studentId: child.id,
        status: mark.status,
        note: mark.note,
        markedByStaffId: staffId,
        markedAt: at,
      });
      changes.push({ studentId: child.id, from: old?.status ?? null, to: mark.status });
      if (mark.status === "absent" && old?.status !== "absent") await raiseAlert(em, reg.session, child, staffId, at);
      if (mark.status !== "absent" && old?.status === "absent") await withdrawAlert(em, reg.session, child, at);
    }
    if (changes.length > 0) {
      await recordAudit(em, actor, {
        action: reg.window === "late" ? "attendance.mark-late" : "attendance.mark",
        entity: "session",
        entityId: `${reg.session.entry.id}@${reg.session.date}`,
        details: { entryId: reg.session.entry.id, date: reg.session.date, title: reg.session.entry.title, changes },
      });
    }
    return changes.length;
  }).catch((err: unknown) => {
    // Two people saving the same register at the same moment: the unique mark refuses the second, who saves again.
    const code = (err as { driverError?: { code?: string } })?.driverError?.code;
    if (code === "23505" || code === "SQLITE_CONSTRAINT_UNIQUE") throw new HttpError(409, "attendance.conflict");
    throw err;
  });
}

/** "All present": every child not yet marked is marked present (on leave: excused); marks already taken stay. */
export function allPresentMarks(reg: Register): Mark[] {
  return reg.roster
    .filter((c) => !reg.marks.has(c.id))
    .map((c) => ({ studentId: c.id, status: reg.leave.has(c.id) ? "excused" : "present", note: null }));
}
