// Surveys: an admin builds a questionnaire while it is a draft, opens and
// closes it; each family replies once. The receipt (who replied) and the
// response (what was replied) are written together but never linked.
import type { DataSource } from "typeorm";
import { inTransaction } from "../db";
import { Actor, recordAudit } from "../audit";
import { schoolNow } from "../kernel";
import { HttpError } from "../http";
import {
  nextQuestionNumber,
  surveyResults,
  toSurveyQuestion,
  type NewQuestion,
  type SurveyInput,
  type SurveyResults,
} from "./core";
import type { Survey } from "./entities";
import {
  answersOf,
  deleteSurvey,
  insertReply,
  insertSurvey,
  latestAnsweredSurvey,
  openSurveys,
  repliedSurveyIds,
  surveyById,
  updateSurvey,
} from "./store";

const now = () => schoolNow().toISOString();

export async function findSurvey(ds: DataSource, id: number): Promise<Survey> {
  const survey = await surveyById(ds, id);
  if (!survey) throw new HttpError(404, "errors.notFound");
  return survey;
}

export async function createSurvey(
  ds: DataSource,
  input: { title: string; intro: string; first: NewQuestion | null },
  actor: Actor,
): Promise<Survey> {
  return inTransaction(ds, async (em) => {
    const at = now();
    const questions = input.first ? [toSurveyQuestion(input.first, 1)] : [];
    const survey = await insertSurvey(em, {
      title: input.title,
      intro: input.intro,
      state: "draft",
      questions,
      openedAt: null,
      closedAt: null,
      createdAt: at,
      updatedAt: at,
    });
    await recordAudit(em, actor, {
      action: "survey.create",
      entity: "survey",
      entityId: survey.id,
      details: { title: survey.title },
    });
    return survey;
  });
}

// Questions change only in a draft: once families answer, every reply must answer the same questions.
async function editDraft(
  ds: DataSource,
  id: number,
  actor: Actor,
  action: string,
  change: (s: Survey) => void,
  details: Record<string, unknown>,
): Promise<Survey> {
  return inTransaction(ds, async (em) => {
    const survey = await surveyById(em, id);
    if (!survey) throw new HttpError(404, "errors.notFound");
    if (survey.state !== "draft") throw new HttpError(409, "survey.errors.notDraft");
    change(survey);
    survey.updatedAt = now();
    await updateSurvey(em, survey);
    await recordAudit(em, actor, { action, entity: "survey", entityId: id, details });
    return survey;
  });
}

export function addQuestion(ds: DataSource, id: number, q: NewQuestion, actor: Actor): Promise<Survey> {
  return editDraft(
    ds,
    id,
    actor,
    "survey.question-add",
    (s) => {
      s.questions = [...s.questions, toSurveyQuestion(q, nextQuestionNumber(s.questions))];
    },
    { text: q.text, kind: q.kind },
  );
}

export function removeQuestion(ds: DataSource, id: number, questionId: string, actor: Actor): Promise<Survey> {
  return editDraft(
    ds,
    id,
    actor,
    "survey.question-remove",
    (s) => {
      if (!s.questions.some((q) => q.id === questionId)) throw new HttpError(404, "errors.notFound");
      s.questions = s.questions.filter((q) => q.id !== questionId);
    },
    { questionId },
  );
}

/** Opens (a draft with questions, or a closed survey again) or closes an open survey. */
export async function setSurveyState(ds: DataSource, id: number, to: "open" | "closed", actor: Actor): Promise<Survey> {
  return inTransaction(ds, async (em) => {
    const survey = await surveyById(em, id);
    if (!survey) throw new HttpError(404, "errors.notFound");
    if (to === "open" && survey.questions.length === 0) throw new HttpError(409, "survey.errors.noQuestions");
    if (survey.state === to) return survey;
    if (to === "closed" && survey.state !== "open") throw new HttpError(409, "survey.errors.notOpen");
    const at = now();
    survey.state = to;
    if (to === "open") survey.openedAt = survey.openedAt ?? at;
    else survey.closedAt = at;
    survey.updatedAt = at;
    await updateSurvey(em, survey);
    await recordAudit(em, actor, {
      action: `survey.${to === "open" ? "open" : "close"}`,
      entity: "survey",
      entityId: id,
    });
    return survey;
  });
}

/** Only a draft can be deleted: a survey families answered is a record. */
export async function deleteDraft(ds: DataSource, id: number, actor: Actor): Promise<Survey> {
  return inTransaction(ds, async (em) => {
    const survey = await surveyById(em, id);
    if (!survey) throw new HttpError(404, "errors.notFound");
    if (survey.state !== "draft") throw new HttpError(409, "survey.errors.notDraft");
    await deleteSurvey(em, id);
    await recordAudit(em, actor, {
      action: "survey.delete",
      entity: "survey",
      entityId: id,
      details: { title: survey.title },
    });
    return survey;
  });
}

export class AlreadyAnswered extends HttpError {
  constructor() {
    super(409, "survey.errors.alreadyAnswered");
  }
}

const isUniqueViolation = (err: unknown): boolean => {
  const e = err as { code?: string; driverError?: { code?: string } };
  const code = e?.driverError?.code ?? e?.code ?? "";
  return code === "23505" || code === "SQLITE_CONSTRAINT_UNIQUE";
};

/** One reply per family and survey; the unique receipt is what enforces it, even when two parents submit at once. */
export async function submitReply(
  ds: DataSource,
  survey: Survey,
  familyId: number,
  answers: Record<string, string>,
  actor: Actor,
): Promise<void> {
  if (survey.state !== "open") throw new HttpError(409, "survey.errors.notOpen");
  try {
    await inTransaction(ds, async (em) => {
      await insertReply(em, survey.id, familyId, answers, now());
      // The audit records that the family replied, never what it replied.
      await recordAudit(em, actor, { action: "survey.reply", entity: "survey", entityId: survey.id });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AlreadyAnswered();
    throw err;
  }
}

export async function resultsOf(ds: DataSource, survey: Survey): Promise<SurveyResults> {
  const answers = await answersOf(ds, survey.id);
  return surveyResults({ questions: survey.questions, replies: answers.map((a) => ({ answers: a })) });
}

/** The latest survey families have answered (open or closed), as the reports' input; null when there is none. */
export async function latestSurveyInput(ds: DataSource): Promise<{ survey: Survey; input: SurveyInput } | null> {
  const survey = await latestAnsweredSurvey(ds);
  if (!survey) return null;
  const answers = await answersOf(ds, survey.id);
  return { survey, input: { questions: survey.questions, replies: answers.map((a) => ({ answers: a })) } };
}

/** Open surveys with whether this family has replied (for the family's list and home page). */
export async function surveysForFamily(
  ds: DataSource,
  familyId: number,
): Promise<{ survey: Survey; replied: boolean }[]> {
  const open = await openSurveys(ds);
  const receipts = await repliedSurveyIds(ds, familyId);
  return open.map((survey) => ({ survey, replied: receipts.has(survey.id) }));
}

/** Open surveys this family has not answered yet (the family home page's partial). */
export async function surveysToAnswer(ds: DataSource, familyId: number): Promise<Survey[]> {
  return (await surveysForFamily(ds, familyId)).filter((s) => !s.replied).map((s) => s.survey);
}
