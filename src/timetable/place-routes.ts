// Admin: "place in the timetable" for one club (from its card and its form):
// the club slots where it fits, each with a one-click "place here" (a POST
// with the CSRF field), and where it does not, why. Placing is an ordinary
// new club entry: a clash found meanwhile refuses it (409) and the page is
// shown again with the reason; nothing is saved.
import { Router, type Response } from "express";
import type { DataSource } from "typeorm";
import { scope, FormError, fieldErrors, idParam, type FieldErrors } from "../http";
import { actorOf } from "../audit";
import { moveForm } from "./entry-form";
import { ClashRefused } from "./entry-service";
import { currentWeek } from "./entry-routes";
import { clubPlaces, placeClub } from "./club-place";
import type { ClashExplanation } from "./clash-messages";

export const placeUrl = (clubId: number) => `/admin/clubs/${clubId}/place`;

export function placeRoutes(ds: DataSource): Router {
  const router = Router();
  const admin = scope.admin("placing a club in the draft timetable: the club slots where it fits");

  async function page(
    res: Response,
    status: number,
    clubId: number,
    refused: { errors?: FieldErrors; clashes?: ClashExplanation[] } = {},
  ) {
    const model = await clubPlaces(ds, clubId);
    res.status(status).render("timetable/place", {
      title: res.locals.t("timetable.place.title", { name: model.club.name }),
      ...model,
      errors: refused.errors ?? {},
      clashes: refused.clashes ?? [],
    });
  }

  router.get("/admin/clubs/:id/place", admin, (req, res) => page(res, 200, idParam(req.params.id)));

  router.post("/admin/clubs/:id/place", admin, async (req, res) => {
    const clubId = idParam(req.params.id);
    const parsed = moveForm.safeParse(req.body ?? {});
    if (!parsed.success) return page(res, 400, clubId, { errors: fieldErrors(parsed.error) });
    try {
      const entry = await placeClub(ds, clubId, parsed.data, actorOf(req.session.user));
      const t = res.locals.t;
      const period = (await currentWeek(ds)).periods.find((p) => p.id === entry.periodId)?.name ?? "";
      req.session.flash = {
        kind: "ok",
        key: "timetable.place.done",
        params: { title: entry.title, slot: `${t(`timetable.weekdayLong.${entry.weekday}`)} ${period}` },
      };
      res.redirect(`/admin/timetable?view=all#slot-${entry.weekday}-${entry.periodId}`);
    } catch (err) {
      if (err instanceof FormError) return page(res, 400, clubId, { errors: err.errors });
      if (err instanceof ClashRefused) return page(res, 409, clubId, { clashes: err.clashes });
      throw err;
    }
  });

  return router;
}
