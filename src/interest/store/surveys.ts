// Interest surveys as stored: one survey, a term's surveys, a page of the list,
// the writes of the survey service (which holds the transaction), and the clubs a survey may offer.
import { type EntityManager, Not, IsNull } from "typeorm";
import { Club, Term } from "../../db";
import { InterestSurvey } from "../entities";

type Repos = Pick<EntityManager, "getRepository">;

export const surveyById = (db: Repos, id: number): Promise<InterestSurvey | null> =>
  db.getRepository(InterestSurvey).findOneBy({ id });

export const surveysOfTerm = (db: Repos, termId: number): Promise<InterestSurvey[]> =>
  db.getRepository(InterestSurvey).find({ where: { termId }, order: { id: "ASC" } });

/** The term's surveys that have been opened (open now or closed), the latest opened first. */
export const openedSurveysOfTerm = (db: Repos, termId: number): Promise<InterestSurvey[]> =>
  db
    .getRepository(InterestSurvey)
    .find({ where: { termId, opensAt: Not(IsNull()) }, order: { opensAt: "DESC", id: "DESC" } });

/** Every survey, newest first, a page at a time, with the total. */
export const surveysPage = (db: Repos, skip: number, take: number): Promise<[InterestSurvey[], number]> =>
  db.getRepository(InterestSurvey).findAndCount({ order: { id: "DESC" }, skip, take });

export async function insertSurvey(em: EntityManager, values: Partial<InterestSurvey>): Promise<InterestSurvey> {
  const repo = em.getRepository(InterestSurvey);
  return repo.save(repo.create(values));
}

export const saveSurvey = (em: EntityManager, survey: InterestSurvey): Promise<InterestSurvey> =>
  em.getRepository(InterestSurvey).save(survey);

export type SurveyClub = Pick<Club, "id" | "code" | "name" | "grades">;

/** The term's clubs that are not cancelled, by code: what a survey may offer (all of them by default). */
export const activeClubsOfTerm = (db: Repos, termId: number): Promise<SurveyClub[]> =>
  db.getRepository(Club).find({
    select: { id: true, code: true, name: true, grades: true },
    where: { termId, cancelled: false },
    order: { code: "ASC", id: "ASC" },
  });

/** The term's name, for the export's file name (null: the term is gone). */
export const termNameOf = async (db: Repos, id: number): Promise<string | null> =>
  (await db.getRepository(Term).findOne({ select: { id: true, name: true }, where: { id } }))?.name ?? null;
