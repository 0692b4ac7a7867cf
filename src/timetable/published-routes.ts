// Families and staff: the published weekly timetable (the draft never shows
// here). A family sees its active child's own week (family-week-page.ts); an
// external instructor only their own sessions; other staff choose a view, their own first.
import { Router } from "express";
import type { DataSource } from "typeorm";
import { scope } from "../http";
import { GridView, parseView } from "./core/grid";
import { gridModel } from "./grid-model";
import { publishedTimetable } from "./store/published";
import { currentTerm, loadWeek } from "./store/week";
import { formatStored, schoolToday, schoolZone } from "../kernel";
import { familyWeekPage, type LeaveOfChild } from "./family-week-page";
import { weekChanges, type WeekChanges } from "./week-changes";

export function publishedRoutes(ds: DataSource, leaveOf?: LeaveOfChild): Router {
  const router = Router();

  router.get(
    "/timetable",
    scope.signedIn(
      { class_teacher: "all", teacher: "all", external: "own club" },
      "the published week: a family sees its active child's own week; staff see no children's names; an external instructor sees only their sessions",
    ),
    async (req, res) => {
      const user = req.session.user!;
      if (user.kind === "family") return familyWeekPage(ds, req, res, leaveOf);
      const term = await currentTerm(ds.manager);
      if (!term) return res.render("timetable/no-term", { title: res.locals.t("timetable.published.title") });
      const [week, published] = await Promise.all([loadWeek(ds.manager, term), publishedTimetable(ds.manager)]);
      const rows = published.rows;
      let view: GridView;
      let fixed = true;
      if (user.role === "external") {
        view = { by: "staff", id: user.id };
      } else {
        view = parseView(req.query.view, { by: "staff", id: user.id });
        fixed = false;
      }
      // Staff see this week's cancellations and covers beside the weekly grid.
      const changes: WeekChanges | null =
        user.kind === "staff" && published.publishedAt
          ? await weekChanges(ds.manager, week, rows, view, await schoolToday(ds))
          : null;
      res.render("timetable/published", {
        title: res.locals.t("timetable.published.title"),
        term,
        publishedAt: published.publishedAt,
        child: null,
        fixed,
        publishedLocal: formatStored(published.publishedAt, await schoolZone(ds.manager)),
        ...gridModel(week, rows, view),
        weekChanges: changes,
      });
    },
  );

  return router;
}
