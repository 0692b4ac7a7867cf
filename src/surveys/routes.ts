// Routes of the surveys (registered in src/routes.ts): the admin's surveys and
// the families' survey pages. A survey's results are a report (src/reports).
import { Router } from "express";
import type { DataSource } from "typeorm";
import { surveyAdminRoutes } from "./admin-routes";
import { surveyFamilyRoutes } from "./family-routes";

export function surveyRoutes(ds: DataSource): Router {
  const router = Router();
  router.use(surveyAdminRoutes(ds), surveyFamilyRoutes(ds));
  return router;
}
