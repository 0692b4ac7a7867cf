// Admin: venues (name, capacity, indoor/outdoor, kind). Venues belong to the school,
// not to a term, so a new term keeps them as they are.
import { Router, Request, Response } from "express";
import type { DataSource } from "typeorm";
import type { Venue } from "../db";
import { scope, HttpError, pageCount, pageOf, FieldErrors, FormError, idParam, submit, formBody } from "../http";
import { actorOf } from "../audit";
import { searchText } from "./form-helpers";
import { venueForm } from "./structure-forms";
import { VENUE_KINDS } from "./core";
import { deleteVenue, saveVenue } from "./venue-service";
import { searchVenues, venueById } from "./store/venues";

export function venueRoutes(ds: DataSource): Router {
  const router = Router();
  const find = async (id: unknown) => {
    const venue = await venueById(ds, idParam(id));
    if (!venue) throw new HttpError(404, "errors.notFound");
    return venue;
  };

  const list = async (req: Request, res: Response, status = 200, errors: FieldErrors = {}) => {
    const page = pageOf(req.query);
    const q = searchText(req.query);
    const [venues, total] = await searchVenues(ds, q, page.skip, page.size);
    res.status(status).render("school/venues/list", {
      title: res.locals.t("school.venue.title"),
      venues,
      q,
      total,
      page: page.page,
      pages: pageCount(total, page.size),
      errors,
    });
  };
  router.get("/admin/venues", scope.admin(), (req, res) => list(req, res));

  const form = (res: Response, status: number, venue: Venue | null, values: object, errors: FieldErrors) =>
    res.status(status).render("school/venues/edit", {
      title: res.locals.t(venue ? "school.venue.edit" : "school.venue.new"),
      venue,
      kinds: VENUE_KINDS,
      form: values,
      errors,
    });

  router.get("/admin/venues/new", scope.admin(), (_req, res) =>
    form(res, 200, null, { indoor: "1", kind: "classroom" }, {}),
  );
  router.get("/admin/venues/:id/edit", scope.admin(), async (req, res) => {
    const venue = await find(req.params.id);
    form(res, 200, venue, { ...venue, indoor: venue.indoor ? "1" : "0" }, {});
  });

  const save = (withId: boolean) => async (req: Request, res: Response) => {
    const venue = withId ? await find(req.params.id) : null;
    const ok = await submit(
      venueForm,
      req.body,
      (data) => saveVenue(ds, venue?.id ?? null, data, actorOf(req.session.user)),
      (errors) => form(res, 400, venue, formBody(req), errors),
    );
    if (!ok) return;
    req.session.flash = { kind: "ok", key: "school.saved" };
    res.redirect("/admin/venues");
  };
  router.post("/admin/venues", scope.admin(), save(false));
  router.post("/admin/venues/:id", scope.admin(), save(true));

  router.post("/admin/venues/:id/delete", scope.admin(), async (req, res) => {
    const venue = await find(req.params.id);
    try {
      await deleteVenue(ds, venue, actorOf(req.session.user));
    } catch (err) {
      if (err instanceof FormError) return list(req, res, 409, err.errors);
      throw err;
    }
    req.session.flash = { kind: "ok", key: "school.venue.deleted", params: { name: venue.name } };
    res.redirect("/admin/venues");
  });
  return router;
}
