// Every capability's routes, in one list the app mounts. Each capability
// owns its own router module; adding one means one line here.
import type { Router } from "express";
import type { DataSource } from "typeorm";
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

export function capabilityRoutes(ds: DataSource): Router[] {
  return [schoolSetupRoutes, clubRoutes, timetableRoutes, choiceRoutes, assignmentRoutes, policyRoutes, homeworkRoutes, feedRoutes, attendanceRoutes, reportRoutes]
    .map((make) => make(ds));
}
