// Creating, editing (while a draft), opening and closing an interest survey;
// each change audit-logged in the same transaction. Opening tells the families
// with a child in its grades (notice "interest.opened") in that transaction too.
import type { DataSource, EntityManager } from "typeorm";
import { currentTerm, inTransaction } from "../db";
import { Actor, recordAudit } from "../audit";
import { HttpError, fieldError } from "../http";
import { notifyMany } from "../notifications";
import { formatStored, schoolNow, schoolZone } from "../kernel";
import type { InterestSurvey } from "./entities";
import type { SurveyFormData } from "./survey-form";
import { openOverlap, surveyState } from "./core";
import { activeClubsOfTerm, insertSurvey, saveSurvey, surveyById, surveysOfTerm } from "./store/surveys";
import { childrenOfGrades } from "./store/people";

const now = (): string => schoolNow().toISOString();

// The clubs offered: the ticked ones in the term's order, or every active club when none is ticked.
async function offeredClubs(em: EntityManager, termId: number, data: SurveyFormData): Promise<number[]> {
  const active = await activeClubsOfTerm(em, termId);
  if (!active.length) throw fieldError("clubIds", "interest.validation.noClubs");
  if (!data.clubIds.length) return active.map((c) => c.id);
  if (!data.clubIds.every((id) => active.some((c) => c.id === id)))
    throw fieldError("clubIds", "interest.validation.clubIds");
  return active.filter((c) => data.clubIds.includes(c.id)).map((c) => c.id);
}

function checkDeadline(closesAt: string, at: string): void {
  if (closesAt <= at) throw fieldError("closesAt", "interest.validation.deadlinePast");
}

export async function createSurvey(ds: DataSource, data: SurveyFormData, actor: Actor): Promise<InterestSurvey> {
  return inTransaction(ds, async (em) => {
    const term = await currentTerm(em);
    if (!term) throw new HttpError(409, "interest.admin.noTerm");
    const at = now();
    checkDeadline(data.closesAt, at);
    const clubIds = await offeredClubs(em, term.id, data);
    const survey = await insertSurvey(em, {
      termId: term.id,
      name: data.name,
      grades: data.grades,
      clubIds,
      maxTicks: data.maxTicks,
      opensAt: null,
      closesAt: data.closesAt,
      createdAt: at,
      updatedAt: at,
    });
    await recordAudit(em, actor, {
      action: "interest.create",
      entity: "interest_survey",
      entityId: survey.id,
      details: { ...data, clubIds },
    });
    return survey;
  });
}

/** Edits a draft; an opened survey keeps what families have seen (409). Null: no such survey. */
export async function updateSurvey(
  ds: DataSource,
  id: number,
  data: SurveyFormData,
  actor: Actor,
): Promise<InterestSurvey | null> {
  return inTransaction(ds, async (em) => {
    const survey = await surveyById(em, id);
    if (!survey) return null;
    const at = now();
    if (surveyState(survey, at) !== "draft") throw new HttpError(409, "interest.admin.notDraft");
    checkDeadline(data.closesAt, at);
    const clubIds = await offeredClubs(em, survey.termId, data);
    const before = { name: survey.name, grades: survey.grades, clubIds: survey.clubIds, maxTicks: survey.maxTicks };
    Object.assign(survey, { ...data, clubIds, updatedAt: at });
    await saveSurvey(em, survey);
    await recordAudit(em, actor, {
      action: "interest.update",
      entity: "interest_survey",
      entityId: id,
      details: { before, after: { ...data, clubIds } },
    });
    return survey;
  });
}

/** Opens a draft now and tells its families; returns how many families were told. */
export async function openSurvey(ds: DataSource, id: number, actor: Actor): Promise<number> {
  return inTransaction(ds, async (em) => {
    const survey = await surveyById(em, id);
    if (!survey) throw new HttpError(404, "errors.notFound");
    const at = now();
    if (surveyState(survey, at) !== "draft") throw new HttpError(409, "interest.admin.notDraft");
    if (survey.closesAt <= at) throw new HttpError(409, "interest.admin.deadlinePast");
    const other = openOverlap(survey, await surveysOfTerm(em, survey.termId), at);
    if (other) throw new HttpError(409, "interest.admin.overlap", { name: other.name });
    survey.opensAt = at;
    survey.updatedAt = at;
    await saveSurvey(em, survey);
    const families = [...new Set((await childrenOfGrades(em, survey.grades)).map((c) => c.familyId))].sort(
      (a, b) => a - b,
    );
    const deadline = formatStored(survey.closesAt, await schoolZone(em));
    await notifyMany(
      em,
      families.map((familyId) => ({
        familyId,
        kind: "interest.opened",
        payload: { survey: survey.name, deadline, link: "/interest" },
      })),
      at,
    );
    await recordAudit(em, actor, {
      action: "interest.open",
      entity: "interest_survey",
      entityId: id,
      details: { closesAt: survey.closesAt, families: families.length },
    });
    return families.length;
  });
}

// Closing early moves the deadline to now: from then on the server refuses family posts.
export async function closeSurvey(ds: DataSource, id: number, actor: Actor): Promise<InterestSurvey> {
  return inTransaction(ds, async (em) => {
    const survey = await surveyById(em, id);
    if (!survey) throw new HttpError(404, "errors.notFound");
    const at = now();
    if (surveyState(survey, at) !== "open") throw new HttpError(409, "interest.admin.notOpen");
    const was = survey.closesAt;
    survey.closesAt = at;
    survey.updatedAt = at;
    await saveSurvey(em, survey);
    await recordAudit(em, actor, {
      action: "interest.close",
      entity: "interest_survey",
      entityId: id,
      details: { plannedClosesAt: was, closedAt: at },
    });
    return survey;
  });
}
