// A day's summary for a class teacher (issue 21): for each of their classes,
// that date's absences with the family's answer, leave (excused marks, with the
// register's note) and early pick-ups. The page shows it; at the end of the
// service day the sweep (day-summary-sweep.ts) sends its counts.
import type { DataSource, EntityManager } from "typeorm";
import type { SchoolClass } from "../db";
import { earlyPickupsOn } from "../pickup";
import type { AlertAnswer } from "./entities";
import { alertsOfDate, childrenOfClasses, excusedOn } from "./day-summary-store";

export interface ClassSummary {
  id: number;
  name: string;
  absences: {
    studentId: number;
    name: string;
    session: string;
    time: string;
    withdrawn: boolean;
    answer: AlertAnswer | null;
    answerNote: string | null;
  }[];
  leave: { studentId: number; name: string; note: string | null }[];
  early: { studentId: number; name: string; time: string; who: string; unlisted: boolean }[];
}

export interface DaySummary {
  date: string;
  classes: ClassSummary[];
  totals: { absent: number; answered: number; leave: number; early: number };
}

export async function daySummary(
  ds: DataSource | EntityManager,
  classes: SchoolClass[],
  date: string,
): Promise<DaySummary> {
  const children = await childrenOfClasses(
    ds,
    classes.map((c) => c.id),
  );
  const ids = children.map((c) => c.id);
  const [alerts, excused, early] = await Promise.all([
    alertsOfDate(ds, date, ids),
    excusedOn(ds, date, ids),
    earlyPickupsOn(ds, date, ids),
  ]);
  const nameOf = new Map(children.map((c) => [c.id, c.name]));
  const summaries = classes.map((cls): ClassSummary => {
    const mine = new Set(children.filter((c) => c.classId === cls.id).map((c) => c.id));
    // A child excused in two sessions is one child on leave.
    const leave = new Map(excused.filter((m) => mine.has(m.studentId)).map((m) => [m.studentId, m]));
    return {
      id: cls.id,
      name: cls.name,
      absences: alerts
        .filter((a) => mine.has(a.studentId))
        .map((a) => ({
          studentId: a.studentId,
          name: nameOf.get(a.studentId) ?? "",
          session: a.sessionTitle,
          time: a.sessionTime,
          withdrawn: a.state === "withdrawn",
          answer: a.answer,
          answerNote: a.answerNote,
        })),
      leave: [...leave.values()].map((m) => ({
        studentId: m.studentId,
        name: nameOf.get(m.studentId) ?? "",
        note: m.note,
      })),
      early: early
        .filter((p) => mine.has(p.studentId))
        .map((p) => ({
          studentId: p.studentId,
          name: nameOf.get(p.studentId) ?? "",
          time: p.localTime,
          who: p.personName,
          unlisted: p.unlisted,
        })),
    };
  });
  const open = summaries.flatMap((c) => c.absences.filter((a) => !a.withdrawn));
  return {
    date,
    classes: summaries,
    totals: {
      absent: open.length,
      answered: open.filter((a) => a.answer !== null).length,
      leave: summaries.reduce((n, c) => n + c.leave.length, 0),
      early: summaries.reduce((n, c) => n + c.early.length, 0),
    },
  };
}
