// The clubs a survey offers, as the family form and the admin's pages show them:
// name, description, grades and the days of the published timetable when known
// (before a term's timetable exists there are none, and the form says so).
import type { EntityManager } from "typeorm";
import { loadClubOffer, type OfferedClub } from "../choices";
import type { InterestSurvey } from "./entities";

type Repos = Pick<EntityManager, "getRepository">;

/** The survey's clubs in its order; a club cancelled or deleted since is left out. */
export async function surveyClubs(em: Repos, survey: InterestSurvey): Promise<OfferedClub[]> {
  const offer = new Map((await loadClubOffer(em, survey.termId)).map((c) => [c.id, c]));
  return survey.clubIds.flatMap((id) => {
    const club = offer.get(id);
    return club && !club.cancelled ? [club] : [];
  });
}
