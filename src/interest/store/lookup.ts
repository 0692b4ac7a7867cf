// Which survey a family sees for a child: of the current term, opened (never a
// draft), for the child's grade — the open one closing first, else the latest closed.
import type { EntityManager } from "typeorm";
import { currentTerm } from "../../db";
import type { InterestSurvey } from "../entities";
import { surveyState } from "../core";
import { openedSurveysOfTerm } from "./surveys";

type Repos = Pick<EntityManager, "getRepository">;

export async function surveyForGrade(db: Repos, grade: number, now: string): Promise<InterestSurvey | null> {
  const term = await currentTerm(db);
  if (!term) return null;
  const surveys = (await openedSurveysOfTerm(db, term.id)).filter((s) => s.grades.includes(grade));
  const open = surveys
    .filter((s) => surveyState(s, now) === "open")
    .sort((a, b) => a.closesAt.localeCompare(b.closesAt));
  return open[0] ?? surveys[0] ?? null;
}
