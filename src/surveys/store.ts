// The surveys' rows: questionnaires, receipts (THAT a family replied) and
// anonymous responses (WHAT was replied). Every function takes the handle
// (a DataSource or a transaction's EntityManager) first.
import type { DataSource, EntityManager } from "typeorm";
import { randomUUID } from "node:crypto";
import { Survey, SurveyReceipt, SurveyResponse } from "./entities";

type Db = DataSource | EntityManager;

export const surveyById = (db: Db, id: number): Promise<Survey | null> => db.getRepository(Survey).findOneBy({ id });

export const insertSurvey = (db: Db, row: Omit<Survey, "id">): Promise<Survey> => db.getRepository(Survey).save(row);

export const updateSurvey = (db: Db, survey: Survey): Promise<Survey> => db.getRepository(Survey).save(survey);

export async function deleteSurvey(db: Db, id: number): Promise<void> {
  await db.getRepository(Survey).delete({ id });
}

/** A page of every survey, newest first, and how many there are. */
export const surveyPage = (db: Db, skip: number, take: number): Promise<[Survey[], number]> =>
  db.getRepository(Survey).findAndCount({ order: { createdAt: "DESC", id: "DESC" }, skip, take });

/** Every survey, newest first (the report's overview). */
export const allSurveys = (db: Db): Promise<Survey[]> =>
  db.getRepository(Survey).find({ order: { createdAt: "DESC", id: "DESC" } });

/** Open surveys, the latest opened first. */
export const openSurveys = (db: Db): Promise<Survey[]> =>
  db.getRepository(Survey).find({ where: { state: "open" }, order: { openedAt: "DESC", id: "DESC" } });

/** The latest survey families have answered (open or closed). */
export const latestAnsweredSurvey = (db: Db): Promise<Survey | null> =>
  db
    .getRepository(Survey)
    .findOne({ where: [{ state: "open" }, { state: "closed" }], order: { openedAt: "DESC", id: "DESC" } });

export const replyCount = (db: Db, surveyId: number): Promise<number> =>
  db.getRepository(SurveyReceipt).countBy({ surveyId });

export const hasReplied = (db: Db, surveyId: number, familyId: number): Promise<boolean> =>
  db.getRepository(SurveyReceipt).existsBy({ surveyId, familyId });

/** The ids of the surveys this family has replied to. */
export async function repliedSurveyIds(db: Db, familyId: number): Promise<Set<number>> {
  return new Set(
    (await db.getRepository(SurveyReceipt).find({ where: { familyId }, select: { surveyId: true } })).map(
      (r) => r.surveyId,
    ),
  );
}

/** The answers of every reply to a survey (no family, no time, no order). */
export async function answersOf(db: Db, surveyId: number): Promise<Record<string, string>[]> {
  return (await db.getRepository(SurveyResponse).find({ where: { surveyId }, select: { answers: true } })).map(
    (r) => r.answers,
  );
}

/** The receipt and the response, written together but never linked: the response gets a random id. */
export async function insertReply(
  db: Db,
  surveyId: number,
  familyId: number,
  answers: Record<string, string>,
  at: string,
): Promise<void> {
  await db.getRepository(SurveyReceipt).insert({ surveyId, familyId, submittedAt: at });
  await db.getRepository(SurveyResponse).insert({ id: randomUUID(), surveyId, answers });
}
