// Routes of this capability (registered in src/routes.ts): the admin's runs,
// pins and publication; families' results and offers.
import { Router } from "express";
import type { DataSource } from "typeorm";
import { adminRunRoutes } from "./admin-run-routes";
import { adminRoundRoutes } from "./admin-round-routes";
import { familyRoutes } from "./family-routes";
import { whenLocal } from "./school-time";

const OWN_PATHS = ["/admin/runs", "/admin/rounds", "/results", "/offers"];

export function allocationRoutes(ds: DataSource): Router {
  const router = Router();
  router.use(OWN_PATHS, whenLocal(ds));
  router.use(adminRunRoutes(ds), adminRoundRoutes(ds), familyRoutes(ds));
  return router;
}
