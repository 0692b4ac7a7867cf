// What the family's page and receipt show for one child and survey: the survey's
// state and deadline, the clubs open to the child's grade, and the saved answer.
import type { EntityManager } from "typeorm";
import type { OfferedClub } from "../choices";
import { formatLocal } from "../kernel";
import type { InterestSurvey } from "./entities";
import { clubsForGrade, surveyState, type SurveyState } from "./core";
import { surveyClubs } from "./offer";
import { answerOf } from "./store/answers";
import { staffNameOf } from "./store/people";

type Repos = Pick<EntityManager, "getRepository">;

export interface SavedAnswer {
  clubs: { id: number; name: string }[];
  mostWanted: { id: number; name: string } | null;
  submittedAt: string;
  updatedAt: string;
  source: "family" | "staff";
  staffName: string | null;
}

export interface FamilySurveyPage {
  survey: { id: number; name: string; state: SurveyState; closesAt: string; maxTicks: number };
  clubs: OfferedClub[];
  saved: SavedAnswer | null;
}

export async function familySurveyPage(
  em: Repos,
  survey: InterestSurvey,
  child: { id: number; grade: number },
  zone: string,
  now: string,
): Promise<FamilySurveyPage> {
  const clubs = clubsForGrade(await surveyClubs(em, survey), child.grade);
  const answer = await answerOf(em, survey.id, child.id);
  const name = new Map(clubs.map((c) => [c.id, c.name]));
  const named = (id: number) => ({ id, name: name.get(id) ?? `#${id}` });
  return {
    survey: {
      id: survey.id,
      name: survey.name,
      state: surveyState(survey, now),
      closesAt: formatLocal(survey.closesAt, zone),
      maxTicks: survey.maxTicks,
    },
    clubs,
    saved: answer && {
      clubs: answer.clubIds.map(named),
      mostWanted: answer.mostWantedClubId === null ? null : named(answer.mostWantedClubId),
      submittedAt: formatLocal(answer.submittedAt, zone),
      updatedAt: formatLocal(answer.updatedAt, zone),
      source: answer.source,
      staffName: answer.enteredByStaffId === null ? null : await staffNameOf(em, answer.enteredByStaffId),
    },
  };
}
