// The interest survey as the proposer's demand (see index.ts for the contract).
import type { EntityManager } from "typeorm";
import { demandOrder } from "./core";
import { answersOfSurvey } from "./store/answers";
import { openedSurveysOfTerm } from "./store/surveys";

type Repos = Pick<EntityManager, "getRepository">;

export interface InterestDemand {
  surveyId: number;
  students: { studentId: number; grade: number; clubIds: number[] }[];
}

export async function interestDemand(db: Repos, termId: number): Promise<InterestDemand | null> {
  // Latest opened first: the newest survey with answers speaks for the term.
  for (const survey of await openedSurveysOfTerm(db, termId)) {
    const answers = await answersOfSurvey(db, survey.id);
    if (!answers.length) continue;
    return {
      surveyId: survey.id,
      students: answers.map((a) => ({ studentId: a.studentId, grade: a.grade, clubIds: demandOrder(a) })),
    };
  }
  return null;
}
