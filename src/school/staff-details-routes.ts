// Admin: the details of a staff member beyond the account — the vetting date
// (external instructors must have one before they teach) and the weekdays they
// can take service sessions, on some of them only within a time window. Accounts themselves live in staff-admin-routes.ts.
import { Router, Request, Response } from "express";
import type { DataSource } from "typeorm";
import { z } from "zod";
import type { Staff } from "../db";
import { staffById } from "./store/staff";
import { saveStaffDetails } from "./staff-service";
import { scope, HttpError, FieldErrors, FormError, idParam, submit, formBody } from "../http";
import { parseStaffHours, staffHoursValues } from "./staff-hours-form";
import { actorOf } from "../audit";
import { isoDate, numberSet, weekdayValue } from "./form-helpers";

const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

export const staffDetailsForm = (role: Staff["role"]) =>
  z
    .object({
      vettedOn: z.preprocess(blank, isoDate.optional()).transform((v) => v ?? null),
      availableDays: numberSet(weekdayValue, "school.validation.weekday"),
    })
    .refine((d) => role !== "external" || d.vettedOn !== null, {
      path: ["vettedOn"],
      message: "validation.vettingRequired",
    });

export function staffDetailsRoutes(ds: DataSource): Router {
  const router = Router();
  const find = async (req: Request) => {
    const staff = await staffById(ds, idParam(req.params.id));
    if (!staff) throw new HttpError(404, "errors.notFound");
    return staff;
  };
  const page = (res: Response, status: number, staff: Staff, form: object, errors: FieldErrors) =>
    res.status(status).render("school/staff/edit", {
      title: res.locals.t("school.staff.title", { name: staff.name }),
      staff,
      form,
      errors,
    });

  router.get("/admin/staff/:id/edit", scope.admin(), async (req, res) => {
    const staff = await find(req);
    page(res, 200, staff, { ...staff, ...staffHoursValues(staff.availableHours) }, {});
  });

  router.post("/admin/staff/:id/edit", scope.admin(), async (req, res) => {
    const staff = await find(req);
    const ok = await submit(
      staffDetailsForm(staff.role),
      req.body,
      async (data) => {
        const hours = parseStaffHours(formBody(req), data.availableDays);
        if ("errors" in hours) throw new FormError(hours.errors);
        await saveStaffDetails(ds, staff, { ...data, availableHours: hours.hours }, actorOf(req.session.user));
      },
      (errors) => page(res, 400, staff, formBody(req), errors),
    );
    if (!ok) return;
    req.session.flash = { kind: "ok", key: "school.staff.saved", params: { name: staff.name } };
    res.redirect("/admin/staff");
  });
  return router;
}
