// The people a survey reaches: children on the roll in its grades (progress and
// notices), a child by the student number on a paper slip, a staff member's name.
import { type EntityManager, In } from "typeorm";
import { SchoolClass, Staff, Student } from "../../db";
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
