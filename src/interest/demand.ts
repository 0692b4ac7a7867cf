// The interest survey as the proposer's demand (see index.ts for the contract).
import type { EntityManager } from "typeorm";
import { demandOrder } from "./core";
import { demandFacts } from "./store/people";
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
    const { people, days } = await demandFacts(
      db,
      termId,
      answers.map((a) => a.studentId),
    );
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
