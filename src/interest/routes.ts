// Routes of the interest survey (registered in src/routes.ts): the family's
// form and receipt, the admin's surveys, and paper answers typed in by staff.
import { Router } from "express";
import type { DataSource } from "typeorm";
import { familyInterestRoutes } from "./family-routes";
import { interestAdminRoutes } from "./admin-routes";
import { interestPaperRoutes } from "./paper-routes";

export function interestRoutes(ds: DataSource): Router {
  const router = Router();
  router.use(familyInterestRoutes(ds));
  router.use(interestPaperRoutes(ds));
  router.use(interestAdminRoutes(ds));
  return router;
}
