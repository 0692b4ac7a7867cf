// Routes of this capability (registered in src/routes.ts): the school-year
// set-up pages — term and calendar, periods and daily sport, venues, staff
// details, classes, families and students, service enrollment, family access
// codes, and spreadsheet imports. Each area keeps its own router file.
import { Router } from "express";
import type { DataSource } from "typeorm";
import { termRoutes } from "./term-routes";
import { nextTermRoutes } from "./next-term-routes";
import { structureRoutes } from "./structure-routes";
import { venueRoutes } from "./venue-routes";
import { staffDetailsRoutes } from "./staff-details-routes";
import { classRoutes } from "./class-routes";
import { familyRoutes } from "./family-routes";
import { enrollmentRoutes } from "./enrollment-routes";
import { codesRoutes } from "./codes-routes";
import { importRoutes } from "./import-routes";

export function schoolSetupRoutes(ds: DataSource): Router {
  const router = Router();
  for (const make of [
    termRoutes,
    nextTermRoutes,
    structureRoutes,
    venueRoutes,
    staffDetailsRoutes,
    classRoutes,
    familyRoutes,
    enrollmentRoutes,
    codesRoutes,
    importRoutes,
  ]) {
    router.use(make(ds));
  }
  return router;
}
