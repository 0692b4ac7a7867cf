// Admin: venues (name, capacity, indoor/outdoor). Venues belong to the school,
// not to a term, so a new term keeps them as they are.
import { Router, Request, Response } from "express";
import { type DataSource, Like, Not } from "typeorm";
import { z } from "zod";
import { Club, TimetableEntry, Venue, inTransaction } from "../db";
import { scope, HttpError, pageCount, pageOf, fieldError, FieldErrors, FormError, idParam, submit } from "../http";
import { Actor, actorOf, recordAudit } from "../audit/audit-service";
import { searchText, text } from "./form-helpers";

export const venueForm = z.object({
  name: text(80),
  capacity: z.coerce.number({ message: "school.validation.count" }).int("school.validation.count")
    .min(1, "school.validation.count").max(2000, "school.validation.count"),
  indoor: z.enum(["1", "0"], { message: "school.venue.chooseIndoor" }).transform((v) => v === "1"),
});
type VenueData = z.infer<typeof venueForm>;

async function saveVenue(ds: DataSource, id: number | null, data: VenueData, actor: Actor): Promise<void> {
  await inTransaction(ds, async (em) => {
    const repo = em.getRepository(Venue);
    if (await repo.existsBy({ name: data.name, ...(id !== null && { id: Not(id) }) })) throw fieldError("name", "validation.duplicate");
    const saved = id === null ? await repo.save({ ...data }) : (await repo.update({ id }, data), { id });
    await recordAudit(em, actor, { action: id === null ? "venue.create" : "venue.update", entity: "venue", entityId: saved.id, details: { ...data } });
  });
}

// A venue the timetable or a club still uses cannot be deleted: sessions would lose their room.
async function deleteVenue(ds: DataSource, venue: Venue, actor: Actor): Promise<void> {
  await inTransaction(ds, async (em) => {
    const uses = (await em.getRepository(TimetableEntry).countBy({ venueId: venue.id })) + (await em.getRepository(Club).countBy({ venueId: venue.id }));
    if (uses) throw new FormError({ _form: { key: "school.venue.inUse", params: { name: venue.name, count: uses } } });
    await em.getRepository(Venue).delete({ id: venue.id });
    await recordAudit(em, actor, { action: "venue.delete", entity: "venue", entityId: venue.id, details: { ...venue } });
  });
}

export function venueRoutes(ds: DataSource): Router {
  const router = Router();
  const find = async (id: unknown) => {
    const venue = await ds.getRepository(Venue).findOneBy({ id: idParam(id) });
    if (!venue) throw new HttpError(404, "errors.notFound");
    return venue;
  };

  const list = async (req: Request, res: Response, status = 200, errors: FieldErrors = {}) => {
    const page = pageOf(req.query);
    const q = searchText(req.query);
    const [venues, total] = await ds.getRepository(Venue).findAndCount({
      where: q ? { name: Like(`%${q}%`) } : {}, order: { name: "ASC" }, skip: page.skip, take: page.size,
    });
    res.status(status).render("school/venues/list", { title: res.locals.t("school.venue.title"), venues, q, total, page: page.page, pages: pageCount(total, page.size), errors });
  };
  router.get("/admin/venues", scope.admin(), (req, res) => list(req, res));

  const form = (res: Response, status: number, venue: Venue | null, values: object, errors: FieldErrors) =>
    res.status(status).render("school/venues/edit", { title: res.locals.t(venue ? "school.venue.edit" : "school.venue.new"), venue, form: values, errors });

  router.get("/admin/venues/new", scope.admin(), (_req, res) => form(res, 200, null, { indoor: "1" }, {}));
  router.get("/admin/venues/:id/edit", scope.admin(), async (req, res) => {
    const venue = await find(req.params.id);
    form(res, 200, venue, { ...venue, indoor: venue.indoor ? "1" : "0" }, {});
  });

  const save = (withId: boolean) => async (req: Request, res: Response) => {
    const venue = withId ? await find(req.params.id) : null;
    const ok = await submit(venueForm, req.body, (data) => saveVenue(ds, venue?.id ?? null, data, actorOf(req.session.user)),
      (errors) => form(res, 400, venue, req.body ?? {}, errors));
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
