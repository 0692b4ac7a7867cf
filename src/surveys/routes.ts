// Routes of this capability (registered in src/routes.ts): the report pages and
// exports, the admin's surveys, and the families' survey pages.
import { Router } from "express";
import type { DataSource } from "typeorm";
import { reportRoutes as reportPages } from "../reports/routes";
import { surveyAdminRoutes } from "./admin-routes";
import { surveyFamilyRoutes } from "./family-routes";

export function reportRoutes(ds: DataSource): Router {
  const router = Router();
  router.use(reportPages(ds), surveyAdminRoutes(ds), surveyFamilyRoutes(ds));
  return router;
}
