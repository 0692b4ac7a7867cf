// Admin: interest surveys — list, create and edit (while a draft), open (tells
// the families), close early (asks first), progress by grade and class, counts
// per club, and the counts as CSV.
import { Router, Request, Response } from "express";
import type { DataSource } from "typeorm";
import {
  asDownload,
  downloadName,
  HttpError,
  idParam,
  pageCount,
  pageOf,
  scope,
  submit,
  type FieldErrors,
} from "../http";
import { actorOf } from "../audit";
import { currentTerm } from "../db";
import { formatLocal, schoolNow, schoolToday, schoolZone, toLocalInput } from "../kernel";
import { toCsv } from "../reports/core";
import type { InterestSurvey } from "./entities";
import { surveyState } from "./core";
import { surveyForm } from "./survey-form";
import { closeSurvey, createSurvey, openSurvey, updateSurvey } from "./survey-service";
import { surveyFigures } from "./figures";
import { countsTable } from "./counts-table";
import { activeClubsOfTerm, surveyById, surveysPage, termNameOf } from "./store/surveys";

const admin = () => scope.admin("interest surveys: the clubs children would like, before the timetable");

export function interestAdminRoutes(ds: DataSource): Router {
  const router = Router();

  async function surveyOr404(id: unknown): Promise<InterestSurvey> {
    const survey = await surveyById(ds, idParam(id));
    if (!survey) throw new HttpError(404, "errors.notFound");
    return survey;
  }

  async function defaults(t: (key: string) => string): Promise<Record<string, unknown>> {
    const zone = await schoolZone(ds.manager);
    const term = await currentTerm(ds.manager);
    const inTwoWeeks = new Date(schoolNow().getTime() + 14 * 86_400_000).toISOString();
    return {
      name: term ? `${term.name} · ${t("interest.admin.defaultName")}` : t("interest.admin.defaultName"),
      grades: [1, 2, 3, 4, 5, 6],
      clubIds: [],
      maxTicks: 5,
      closesAt: toLocalInput(inTwoWeeks, zone).slice(0, 11) + "18:00",
    };
  }

  async function renderForm(
    res: Response,
    survey: InterestSurvey | null,
    form: Record<string, unknown>,
    errors: FieldErrors,
    status = 200,
  ) {
    const term = survey ? { id: survey.termId } : await currentTerm(ds.manager);
    res.status(status).render("interest/admin-form", {
      title: res.locals.t(survey ? "interest.admin.edit" : "interest.admin.new"),
      survey,
      form,
      errors,
      clubs: term ? await activeClubsOfTerm(ds, term.id) : [],
      noTerm: !term,
    });
  }

  async function save(req: Request, res: Response, survey: InterestSurvey | null) {
    const body = (req.body ?? {}) as Record<string, unknown>;
    let saved: InterestSurvey | null = null;
    const ok = await submit(
      surveyForm(await schoolZone(ds.manager)),
      body,
      async (data) => {
        const actor = actorOf(req.session.user);
        saved = survey ? await updateSurvey(ds, survey.id, data, actor) : await createSurvey(ds, data, actor);
        if (!saved) throw new HttpError(404, "errors.notFound");
      },
      (errors) => renderForm(res, survey, body, errors, 400),
    );
    if (!ok || !saved) return;
    const done: InterestSurvey = saved;
    req.session.flash = {
      kind: "ok",
      key: survey ? "interest.admin.updated" : "interest.admin.created",
      params: { name: done.name },
    };
    res.redirect(`/admin/interest/${done.id}`);
  }

  router.get("/admin/interest", admin(), async (req, res) => {
    const page = pageOf(req.query, 20);
    const [surveys, total] = await surveysPage(ds, page.skip, page.size);
    const zone = await schoolZone(ds.manager);
    const now = schoolNow().toISOString();
    res.render("interest/admin-list", {
      title: res.locals.t("interest.admin.title"),
      surveys: surveys.map((s) => ({
        ...s,
        state: surveyState(s, now),
        opensLocal: s.opensAt ? formatLocal(s.opensAt, zone) : null,
        closesLocal: formatLocal(s.closesAt, zone),
      })),
      page: page.page,
      pages: pageCount(total, page.size),
      total,
    });
  });

  router.get("/admin/interest/new", admin(), async (_req, res) =>
    renderForm(res, null, await defaults(res.locals.t), {}),
  );
  router.post("/admin/interest", admin(), (req, res) => save(req, res, null));

  router.get("/admin/interest/:id", admin(), async (req, res) => {
    const survey = await surveyOr404(req.params.id);
    const zone = await schoolZone(ds.manager);
    res.render("interest/admin-show", {
      title: survey.name,
      survey,
      state: surveyState(survey, schoolNow().toISOString()),
      opensLocal: survey.opensAt ? formatLocal(survey.opensAt, zone) : null,
      closesLocal: formatLocal(survey.closesAt, zone),
      figures: await surveyFigures(ds.manager, survey),
      errors: {},
    });
  });

  router.get("/admin/interest/:id/edit", admin(), async (req, res) => {
    const survey = await surveyOr404(req.params.id);
    if (surveyState(survey, schoolNow().toISOString()) !== "draft") throw new HttpError(409, "interest.admin.notDraft");
    const zone = await schoolZone(ds.manager);
    await renderForm(res, survey, { ...survey, closesAt: toLocalInput(survey.closesAt, zone) }, {});
  });
  router.post("/admin/interest/:id", admin(), async (req, res) => save(req, res, await surveyOr404(req.params.id)));

  router.post("/admin/interest/:id/open", admin(), async (req, res) => {
    const survey = await surveyOr404(req.params.id);
    const families = await openSurvey(ds, survey.id, actorOf(req.session.user));
    req.session.flash = { kind: "ok", key: "interest.admin.opened", params: { name: survey.name, count: families } };
    res.redirect(`/admin/interest/${survey.id}`);
  });

  // Closing early cannot be undone, so it asks first (a page, not only a JS confirm).
  async function renderClose(res: Response, survey: InterestSurvey, status = 200, errors: FieldErrors = {}) {
    const figures = await surveyFigures(ds.manager, survey);
    res.status(status).render("interest/admin-close", {
      title: res.locals.t("interest.admin.closeTitle"),
      survey,
      totals: figures.progress.totals,
      errors,
    });
  }
  router.get("/admin/interest/:id/close", admin(), async (req, res) =>
    renderClose(res, await surveyOr404(req.params.id)),
  );
  router.post("/admin/interest/:id/close", admin(), async (req, res) => {
    const survey = await surveyOr404(req.params.id);
    if ((req.body as Record<string, unknown> | undefined)?.confirm !== "1")
      return renderClose(res, survey, 400, { confirm: { key: "interest.validation.confirmClose" } });
    await closeSurvey(ds, survey.id, actorOf(req.session.user));
    req.session.flash = { kind: "ok", key: "interest.admin.closed", params: { name: survey.name } };
    res.redirect(`/admin/interest/${survey.id}`);
  });

  router.get("/admin/interest/:id/counts.csv", admin(), async (req, res) => {
    const survey = await surveyOr404(req.params.id);
    const figures = await surveyFigures(ds.manager, survey);
    const name = downloadName(["kehou", "interest", await termNameOf(ds, survey.termId), await schoolToday(ds)], "csv");
    asDownload(res, name).type("text/csv; charset=utf-8");
    res.send(toCsv(countsTable(figures.counts, survey.grades, survey.name, res.locals.t)));
  });

  return router;
}
