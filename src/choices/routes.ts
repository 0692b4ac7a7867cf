// Routes of this capability (registered in src/routes.ts): families' ranking
// form and receipt, admins' rounds, and staff-entered paper replies.
import { Router } from "express";
import type { DataSource } from "typeorm";
import { familyChoiceRoutes } from "./family-routes";
import { roundAdminRoutes, type RoundSeatsOf } from "./round-routes";
import { paperReplyRoutes } from "./paper-routes";

/** `seatsOf`: a round's seats as the allocation counts them (the app hands it in, so choices does not import the allocation). */
export function choiceRoutes(ds: DataSource, seatsOf: RoundSeatsOf): Router {
  const router = Router();
  router.use(familyChoiceRoutes(ds));
  router.use(roundAdminRoutes(ds, seatsOf));
  router.use(paperReplyRoutes(ds));
  return router;
}
