// Who has answered a round, by class (answered / children in the round's
// grades), and the "remind the rest" list: children without a preference,
// with the guardian and phone a class teacher calls or sends a paper form to.
import { type EntityManager, In } from "typeorm";
import { SchoolClass, Staff, Student } from "../../db";
import { ChoiceRound, Preference } from "../entities";

type Repos = Pick<EntityManager, "getRepository">;

export interface ClassProgress {
  classId: number;
  className: string;
  grade: number;
  teacherName: string | null;
  children: number;
  answered: number;
  optedOut: number;
}
export interface Progress {
  classes: ClassProgress[];
  totals: { children: number; answered: number; families: number; familiesAnswered: number };
}
export interface ReminderRow {
  studentId: number;
  name: string;
  studentNumber: string;
  guardianName: string;
  phone: string | null;
}
export interface ClassReminder {
  classId: number;
  className: string;
  teacherName: string | null;
  rows: ReminderRow[];
}

interface Roster {
  classes: SchoolClass[];
  teachers: Map<number, string>;
  students: Student[];
  answers: Map<number, number[]>;
}

// Classes of the round's grades (optionally only some, e.g. a class teacher's own), their children and answers.
async function roster(em: Repos, round: ChoiceRound, onlyClassIds?: number[]): Promise<Roster> {
  let classes = await em
    .getRepository(SchoolClass)
    .find({ where: { grade: In(round.grades), archived: false }, order: { grade: "ASC", name: "ASC", id: "ASC" } });
  if (onlyClassIds) classes = classes.filter((c) => onlyClassIds.includes(c.id));
  if (!classes.length) return { classes, teachers: new Map(), students: [], answers: new Map() };
  const teacherIds = classes.map((c) => c.classTeacherId).filter((id): id is number => id != null);
  const [teachers, students, prefs] = await Promise.all([
    teacherIds.length
      ? em.getRepository(Staff).find({ select: { id: true, name: true }, where: { id: In(teacherIds) } })
      : [],
    em.getRepository(Student).find({
      where: { classId: In(classes.map((c) => c.id)), archived: false },
      relations: { family: true },
      order: { studentNumber: "ASC" },
    }),
    em
      .getRepository(Preference)
      .find({ select: { id: true, studentId: true, clubIds: true }, where: { roundId: round.id } }),
  ]);
  return {
    classes,
    teachers: new Map(teachers.map((t) => [t.id, t.name])),
    students,
    answers: new Map(prefs.map((p) => [p.studentId, p.clubIds])),
  };
}

export async function roundProgress(em: Repos, round: ChoiceRound, onlyClassIds?: number[]): Promise<Progress> {
  const r = await roster(em, round, onlyClassIds);
  const classes = r.classes.map((c) => {
    const kids = r.students.filter((s) => s.classId === c.id);
    const answered = kids.filter((s) => r.answers.has(s.id));
    return {
      classId: c.id,
      className: c.name,
      grade: c.grade,
      teacherName: c.classTeacherId == null ? null : (r.teachers.get(c.classTeacherId) ?? null),
      children: kids.length,
      answered: answered.length,
      optedOut: answered.filter((s) => r.answers.get(s.id)!.length === 0).length,
    };
  });
  // A family has answered when every one of its children in the round has.
  const families = new Map<number, boolean>();
  for (const s of r.students) families.set(s.familyId, (families.get(s.familyId) ?? true) && r.answers.has(s.id));
  return {
    classes,
    totals: {
      children: r.students.length,
      answered: r.students.filter((s) => r.answers.has(s.id)).length,
      families: families.size,
      familiesAnswered: [...families.values()].filter(Boolean).length,
    },
  };
}

export async function reminderList(em: Repos, round: ChoiceRound, onlyClassIds?: number[]): Promise<ClassReminder[]> {
  const r = await roster(em, round, onlyClassIds);
  return r.classes.map((c) => ({
    classId: c.id,
    className: c.name,
    teacherName: c.classTeacherId == null ? null : (r.teachers.get(c.classTeacherId) ?? null),
    rows: r.students
      .filter((s) => s.classId === c.id && !r.answers.has(s.id))
      .map((s) => ({
        studentId: s.id,
        name: s.name,
        studentNumber: s.studentNumber,
        guardianName: s.family.guardianName,
        phone: s.family.phone,
      })),
  }));
}
