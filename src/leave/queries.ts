// What other capabilities ask of leave requests: the registers and the class's
// day (attendance), the family timetable (through the app's route wiring), the
// child's data export (privacy). They ask here and never read the table.
import type { DataSource, EntityManager } from "typeorm";
import { leaveMarksOn, type LeaveMark } from "./core";
import { activeBetween, activeOn, leaveOfChild, rowOf } from "./store";

/** Each child's leave on a date: studentId → kind, status and the sessions it covers ("all" or entry ids). */
export async function leaveOn(
  db: DataSource | EntityManager,
  date: string,
  studentIds?: readonly number[],
): Promise<Map<number, LeaveMark>> {
  if (studentIds && !studentIds.length) return new Map();
  return leaveMarksOn((await activeOn(db, date, studentIds)).map(rowOf), date);
}

/** One child's leave on each of some dates (a week of the family timetable): date → mark. */
export async function leaveOfChildOn(
  db: DataSource | EntityManager,
  studentId: number,
  dates: readonly string[],
): Promise<Map<string, LeaveMark>> {
  const out = new Map<string, LeaveMark>();
  if (!dates.length) return out;
  const sorted = [...dates].sort();
  const rows = (await activeBetween(db, [studentId], sorted[0], sorted[sorted.length - 1])).map(rowOf);
  for (const date of dates) {
    const mark = leaveMarksOn(rows, date).get(studentId);
    if (mark) out.set(date, mark);
  }
  return out;
}

/** The child's requests as the data export shows them (privacy: a child's data export). */
export async function leaveRequestsOfChild(db: DataSource | EntityManager, studentId: number) {
  return (await leaveOfChild(db, studentId)).map((r) => ({
    fromDate: r.fromDate,
    toDate: r.toDate,
    session: r.sessionTitle,
    kind: r.kind,
    note: r.note,
    status: r.status,
    reply: r.reply,
    createdAt: r.createdAt,
    decidedAt: r.decidedAt,
    withdrawnAt: r.withdrawnAt,
  }));
}
