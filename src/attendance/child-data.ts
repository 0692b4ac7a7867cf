// A child's attendance and alerts, for the family's copy of their child's data
// (PIPL export). Deleting a child deletes these rows too (foreign keys cascade).
import type { DataSource } from "typeorm";
import { Attendance, AttendanceAlert } from "./entities";

export async function attendanceOfChild(ds: DataSource, studentId: number): Promise<Record<string, unknown>> {
  const [marks, alerts] = await Promise.all([
    ds.getRepository(Attendance).find({ where: { studentId }, order: { date: "ASC", entryId: "ASC" } }),
    ds.getRepository(AttendanceAlert).find({ where: { studentId }, order: { date: "ASC", id: "ASC" } }),
  ]);
  return {
    attendance: marks.map((m) => ({ date: m.date, session: m.entryId, status: m.status, note: m.note, markedAt: m.markedAt })),
    absenceAlerts: alerts.map((a) => ({ date: a.date, session: a.sessionTitle, time: a.sessionTime, state: a.state, raisedAt: a.createdAt })),
  };
}
