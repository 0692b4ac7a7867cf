// The admin's survey pages under /admin/surveys: list, create, add and remove
// questions (draft only), open, close, delete a draft. The results page is a
// report (src/reports/routes.ts: /admin/surveys/:id/results).
import { Router, Response } from "express";
import type { DataSource } from "typeorm";
import { actorOf } from "../audit";
import { fieldErrors, HttpError, idParam, pageCount, pageOf, scope, type FieldErrors, formBody } from "../http";
import type { Survey } from "./entities";
import { parseQuestion, presetQuestion, surveyForm } from "./form";
import { addQuestion, createSurvey, deleteDraft, findSurvey, removeQuestion, setSurveyState } from "./service";
import { replyCount, surveyPage } from "./store";

export function surveyAdminRoutes(ds: DataSource): Router {
  const router = Router();
  const replies = (id: number) => replyCount(ds, id);
  const renderEdit = async (
    res: Response,
    survey: Survey,
    status = 200,
    errors: FieldErrors = {},
    form: Record<string, unknown> = { kind: "single" },
  ) =>
    res
      .status(status)
      .render("surveys/admin-edit", { title: survey.title, survey, replies: await replies(survey.id), errors, form });

  router.get("/admin/surveys", scope.admin(), async (req, res) => {
    const page = pageOf(req.query);
    const [surveys, total] = await surveyPage(ds, page.skip, page.size);
    const counts = await Promise.all(surveys.map((s) => replies(s.id)));
    res.render("surveys/admin-list", {
      title: res.locals.t("survey.admin.title"),
      surveys,
      counts,
      total,
      page: page.page,
      pages: pageCount(total, page.size),
    });
  });

  router.get("/admin/surveys/new", scope.admin(), (_req, res) => {
    res.render("surveys/admin-new", {
      title: res.locals.t("survey.admin.new"),
      form: { template: "standard" },
      errors: {},
    });
  });

  router.post("/admin/surveys", scope.admin(), async (req, res) => {
    const parsed = surveyForm.safeParse(formBody(req));
    if (!parsed.success)
      return res.status(400).render("surveys/admin-new", {
        title: res.locals.t("survey.admin.new"),
        form: formBody(req),
        errors: fieldErrors(parsed.error),
      });
    const { title, intro, template } = parsed.data;
    const survey = await createSurvey(
      ds,
      { title, intro, first: template === "standard" ? presetQuestion(res.locals.t) : null },
      actorOf(req.session.user),
    );
    res.redirect(303, `/admin/surveys/${survey.id}`);
  });

  router.get("/admin/surveys/:id", scope.admin(), async (req, res) => {
    await renderEdit(res, await findSurvey(ds, idParam(req.params.id)));
  });

  router.post("/admin/surveys/:id/questions", scope.admin(), async (req, res) => {
    const survey = await findSurvey(ds, idParam(req.params.id));
    const { question, errors } = parseQuestion(formBody(req));
    if (!question) return renderEdit(res, survey, 400, errors, formBody(req));
    await addQuestion(ds, survey.id, question, actorOf(req.session.user));
    res.redirect(303, `/admin/surveys/${survey.id}#questions`);
  });

  // The standard satisfaction question in the admin's language: 满意 / 基本满意 / 不满意, the first two counting as satisfied.
  router.post("/admin/surveys/:id/questions/preset", scope.admin(), async (req, res) => {
    const id = idParam(req.params.id);
    await addQuestion(ds, id, presetQuestion(res.locals.t), actorOf(req.session.user));
    res.redirect(303, `/admin/surveys/${id}#questions`);
  });

  router.post("/admin/surveys/:id/questions/:qid/delete", scope.admin(), async (req, res) => {
    const qid = typeof req.params.qid === "string" && /^q\d{1,4}$/.test(req.params.qid) ? req.params.qid : null;
    if (!qid) throw new HttpError(404, "errors.notFound");
    const survey = await removeQuestion(ds, idParam(req.params.id), qid, actorOf(req.session.user));
    res.redirect(303, `/admin/surveys/${survey.id}#questions`);
  });

  for (const to of ["open", "closed"] as const) {
    router.post(`/admin/surveys/:id/${to === "open" ? "open" : "close"}`, scope.admin(), async (req, res) => {
      const survey = await setSurveyState(ds, idParam(req.params.id), to, actorOf(req.session.user));
      req.session.flash = {
        kind: "ok",
        key: to === "open" ? "survey.admin.opened" : "survey.admin.closed",
        params: { title: survey.title },
      };
      res.redirect(303, `/admin/surveys/${survey.id}`);
    });
  }

  router.post("/admin/surveys/:id/delete", scope.admin(), async (req, res) => {
    const survey = await deleteDraft(ds, idParam(req.params.id), actorOf(req.session.user));
    req.session.flash = { kind: "ok", key: "survey.admin.deleted", params: { title: survey.title } };
    res.redirect(303, "/admin/surveys");
  });

  return router;
}
