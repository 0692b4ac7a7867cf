// The one route registry: every router the app mounts, in order. Each
// capability owns its router (its routes.ts) and states every route's role
// scope there (http/auth/route-scope); the app refuses to start with a route
// that has none, and test/support/routes.ts enumerates them all.
import type { Router } from "express";
import type { DataSource } from "typeorm";
import { authRoutes, accountRoutes, familyEmailRoutes, throttleRoutes } from "./accounts";
import { localeRoutes } from "./http/locale-routes";
import { homeRoutes } from "./home";
import { privacyRoutes } from "./privacy/routes";
import { staffAdminRoutes } from "./school/staff-admin-routes";
import { auditRoutes } from "./audit/routes";
import { schoolSetupRoutes } from "./school/setup-routes";
import { clubRoutes } from "./clubs";
import { timetableRoutes } from "./timetable/routes";
import { choiceRoutes, type RoundSeatsOf } from "./choices";
import { allocationRoutes, roundSeats, clubSlots, offerFreedSeats, isRoundPublished } from "./allocation";
import { notificationRoutes, outboxRoutes, preferenceRoutes } from "./notifications";
import { policyRoutes } from "./policy";
import { homeworkRoutes } from "./homework/routes";
import { feedRoutes } from "./feeds";
import { attendanceRoutes } from "./attendance";
import { reportRoutes } from "./reports/routes";
import { surveyRoutes } from "./surveys/routes";
import { leaveRoutes, leaveOfChildOn } from "./leave";
import { pickupRoutes } from "./pickup";
import { proposerRoutes } from "./proposer";
import { interestRoutes } from "./interest";

type MakeRouter = (ds: DataSource) => Router;

// A choice round's page shows the seats it covers, which the allocation counts (issue 18),
// and a club's raised capacity offers its seats to the allocation's waitlist: both are
// handed to the choices and clubs routers here, so neither imports the allocation.
const roundSeatsOf: RoundSeatsOf = async (ds, round) =>
  roundSeats(ds.manager, round, await clubSlots(ds.manager, round.termId));

// Signing in and the pages every user has come first; then each capability.
export function capabilityRoutes(ds: DataSource, sessionSecret: string): Router[] {
  const makers: MakeRouter[] = [
    (d) => authRoutes(d, sessionSecret),
    accountRoutes,
    familyEmailRoutes,
    localeRoutes,
    privacyRoutes,
    homeRoutes,
    staffAdminRoutes,
    auditRoutes,
    throttleRoutes,
    schoolSetupRoutes,
    (d) => clubRoutes(d, offerFreedSeats),
    // The family timetable shows a child's leave (请假), which the leave capability answers.
    (d) => timetableRoutes(d, leaveOfChildOn),
    (d) => choiceRoutes(d, roundSeatsOf, isRoundPublished),
    allocationRoutes,
    notificationRoutes,
    outboxRoutes,
    preferenceRoutes,
    policyRoutes,
    homeworkRoutes,
    feedRoutes,
    attendanceRoutes,
    reportRoutes,
    surveyRoutes,
    leaveRoutes,
    pickupRoutes,
    proposerRoutes,
    interestRoutes,
  ];
  return makers.map((make) => make(ds));
}
