// The family's survey pages (/surveys): open questionnaires and the answer
// form, made for a phone. A family answers each survey once.
import { Router, Response } from "express";
import type { DataSource } from "typeorm";
import { actorOf } from "../audit";
import { familyUser, HttpError, idParam, scope, type FieldErrors, formBody } from "../http";
import type { Survey } from "./entities";
import { parseReply } from "./form";
import { findSurvey, submitReply, surveysForFamily } from "./service";
import { hasReplied } from "./store";

// Families never see drafts: a draft is the admin's work in progress.
async function visibleSurvey(ds: DataSource, id: number): Promise<Survey> {
  const survey = await findSurvey(ds, id);
  if (survey.state === "draft") throw new HttpError(404, "errors.notFound");
  return survey;
}

export function surveyFamilyRoutes(ds: DataSource): Router {
  const router = Router();
  const render = (
    res: Response,
    survey: Survey,
    replied: boolean,
    status = 200,
    errors: FieldErrors = {},
    form: Record<string, unknown> = {},
  ) => res.status(status).render("surveys/family-answer", { title: survey.title, survey, replied, errors, form });

  router.get("/surveys", scope.family("a family's own survey replies"), async (req, res) => {
    const surveys = await surveysForFamily(ds, familyUser(req).id);
    res.render("surveys/family-list", { title: res.locals.t("survey.family.title"), surveys });
  });

  router.get("/surveys/:id", scope.family("a family's own survey replies"), async (req, res) => {
    const survey = await visibleSurvey(ds, idParam(req.params.id));
    render(res, survey, await hasReplied(ds, survey.id, familyUser(req).id));
  });

  router.post("/surveys/:id", scope.family("a family's own survey replies"), async (req, res) => {
    const family = familyUser(req);
    const survey = await visibleSurvey(ds, idParam(req.params.id));
    if (await hasReplied(ds, survey.id, family.id)) return render(res, survey, true, 409);
    if (survey.state !== "open") return render(res, survey, false, 409);
    const { answers, errors } = parseReply(survey.questions, formBody(req));
    if (Object.keys(errors).length > 0) return render(res, survey, false, 400, errors, formBody(req));
    await submitReply(ds, survey, family.id, answers, actorOf(req.session.user));
    req.session.flash = { kind: "ok", key: "survey.family.thanks" };
    res.redirect(303, `/surveys/${survey.id}`);
  });

  return router;
}
