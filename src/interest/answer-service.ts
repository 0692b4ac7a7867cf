// Saving one child's answer, from the family online or from staff typing in a
// paper slip: one transaction that re-reads the survey (the deadline is checked
// at the moment of the write), applies the tick rules, upserts and audits.
import type { DataSource } from "typeorm";
import { inTransaction } from "../db";
import { Actor, recordAudit } from "../audit";
import type { FieldErrors } from "../http";
import { schoolNow } from "../kernel";
import { checkTicks, surveyState, type Ticks } from "./core";
import { surveyClubs } from "./offer";
import { putAnswer } from "./store/answers";
import { surveyById } from "./store/surveys";

export type AnswerSource = { kind: "family" } | { kind: "staff"; staffId: number };

export type SaveOutcome = { ok: true } | { ok: false; status: 400 | 404 | 409; errors: FieldErrors };

export async function saveAnswer(
  ds: DataSource,
  surveyId: number,
  child: { id: number; grade: number },
  ticks: Ticks,
  source: AnswerSource,
  actor: Actor,
): Promise<SaveOutcome> {
  return inTransaction(ds, async (em): Promise<SaveOutcome> => {
    const survey = await surveyById(em, surveyId);
    if (!survey || !survey.grades.includes(child.grade)) return { ok: false, status: 404, errors: {} };
    const at = schoolNow().toISOString();
    const state = surveyState(survey, at);
    if (state !== "open")
      return { ok: false, status: 409, errors: { _form: { key: `interest.family.refused.${state}` } } };
    const checked = checkTicks(ticks, {
      clubs: await surveyClubs(em, survey),
      maxTicks: survey.maxTicks,
      grade: child.grade,
    });
    if (!checked.ok) {
      const { field, key, params } = checked.objection;
      return { ok: false, status: 400, errors: { [field]: { key, params } } };
    }
    await putAnswer(
      em,
      survey.id,
      child.id,
      {
        ...checked.ticks,
        source: source.kind,
        enteredByStaffId: source.kind === "staff" ? source.staffId : null,
      },
      at,
    );
    await recordAudit(em, actor, {
      action: source.kind === "staff" ? "interest.answer.paper" : "interest.answer",
      entity: "student",
      entityId: child.id,
      details: { surveyId: survey.id, ...checked.ticks },
    });
    return { ok: true };
  });
}
