// Routes of this capability (registered in src/routes.ts): families' ranking
// form and receipt, admins' rounds, and staff-entered paper replies.
import { Router } from "express";
import type { DataSource } from "typeorm";
import { familyChoiceRoutes } from "./family-routes";
import { roundAdminRoutes, type RoundSeatsOf } from "./round-routes";
import { paperReplyRoutes } from "./paper-routes";
import type { RoundPublishedOf } from "./family-card";

/**
 * `seatsOf`: a round's seats as the allocation counts them; `publishedOf`: whether a round's
 * results are out (the app hands both in, so choices does not import the allocation).
 */
export function choiceRoutes(ds: DataSource, seatsOf: RoundSeatsOf, publishedOf: RoundPublishedOf): Router {
  const router = Router();
  router.use(familyChoiceRoutes(ds, publishedOf));
  router.use(roundAdminRoutes(ds, seatsOf));
  router.use(paperReplyRoutes(ds));
  return router;
}
