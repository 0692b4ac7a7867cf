// Which round a child is in, and whose child it is. Families only ever reach
// their own children: every family route resolves the child through here.
import type { EntityManager } from "typeorm";
import { SchoolClass, Student, keptRead, currentTerm } from "../../db";
import { ChoiceRound } from "../entities";
import { roundState } from "../core";

type Repos = Pick<EntityManager, "getRepository">;

export interface Child {
  id: number;
  name: string;
  studentNumber: string;
  familyId: number;
  classId: number;
  className: string;
  grade: number;
}

function childOf(s: Student & { schoolClass: SchoolClass }): Child {
  return {
    id: s.id,
    name: s.name,
    studentNumber: s.studentNumber,
    familyId: s.familyId,
    classId: s.classId,
    className: s.schoolClass.name,
    grade: s.schoolClass.grade,
  };
}

export async function findChild(em: Repos, studentId: number): Promise<Child | null> {
  // find, not findOne: with a relation, findOne's LIMIT costs a second
  // (DISTINCT) query, and the primary key gives at most one row anyway.
  const [s] = await em
    .getRepository(Student)
    .find({ where: { id: studentId, archived: false }, relations: { schoolClass: true } });
  return s ? childOf(s) : null;
}

/** The child only if it belongs to this family (else null: the route answers 404). */
export async function familyChild(em: Repos, familyId: number, studentId: number): Promise<Child | null> {
  const child = await findChild(em, studentId);
  return child && child.familyId === familyId ? child : null;
}

export async function familyChildren(em: Repos, familyId: number): Promise<Child[]> {
  const rows = await em
    .getRepository(Student)
    .find({ where: { familyId, archived: false }, relations: { schoolClass: true }, order: { id: "ASC" } });
  return rows.map(childOf);
}

export { currentTerm };

// Rounds of the current term for a grade, newest first.
export async function roundsForGrade(em: Repos, grade: number): Promise<ChoiceRound[]> {
  const term = await currentTerm(em);
  if (!term) return [];
  const rounds = await keptRead(em, `rounds|${term.id}`, () =>
    em.getRepository(ChoiceRound).find({ where: { termId: term.id }, order: { opensAt: "DESC", id: "DESC" } }),
  );
  return rounds.filter((r) => r.grades.includes(grade));
}

/** The round a child's family should answer now (open), else the next one to open, else the latest closed one. */
export async function roundForChild(em: Repos, grade: number, now: string): Promise<ChoiceRound | null> {
  const rounds = await roundsForGrade(em, grade);
  const open = rounds.filter((r) => roundState(r, now) === "open").sort((a, b) => a.closesAt.localeCompare(b.closesAt));
  if (open.length) return open[0];
  const upcoming = rounds
    .filter((r) => roundState(r, now) === "upcoming")
    .sort((a, b) => a.opensAt.localeCompare(b.opensAt));
  return upcoming[0] ?? rounds[0] ?? null;
}
