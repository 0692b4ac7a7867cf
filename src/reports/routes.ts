// The report pages (admin and the principal, who logs in as an admin):
// /admin/reports lists them; each is a page, a .csv and a .xlsx of the same tables.
// A survey's results (/admin/surveys/:id/results) are a report too.
import { Router, Request } from "express";
import type { DataSource } from "typeorm";
import type { TFunction } from "i18next";
import { idParam, scope } from "../http";
import { findSurvey } from "../surveys";
import { participationView } from "./participation-page";
import { teachersView } from "./teachers-page";
import { clubsView } from "./clubs-page";
import { complianceView } from "./compliance-page";
import { weeklyView } from "./weekly-page";
import { surveyResultsView, surveysOverview } from "./survey-page";
import { type FileStamp, ReportView, sendReport } from "./report-view";
import { currentTerm } from "../db";
import { schoolToday } from "../kernel";

type Builder = (ds: DataSource, req: Request, t: TFunction, locale: "zh-CN" | "en") => Promise<ReportView>;

export const REPORTS: Record<string, Builder> = {
  participation: participationView,
  teachers: teachersView,
  clubs: (ds, _req, t) => clubsView(ds, t),
  compliance: complianceView,
  survey: (ds, _req, t) => surveysOverview(ds, t),
  weekly: weeklyView,
};

export function reportRoutes(ds: DataSource): Router {
  const router = Router();
  // Export files are named after the current term and the school's today.
  const stamp = async (): Promise<FileStamp> => ({
    term: (await currentTerm(ds))?.name ?? null,
    date: await schoolToday(ds),
  });

  router.get("/admin/reports", scope.admin(), (_req, res) => {
    res.render("reports/index", { title: res.locals.t("reports.index.title"), reports: Object.keys(REPORTS) });
  });

  for (const [name, build] of Object.entries(REPORTS)) {
    router.get(`/admin/reports/${name}{.:format}`, scope.admin(), async (req, res) => {
      const view = await build(ds, req, res.locals.t, res.locals.locale);
      await sendReport(req, res, view, `/admin/reports/${name}`, await stamp());
    });
  }

  router.get("/admin/surveys/:id/results{.:format}", scope.admin(), async (req, res) => {
    const survey = await findSurvey(ds, idParam(req.params.id));
    await sendReport(
      req,
      res,
      await surveyResultsView(ds, req, res.locals.t, survey),
      `/admin/surveys/${survey.id}/results`,
      await stamp(),
    );
  });
  return router;
}
