// Admin: the details of a staff member beyond the account — the vetting date
// (external instructors must have one before they teach) and the weekdays they
// can take service sessions. Accounts themselves live in staff-admin-routes.ts.
import { Router, Request, Response } from "express";
import type { DataSource } from "typeorm";
import { z } from "zod";
import { Staff, nowIso, inTransaction } from "../db";
import { scope, HttpError, FieldErrors, idParam, submit } from "../http";
import { Actor, actorOf, recordAudit } from "../audit/audit-service";
import { isoDate, numberSet, weekdayValue } from "./form-helpers";

const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

export const staffDetailsForm = (role: Staff["role"]) => z.object({
  vettedOn: z.preprocess(blank, isoDate.optional()).transform((v) => v ?? null),
  availableDays: numberSet(weekdayValue, "school.validation.weekday"),
}).refine((d) => role !== "external" || d.vettedOn !== null, { path: ["vettedOn"], message: "validation.vettingRequired" });

async function saveDetails(ds: DataSource, staff: Staff, data: { vettedOn: string | null; availableDays: number[] }, actor: Actor): Promise<void> {
  await inTransaction(ds, async (em) => {
    await em.getRepository(Staff).update({ id: staff.id }, { ...data, updatedAt: nowIso() });
    await recordAudit(em, actor, {
      action: "staff.details", entity: "staff", entityId: staff.id,
      details: { before: { vettedOn: staff.vettedOn, availableDays: staff.availableDays }, after: data },
    });
  });
}

export function staffDetailsRoutes(ds: DataSource): Router {
  const router = Router();
  const find = async (req: Request) => {
    const staff = await ds.getRepository(Staff).findOneBy({ id: idParam(req.params.id) });
    if (!staff) throw new HttpError(404, "errors.notFound");
    return staff;
  };
  const page = (res: Response, status: number, staff: Staff, form: object, errors: FieldErrors) =>
    res.status(status).render("school/staff/edit", { title: res.locals.t("school.staff.title", { name: staff.name }), staff, form, errors });

  router.get("/admin/staff/:id/edit", scope.admin(), async (req, res) => {
    const staff = await find(req);
    page(res, 200, staff, staff, {});
  });

  router.post("/admin/staff/:id/edit", scope.admin(), async (req, res) => {
    const staff = await find(req);
    const ok = await submit(staffDetailsForm(staff.role), req.body, (data) => saveDetails(ds, staff, data, actorOf(req.session.user)),
      (errors) => page(res, 400, staff, req.body ?? {}, errors));
    if (!ok) return;
    req.session.flash = { kind: "ok", key: "school.staff.saved", params: { name: staff.name } };
    res.redirect("/admin/staff");
  });
  return router;
}
