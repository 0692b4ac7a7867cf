// Child-safety alerts: a child expected in a session and marked absent without
// an excuse is reported at once to the class teacher, every admin and the
// family. Correcting the mark (present, or excused) withdraws the alert, and so
// does cancelling the session: a session that was not held has no absentees.
import type { DataSource, EntityManager } from "typeorm";
import { inTransaction } from "../db";
import { formatStored, schoolZone } from "../kernel";
import { Actor, recordAudit } from "../audit";
import { notify } from "../notifications";
import type { SessionUser } from "../http";
import type { AlertAnswer, AttendanceAlertAudience, AudienceKind } from "./entities";
import {
  addAudience,
  alertOf,
  alertStaffOf,
  audienceRow,
  audienceRowsOf,
  clearAudience,
  familiesByIds,
  marksOfAlerts,
  createAlert,
  openAlertsOf,
  saveAlert,
  saveAudienceRow,
  studentsByIds,
  studentsWithClass,
} from "./alert-store";
import { tellStaffOfAbsence } from "./alert-notices";
import type { RosterChild } from "./roster";
import type { Session } from "./sessions";

export interface AlertView {
  id: number;
  studentName: string;
  className: string;
  sessionTitle: string;
  sessionTime: string;
  date: string;
  state: "open" | "withdrawn";
  createdAt: string;
  acknowledgedAt: string | null;
  /** acknowledgedAt as the school's wall-clock time. */
  acknowledgedLocal: string | null;
  /** When the register raised it, on the school's wall clock. */
  registeredLocal: string;
  /** The teacher's note on the register mark (e.g. 未到，家长未请假), if any. */
  note: string | null;
  /** Who to call: the family's guardian and phone (shown to staff only). */
  guardianName: string;
  phone: string | null;
  /** The family's answer and its note, and when (school wall clock). */
  answer: AlertAnswer | null;
  answerNote: string | null;
  answeredLocal: string | null;
  escalated: boolean;
}

async function audienceOf(em: EntityManager, child: RosterChild): Promise<{ kind: AudienceKind; id: number }[]> {
  const staffIds = new Set(await alertStaffOf(em, child.classId));
  return [...[...staffIds].map((id) => ({ kind: "staff" as const, id })), { kind: "family", id: child.familyId }];
}

/** Opens (or re-opens) the alert for this child, session and date; every audience member must acknowledge it again. */
export async function raiseAlert(
  em: EntityManager,
  session: Session,
  child: RosterChild,
  staffId: number | null,
  at: string,
): Promise<number> {
  const key = { entryId: session.entry.id, date: session.date, studentId: child.id };
  let alert = await alertOf(em, key);
  if (alert) {
    alert.state = "open";
    alert.updatedAt = at;
    alert.raisedByStaffId = staffId;
    // A new absence asks a new question: the earlier answer and escalation belong to the earlier one.
    Object.assign(alert, { answer: null, answerNote: null, answeredAt: null, escalatedAt: null });
    await saveAlert(em, alert);
    await clearAudience(em, alert.id);
  } else {
    alert = await createAlert(em, {
      ...key,
      sessionTitle: session.entry.title.slice(0, 100),
      sessionTime: session.time.slice(0, 20),
      state: "open",
      raisedByStaffId: staffId,
      createdAt: at,
      updatedAt: at,
    });
  }
  await addAudience(em, alert.id, await audienceOf(em, child));
  // The class teacher and the admins on every channel they have (a mandatory kind), the staff groups a count.
  await tellStaffOfAbsence(em, alert, session, child, at);
  // The family's general inbox (src/notifications) carries it too, so it is seen wherever they look.
  await notify(
    em,
    child.familyId,
    "attendance.absent",
    {
      child: child.name,
      session: session.entry.title,
      date: session.date,
      time: session.time,
      link: "/family/alerts",
    },
    at,
  );
  return alert.id;
}

/** The mark was corrected: the alert stops showing as open (it stays in the list, marked withdrawn). */
export async function withdrawAlert(
  em: EntityManager,
  session: Session,
  child: RosterChild,
  at: string,
): Promise<boolean> {
  const alert = await alertOf(em, { entryId: session.entry.id, date: session.date, studentId: child.id });
  if (!alert || alert.state === "withdrawn") return false;
  alert.state = "withdrawn";
  alert.updatedAt = at;
  await saveAlert(em, alert);
  await notify(
    em,
    child.familyId,
    "attendance.corrected",
    { child: child.name, session: session.entry.title, date: session.date, link: "/family/alerts" },
    at,
  );
  return true;
}

/**
 * Sessions were cancelled on a date (one session, or a day's): their open alerts of
 * that date are withdrawn, each family is told (the alert had told them), and one
 * audit line names them. Runs in the cancellation's transaction; returns how many.
 */
