// The staff's notices of the absence loop (issue 21), written in the caller's
// transaction through the outbox (src/notifications): an unexcused absence to
// the class teacher and the admins (mandatory kind) and a count-only line to the
// staff groups; the family's answer to the class teacher; an escalation to the
// admins. Group payloads never carry a child's name.
import type { EntityManager } from "typeorm";
import { notifyAdmins, notifyStaff, notifyStaffGroup } from "../notifications";
import type { AttendanceAlert } from "./entities";
import type { RosterChild } from "./roster";
import type { Session } from "./sessions";
import { classTeacherToTell, familiesByIds, marksOfAlerts, openAlertCount, studentsWithClass } from "./alert-store";

const STAFF_LINK = "/attendance/alerts";

export async function tellStaffOfAbsence(
  em: EntityManager,
  alert: AttendanceAlert,
  session: Session,
  child: RosterChild,
  at: string,
): Promise<void> {
  const [[family], [mark]] = await Promise.all([familiesByIds(em, [child.familyId]), marksOfAlerts(em, [alert])]);
  const payload = {
    child: child.name,
    class: child.className,
    session: session.entry.title,
    date: session.date,
    time: session.time,
    guardian: family?.guardianName ?? "",
    phone: family?.phone ?? null,
    note: mark?.note ?? null,
    link: STAFF_LINK,
  };
  const teacher = await classTeacherToTell(em, child.classId);
  if (teacher !== null) await notifyStaff(em, teacher, "attendance.absent", payload, at);
  await notifyAdmins(em, "attendance.absent", payload, at);
  await notifyStaffGroup(
    em,
    "attendance.absent",
    {
      class: child.className,
      session: session.entry.title,
      date: session.date,
      time: session.time,
      count: await openAlertCount(em, session.entry.id, session.date, child.classId),
      link: `/attendance/summary?date=${session.date}`,
    },
    at,
  );
}

/** The names and class of an alert's child, for the notices written after the register (answer, escalation). */
async function childOf(em: EntityManager, alert: AttendanceAlert) {
  const [child] = await studentsWithClass(em, [alert.studentId]);
  return child ? { name: child.name, classId: child.classId, className: child.schoolClass.name } : null;
}

export async function tellClassTeacherOfAnswer(em: EntityManager, alert: AttendanceAlert, at: string): Promise<void> {
  const child = await childOf(em, alert);
  const teacher = child ? await classTeacherToTell(em, child.classId) : null;
  const payload = {
    child: child?.name ?? "",
    class: child?.className ?? "",
    session: alert.sessionTitle,
    date: alert.date,
    answer: alert.answer,
    note: alert.answerNote ?? "",
    link: STAFF_LINK,
  };
  if (teacher !== null) await notifyStaff(em, teacher, "attendance.answer", payload, at);
  // A class teacher who is an admin reads it among the admins' notices.
  else if (child) await notifyAdmins(em, "attendance.answer", payload, at);
}

export async function tellAdminsOfEscalation(
  em: EntityManager,
  alert: AttendanceAlert,
  minutes: number,
  at: string,
): Promise<void> {
  const child = await childOf(em, alert);
  await notifyAdmins(
    em,
    "attendance.absent.escalated",
    {
      child: child?.name ?? "",
      class: child?.className ?? "",
      session: alert.sessionTitle,
      date: alert.date,
      time: alert.sessionTime,
      minutes,
      link: STAFF_LINK,
    },
    at,
  );
}
