// The people a survey reaches: children on the roll in its grades (progress and
// notices), a child by the student number on a paper slip, a staff member's name.
import { type EntityManager, In } from "typeorm";
import { SchoolClass, ServiceEnrollment, Staff, Student } from "../../db";
import type { ProgressChild } from "../core";

type Repos = Pick<EntityManager, "getRepository">;

/** Children on the roll in these grades (current classes), with their class, and their families. */
export async function childrenOfGrades(db: Repos, grades: number[]): Promise<(ProgressChild & { familyId: number })[]> {
  if (!grades.length) return [];
  const classes = await db
    .getRepository(SchoolClass)
    .find({ select: { id: true, name: true, grade: true }, where: { grade: In(grades), archived: false } });
  if (!classes.length) return [];
  const byId = new Map(classes.map((c) => [c.id, c]));
  const students = await db.getRepository(Student).find({
    select: { id: true, classId: true, familyId: true },
    where: { classId: In(classes.map((c) => c.id)), archived: false },
  });
  return students.map((s) => {
    const c = byId.get(s.classId)!;
    return { id: s.id, familyId: s.familyId, classId: c.id, className: c.name, grade: c.grade };
  });
}

export const studentIdByNumber = async (db: Repos, studentNumber: string): Promise<number | null> =>
  (await db.getRepository(Student).findOne({ select: { id: true }, where: { studentNumber, archived: false } }))?.id ??
  null;

export async function staffNameOf(db: Repos, id: number): Promise<string | null> {
  const staff = await db.getRepository(Staff).findOne({ select: { id: true, name: true }, where: { id } });
  return staff?.name ?? null;
}

/** For the proposer's demand: each child's number and family, and the service weekdays (1–5) of the term. */
export async function demandFacts(
  db: Repos,
  termId: number,
  ids: number[],
): Promise<{ people: Map<number, Pick<Student, "studentNumber" | "familyId">>; days: Map<number, number[]> }> {
  const people = new Map<number, Pick<Student, "studentNumber" | "familyId">>();
  const days = new Map<number, number[]>();
  // IN lists in chunks, as answersOfSurvey: PostgreSQL's parameter limit.
  for (let i = 0; i < ids.length; i += 5000) {
    const chunk = ids.slice(i, i + 5000);
    for (const s of await db.getRepository(Student).find({
      select: { id: true, studentNumber: true, familyId: true },
      where: { id: In(chunk) },
    }))
      people.set(s.id, s);
    for (const e of await db.getRepository(ServiceEnrollment).find({ where: { termId, studentId: In(chunk) } }))
      days.set(
        e.studentId,
        e.weekdays.filter((d) => Number.isInteger(d) && d >= 1 && d <= 5),
      );
  }
  return { people, days };
}
