// Answers as stored: one child's, a survey's (with each child's current class),
// a child's across surveys (the data export), and the one write, an upsert.
import { type EntityManager, In } from "typeorm";
import { SchoolClass, Student } from "../../db";
import { InterestAnswer } from "../entities";

type Repos = Pick<EntityManager, "getRepository">;

export const answerOf = (db: Repos, surveyId: number, studentId: number): Promise<InterestAnswer | null> =>
  db.getRepository(InterestAnswer).findOneBy({ surveyId, studentId });

export const answersOfStudent = (db: Repos, studentId: number): Promise<InterestAnswer[]> =>
  db.getRepository(InterestAnswer).find({ where: { studentId }, order: { id: "ASC" } });

export const answersOfStudents = (db: Repos, surveyId: number, studentIds: number[]): Promise<InterestAnswer[]> =>
  studentIds.length
    ? db.getRepository(InterestAnswer).find({ where: { surveyId, studentId: In(studentIds) } })
    : Promise.resolve([]);

export interface AnswerRow {
  studentId: number;
  grade: number;
  classId: number;
  clubIds: number[];
  mostWantedClubId: number | null;
}

/** A survey's answers of children still on the roll, with their current grade and class, by student id. */
export async function answersOfSurvey(db: Repos, surveyId: number): Promise<AnswerRow[]> {
  const answers = await db.getRepository(InterestAnswer).find({ where: { surveyId }, order: { studentId: "ASC" } });
  if (!answers.length) return [];
  const ids = answers.map((a) => a.studentId);
  const students: Pick<Student, "id" | "classId">[] = [];
  // IN lists in chunks: a whole school's answers would pass PostgreSQL's parameter limit in one.
  for (let i = 0; i < ids.length; i += 5000)
    students.push(
      ...(await db.getRepository(Student).find({
        select: { id: true, classId: true },
        where: { id: In(ids.slice(i, i + 5000)), archived: false },
      })),
    );
  const classes = new Map(
    (await db.getRepository(SchoolClass).find({ select: { id: true, grade: true } })).map((c) => [c.id, c.grade]),
  );
  const classOf = new Map(students.map((s) => [s.id, s.classId]));
  return answers.flatMap((a) => {
    const classId = classOf.get(a.studentId);
    const grade = classId === undefined ? undefined : classes.get(classId);
    return classId === undefined || grade === undefined
      ? []
      : [{ studentId: a.studentId, grade, classId, clubIds: a.clubIds, mostWantedClubId: a.mostWantedClubId }];
  });
}

/**
 * Saves a child's answer, keeping the first submission time. INSERT … ON CONFLICT
 * DO NOTHING (INSERT OR IGNORE on SQLite) then UPDATE: two parents saving at once
 * both succeed, the later one's ticks standing, instead of one failing on the unique index.
 */
export async function putAnswer(
  em: EntityManager,
  surveyId: number,
  studentId: number,
  values: Pick<InterestAnswer, "clubIds" | "mostWantedClubId" | "source" | "enteredByStaffId">,
  now: string,
): Promise<void> {
  await em
    .createQueryBuilder()
    .insert()
    .into(InterestAnswer)
    .values({ surveyId, studentId, ...values, submittedAt: now, updatedAt: now })
    .orIgnore()
    .execute();
  await em.getRepository(InterestAnswer).update({ surveyId, studentId }, { ...values, updatedAt: now });
}
