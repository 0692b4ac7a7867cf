// Admin: the draft weekly grid of the current term, and publishing it.
import { Router } from "express";
import type { DataSource } from "typeorm";
import { z } from "zod";
import { scope, FormError, fieldErrors, plainText } from "../http";
import { actorOf } from "../audit";
import { currentWeek } from "./entry-routes";
import { draftModel } from "./grid-model";
import { changeLines, weekDiff } from "./draft-changes";

// The publish page lists this many changes; a longer list ends with how many more (the grid marks them all).
const CHANGES_SHOWN = 200;
import { parseView } from "./core/grid";
import { publishBlockers } from "./publish-blockers";
import { publishTimetable } from "./publish-service";
import { currentTerm, loadWeek } from "./store/week";
import { formatStored, schoolZone } from "../kernel";
import { gridIssues, runPolicy } from "../policy";

const publishForm = z.object({
  reason: plainText(500)
    .refine((r) => r === "" || r.length >= 5, "validation.reasonRequired")
    .optional()
    .transform((r) => r || null),
});

export function gridRoutes(ds: DataSource): Router {
  const router = Router();

  router.get("/admin/timetable", scope.admin(), async (req, res) => {
    const term = await currentTerm(ds.manager);
    if (!term) return res.render("timetable/no-term", { title: res.locals.t("timetable.title") });
    const week = await loadWeek(ds.manager, term);
    const model = draftModel(week, parseView(req.query.view));
    const publishedLocal = formatStored(model.status.publishedAt, await schoolZone(ds.manager));
    // The rules' findings, inline where they apply (the compliance page lists them all).
    const { violations } = await runPolicy(ds, term.id);
    const entryIds = new Set(model.rows.flatMap((r) => r.cells.flatMap((c) => c.entries.map((e) => e.id))));
    const issues = gridIssues(violations, res.locals.locale, {
      entryIds,
      by: model.view.by,
      grade: model.view.by === "grade" ? model.view.id : undefined,
    });
    res.render("timetable/grid", {
      title: res.locals.t("timetable.title"),
      term: week.term,
      publishedLocal,
      issues,
      ...model,
    });
  });

  async function publishPage(status: number, res: import("express").Response, extra: Record<string, unknown> = {}) {
    const week = await currentWeek(ds);
    const { status: draft } = draftModel(week, { by: "all" });
    // Each change in words ("合唱 周三 第2节 → 周四 第2节"), not just the count.
    const diff = weekDiff(week);
    const changes = diff ? changeLines(week, diff) : [];
    const blockers = await publishBlockers(ds, week.term.id);
    const publishedLocal = formatStored(draft.publishedAt, await schoolZone(ds.manager));
    res.status(status).render("timetable/publish", {
      title: res.locals.t("timetable.publish.title"),
      term: week.term,
      draft,
      blockers,
      publishedLocal,
      changes: changes.slice(0, CHANGES_SHOWN),
      moreChanges: Math.max(0, changes.length - CHANGES_SHOWN),
      form: {},
      errors: {},
      ...extra,
    });
  }

  router.get("/admin/timetable/publish", scope.admin(), (_req, res) => publishPage(200, res));

  router.post("/admin/timetable/publish", scope.admin(), async (req, res) => {
    const parsed = publishForm.safeParse(req.body ?? {});
    const reason = (req.body as Record<string, unknown> | undefined)?.reason;
    const form = { reason: typeof reason === "string" ? reason : "" };
    if (!parsed.success) return publishPage(400, res, { form, errors: fieldErrors(parsed.error) });
    try {
      const outcome = await publishTimetable(ds, parsed.data.reason, actorOf(req.session.user));
      req.session.flash = outcome.unchanged
        ? { kind: "ok", key: "timetable.publish.unchanged" }
        : { kind: "ok", key: "timetable.publish.done", params: { entries: outcome.entries, changes: outcome.changes } };
      res.redirect("/admin/timetable");
    } catch (err) {
      if (err instanceof FormError) return publishPage(400, res, { form, errors: err.errors });
      throw err;
    }
  });

  return router;
}
