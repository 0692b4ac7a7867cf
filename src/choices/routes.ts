// Routes of this capability (registered in src/routes.ts): families' ranking
// form and receipt, admins' rounds, and staff-entered paper replies.
import { Router } from "express";
import type { DataSource } from "typeorm";
import { familyChoiceRoutes } from "./family-routes";
import { roundAdminRoutes } from "./round-routes";
import { paperReplyRoutes } from "./paper-routes";

export function choiceRoutes(ds: DataSource): Router {
  const router = Router();
  router.use(familyChoiceRoutes(ds));
  router.use(roundAdminRoutes(ds));
  router.use(paperReplyRoutes(ds));
  return router;
}
