// The interest survey as the proposer's demand (see index.ts for the contract).
import { type EntityManager, In } from "typeorm";
import { ServiceEnrollment, Student } from "../db";
import { demandOrder } from "./core";
import { answersOfSurvey } from "./store/answers";
import { openedSurveysOfTerm } from "./store/surveys";

type Repos = Pick<EntityManager, "getRepository">;

export interface InterestDemand {
  surveyId: number;
  students: {
    studentId: number;
    studentNumber: string;
    familyId: number;
    grade: number;
    /** The weekdays (1–5) the child stays for the service this term; empty when not enrolled. */
    weekdays: number[];
    clubIds: number[];
  }[];
}

export async function interestDemand(db: Repos, termId: number): Promise<InterestDemand | null> {
  // Latest opened first: the newest survey with answers speaks for the term.
  for (const survey of await openedSurveysOfTerm(db, termId)) {
    const answers = await answersOfSurvey(db, survey.id);
    if (!answers.length) continue;
    const ids = answers.map((a) => a.studentId);
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
    return {
      surveyId: survey.id,
      students: answers.flatMap((a) => {
        const person = people.get(a.studentId);
        if (!person) return [];
        return [
          {
            studentId: a.studentId,
            studentNumber: person.studentNumber,
            familyId: person.familyId,
            grade: a.grade,
            weekdays: days.get(a.studentId) ?? [],
            clubIds: demandOrder(a),
          },
        ];
      }),
    };
  }
  return null;
}