export async function withdrawAlertsOfCancelled(
  em: EntityManager,
  cancellation: { id: number; date: string },
  sessions: readonly { entryId: number; title: string }[],
  actor: Actor,
  at: string,
): Promise<number> {
  if (!sessions.length) return 0;
  const titles = new Map(sessions.map((s) => [s.entryId, s.title]));
  const alerts = await openAlertsOf(em, [...titles.keys()], cancellation.date);
  if (!alerts.length) return 0;
  const children = new Map(
    (
      await studentsByIds(
        em,
        alerts.map((a) => a.studentId),
      )
    ).map((c) => [c.id, c]),
  );
  for (const alert of alerts) {
    alert.state = "withdrawn";
    alert.updatedAt = at;
    await saveAlert(em, alert);
    const child = children.get(alert.studentId);
    if (child) {
      await notify(
        em,
        child.familyId,
        "attendance.cancelled",
        {
          child: child.name,
          session: titles.get(alert.entryId) ?? alert.sessionTitle,
          date: alert.date,
          link: "/family/alerts",
        },
        at,
      );
    }
  }
  await recordAudit(em, actor, {
    action: "attendance.alerts-withdrawn",
    entity: "session_cancellation",
    entityId: cancellation.id,
    details: {
      date: cancellation.date,
      alerts: alerts.map((a) => a.id),
      entries: [...new Set(alerts.map((a) => a.entryId))],
    },
  });
  return alerts.length;
}

export function audienceKey(user: SessionUser): { audienceKind: AudienceKind; audienceId: number } {
  return { audienceKind: user.kind, audienceId: user.id };
}

/** A user's alerts, open ones first, newest first. */
export async function alertsFor(
  ds: DataSource,
  user: SessionUser,
  skip: number,
  take: number,
  onlyUnacknowledged = false,
): Promise<[AlertView[], number]> {
  const [rows, total] = await audienceRowsOf(ds, { kind: user.kind, id: user.id }, skip, take, onlyUnacknowledged);
  return [await viewsOf(ds, rows), total];
}

async function viewsOf(ds: DataSource, rows: AttendanceAlertAudience[]): Promise<AlertView[]> {
  const ids = [...new Set(rows.map((r) => r.alert.studentId))];
  const students = ids.length ? await studentsWithClass(ds, ids) : [];
  const byId = new Map(students.map((s) => [s.id, s]));
  if (!rows.length) return [];
  const [zone, families, marks] = await Promise.all([
    schoolZone(ds.manager),
    familiesByIds(ds, [...new Set(students.map((s) => s.familyId))]),
    marksOfAlerts(
      ds,
      rows.map((r) => r.alert),
    ),
  ]);
  const familyOf = (studentId: number) => families.find((f) => f.id === byId.get(studentId)?.familyId);
  const noteOf = (a: AttendanceAlertAudience["alert"]) =>
    marks.find((m) => m.entryId === a.entryId && m.date === a.date && m.studentId === a.studentId)?.note ?? null;
  return rows.map((r) => ({
    id: r.alert.id,
    studentName: byId.get(r.alert.studentId)?.name ?? "",
    className: byId.get(r.alert.studentId)?.schoolClass.name ?? "",
    sessionTitle: r.alert.sessionTitle,
    sessionTime: r.alert.sessionTime,
    date: r.alert.date,
    state: r.alert.state,
    createdAt: r.alert.updatedAt,
    acknowledgedAt: r.acknowledgedAt,
    acknowledgedLocal: r.acknowledgedAt ? formatStored(r.acknowledgedAt, zone) : null,
    registeredLocal: formatStored(r.alert.updatedAt, zone),
    note: noteOf(r.alert),
    // The family's own copy needs no phone of itself; staff call it.
    guardianName: r.audienceKind === "staff" ? (familyOf(r.alert.studentId)?.guardianName ?? "") : "",
    phone: r.audienceKind === "staff" ? (familyOf(r.alert.studentId)?.phone ?? null) : null,
    answer: r.alert.answer,
    answerNote: r.alert.answerNote,
    answeredLocal: r.alert.answeredAt ? formatStored(r.alert.answeredAt, zone) : null,
    escalated: r.alert.escalatedAt !== null,
  }));
}

/** Acknowledges the user's own copy of an alert; false when it is not theirs. */
export async function acknowledgeAlert(
  ds: DataSource,
  user: SessionUser,
  alertId: number,
  actor: Actor,
  at: string,
): Promise<boolean> {
  return inTransaction(ds, async (em) => {
    const row = await audienceRow(em, alertId, { kind: user.kind, id: user.id });
    if (!row) return false;
    if (row.acknowledgedAt === null) {
      row.acknowledgedAt = at;
      await saveAudienceRow(em, row);
      await recordAudit(em, actor, { action: "attendance.alert-ack", entity: "attendance_alert", entityId: alertId });
    }
    return true;
  });
}

/** What a home page shows: the user's open, unacknowledged alerts (a few) and how many there are. */
export async function homeAlerts(ds: DataSource, user: SessionUser): Promise<{ alerts: AlertView[]; total: number }> {
  const [alerts, total] = await alertsFor(ds, user, 0, 5, true);
  return { alerts, total };
}
