// Service enrollment (a child's voluntary opt-in per weekday, per term). Staff
// enter a family's paper reply (回执) on its behalf, marked source = "staff".
import type { DataSource } from "typeorm";
import { type SchoolClass, type ServiceEnrollment, type Student, type Term, nowIso, inTransaction } from "../db";
import {
  currentStudentsInClasses,
  currentStudentsOfClass,
  deleteEnrollment,
  enrollmentsOf,
  enrollmentsOfTerm,
  insertEnrollment,
  updateEnrollment,
} from "./store/enrollment";
import { Actor, recordAudit } from "../audit";
import type { FieldErrors } from "../http";

export interface EnrollmentRow {
  student: Student;
  enrollment: ServiceEnrollment | null;
}
export interface WeekdayCounts {
  byWeekday: Record<number, number>;
  replies: number;
  enrolled: number;
  students: number;
}

export async function classEnrollment(ds: DataSource, termId: number, classId: number): Promise<EnrollmentRow[]> {
  const students = await currentStudentsOfClass(ds, classId);
  const rows = students.length
    ? await enrollmentsOf(
        ds,
        termId,
        students.map((s) => s.id),
      )
    : [];
  const byStudent = new Map(rows.map((e) => [e.studentId, e]));
  return students.map((student) => ({ student, enrollment: byStudent.get(student.id) ?? null }));
}

// Per weekday, how many children are in; "enrolled" = at least one day a week.
export function countWeekdays(rows: { weekdays: number[] }[], students: number): WeekdayCounts {
  const byWeekday: Record<number, number> = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
  for (const r of rows) for (const d of r.weekdays) if (d in byWeekday) byWeekday[d]++;
  return { byWeekday, replies: rows.length, enrolled: rows.filter((r) => r.weekdays.length > 0).length, students };
}

// Counts for every class at once, for the overview page.
export async function countsByClass(
  ds: DataSource,
  termId: number,
  classes: SchoolClass[],
): Promise<Map<number, WeekdayCounts>> {
  const ids = classes.map((c) => c.id);
  const students = await currentStudentsInClasses(ds, ids);
  const enrollments = await enrollmentsOfTerm(ds, termId);
  const classOf = new Map(students.map((s) => [s.id, s.classId]));
  return new Map(
    classes.map((c) => [
      c.id,
      countWeekdays(
        enrollments.filter((e) => classOf.get(e.studentId) === c.id),
        students.filter((s) => s.classId === c.id).length,
      ),
    ]),
  );
}

export type Reply = { studentId: number; weekdays: number[] | null };

// The class form: per child, "reply received" and the weekdays ticked. A
// weekday outside Mon–Fri names that child's field.
export function parseReplies(
  body: Record<string, unknown>,
  students: Student[],
): { replies: Reply[]; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const replies = students.map((s) => {
    const raw = body[`w_${s.id}`];
    const values = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
    const days = values.map((v) => (typeof v === "string" && /^[1-5]$/.test(v) ? Number(v) : NaN));
    if (days.some(Number.isNaN)) errors[`w_${s.id}`] = { key: "school.validation.weekday", params: {} };
    const received = body[`r_${s.id}`] === "1" || days.length > 0;
    return { studentId: s.id, weekdays: received ? [...new Set(days)].sort((a, b) => a - b) : null };
  });
  return { replies, errors };
}

const same = (a: number[], b: number[]) => a.length === b.length && a.every((d, i) => d === b[i]);

// Writes only the children whose reply changed; one audit entry for the class.
export async function saveReplies(
  ds: DataSource,
  term: Term,
  cls: SchoolClass,
  replies: Reply[],
  actor: Actor,
): Promise<number> {
  return inTransaction(ds, async (em) => {
    const existing = new Map(
      (
        await enrollmentsOf(
          em,
          term.id,
          replies.map((r) => r.studentId),
        )
      ).map((e) => [e.studentId, e]),
    );
    const changed: { studentId: number; weekdays: number[] | null }[] = [];
    for (const reply of replies) {
      const current = existing.get(reply.studentId);
      if (reply.weekdays === null) {
        if (current) await deleteEnrollment(em, current.id);
        else continue;
      } else if (!current) {
        await insertEnrollment(em, {
          termId: term.id,
          studentId: reply.studentId,
          weekdays: reply.weekdays,
          source: "staff",
          enteredByStaffId: actor.id,
          updatedAt: nowIso(),
        });
      } else if (!same(current.weekdays, reply.weekdays)) {
        await updateEnrollment(em, current.id, {
          weekdays: reply.weekdays,
          source: "staff",
          enteredByStaffId: actor.id,
          updatedAt: nowIso(),
        });
      } else continue;
      changed.push(reply);
    }
    if (changed.length) {
      await recordAudit(em, actor, {
        action: "enrollment.paper-replies",
        entity: "school_class",
        entityId: cls.id,
        details: { termId: term.id, changed },
      });
    }
    return changed.length;
  });
}
