// The one route registry: every router the app mounts, in order. Each
// capability owns its router (its routes.ts) and states every route's role
// scope there (http/auth/route-scope); the app refuses to start with a route
// that has none, and test/support/routes.ts enumerates them all.
import type { Router } from "express";
import type { DataSource } from "typeorm";
import { authRoutes, accountRoutes, throttleRoutes } from "./accounts";
import { localeRoutes } from "./http/locale-routes";
import { homeRoutes } from "./home";
import { privacyRoutes } from "./privacy/privacy-routes";
import { staffAdminRoutes } from "./school/staff-admin-routes";
import { auditRoutes } from "./audit/audit-routes";
import { schoolSetupRoutes } from "./school/setup-routes";
import { clubRoutes } from "./clubs/routes";
import { timetableRoutes } from "./timetable/routes";
import { choiceRoutes } from "./choices/routes";
import { assignmentRoutes } from "./assignment/web/routes";
import { policyRoutes } from "./policy/web/routes";
import { homeworkRoutes } from "./homework/routes";
import { feedRoutes } from "./calendar/web/routes";
import { attendanceRoutes } from "./attendance/routes";
import { reportRoutes } from "./reports/web/routes";

type MakeRouter = (ds: DataSource) => Router;

// Signing in and the pages every user has come first; then each capability.
export function capabilityRoutes(ds: DataSource, sessionSecret: string): Router[] {
  const makers: MakeRouter[] = [
    (d) => authRoutes(d, sessionSecret), accountRoutes, localeRoutes, privacyRoutes, homeRoutes, staffAdminRoutes, auditRoutes, throttleRoutes,
    schoolSetupRoutes, clubRoutes, timetableRoutes, choiceRoutes, assignmentRoutes, policyRoutes, homeworkRoutes, feedRoutes, attendanceRoutes, reportRoutes,
  ];
  return makers.map((make) => make(ds));
}
