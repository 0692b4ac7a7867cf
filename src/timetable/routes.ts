// Routes of this capability (registered in src/routes.ts): the admin's draft
// grid, entry forms and publishing, placing a club, per-date changes (cancel, cover); the
// published timetable for everyone else.
import { Router } from "express";
import type { DataSource } from "typeorm";
import { entryRoutes } from "./entry-routes";
import { gridRoutes } from "./grid-routes";
import { publishedRoutes } from "./published-routes";
import type { LeaveOfChild } from "./family-week-page";
import { dateChangeRoutes } from "./date-changes-routes";
import { placeRoutes } from "./place-routes";

export function timetableRoutes(ds: DataSource, leaveOf?: LeaveOfChild): Router {
  const router = Router();
  router.use(gridRoutes(ds), entryRoutes(ds), publishedRoutes(ds, leaveOf), dateChangeRoutes(ds), placeRoutes(ds));
  return router;
}
