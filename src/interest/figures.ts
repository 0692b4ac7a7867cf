// The admin's figures for one survey: answered/expected by grade and class, and
// ticks per club (with "most wanted" and by grade) sorted by demand — the page's
// tables and the CSV are built from the same rows.
import type { EntityManager } from "typeorm";
import type { InterestSurvey } from "./entities";
import { clubCounts, progressOf, type ClubCount, type SurveyProgress } from "./core";
import { surveyClubs } from "./offer";
import { answersOfSurvey } from "./store/answers";
import { childrenOfGrades } from "./store/people";

type Repos = Pick<EntityManager, "getRepository">;

export interface SurveyFigures {
  progress: SurveyProgress;
  counts: ClubCount[];
  answers: number;
}

export async function surveyFigures(em: Repos, survey: InterestSurvey): Promise<SurveyFigures> {
  const [children, answers, clubs] = [
    await childrenOfGrades(em, survey.grades),
    await answersOfSurvey(em, survey.id),
    await surveyClubs(em, survey),
  ];
  return {
    progress: progressOf(children, new Set(answers.map((a) => a.studentId))),
    counts: clubCounts(clubs, survey.grades, answers),
    answers: answers.length,
  };
}
