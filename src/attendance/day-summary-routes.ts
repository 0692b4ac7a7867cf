// The class teacher's summary of a day (/attendance/summary?date=): their own
// classes; an admin sees every class.
import { Router } from "express";
import type { DataSource } from "typeorm";
import { scope } from "../http";
import { schoolToday } from "../kernel";
import { daySummary } from "./day-summary";
import { allClasses, classesOfTeachers } from "./day-summary-store";
import { dateQuery } from "./date-params";

export function daySummaryRoutes(ds: DataSource): Router {
  const router = Router();
  router.get(
    "/attendance/summary",
    scope.staff(
      { class_teacher: "own classes" },
      "a day's summary: absences, answers, leave and early pick-ups in one's own classes",
    ),
    async (req, res) => {
      const user = req.session.user!;
      const date = dateQuery(req.query.date) ?? (await schoolToday(ds));
      const classes =
        user.kind === "staff" && user.role === "admin" ? await allClasses(ds) : await classesOfTeachers(ds, user.id);
      res.render("attendance/summary", {
        title: res.locals.t("absence.summary.title"),
        summary: await daySummary(ds, classes, date),
        hasClasses: classes.length > 0,
      });
    },
  );
  return router;
}
