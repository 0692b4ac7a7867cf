// Admin: staff accounts (list, create, disable/enable, reset password).
import { Router } from "express";
import type { DataSource } from "typeorm";
import { scope, pageCount, pageOf, idParam, submit, HttpError, formBody, searchText } from "../http";
import { staffForm } from "./staff-form";
import { createStaff, resetStaffPassword, setStaffActive } from "./staff-service";
import { searchStaff } from "./store/staff";
import { actorOf } from "../audit";

export function staffAdminRoutes(ds: DataSource): Router {
  const router = Router();

  router.get("/admin/staff", scope.admin(), async (req, res) => {
    const page = pageOf(req.query);
    const q = searchText(req.query);
    const [staff, total] = await searchStaff(ds, q, page.skip, page.size);
    res.render("staff/list", {
      title: res.locals.t("staff.title"),
      staff,
      q,
      page: page.page,
      pages: pageCount(total, page.size),
      total,
    });
  });

  router.get("/admin/staff/new", scope.admin(), (_req, res) => {
    res.render("staff/new", {
      title: res.locals.t("staff.new"),
      form: { role: "teacher", availableDays: [1, 2, 3, 4, 5] },
      errors: {},
    });
  });

  router.post("/admin/staff", scope.admin(), async (req, res) => {
    let name = "";
    const ok = await submit(
      staffForm,
      req.body,
      async (data) => {
        await createStaff(ds, data, actorOf(req.session.user));
        name = data.name;
      },
      (errors) =>
        res
          .status(400)
          .render("staff/new", { title: res.locals.t("staff.new"), form: { ...formBody(req), password: "" }, errors }),
    );
    if (!ok) return;
    req.session.flash = { kind: "ok", key: "staff.created", params: { name } };
    res.redirect("/admin/staff");
  });

  router.post("/admin/staff/:id/active", scope.admin(), async (req, res) => {
    const id = idParam(req.params.id);
    const active = formBody(req).active === "1";
    if (req.session.user?.id === id && !active) throw new HttpError(400, "staff.cannotDisableSelf");
    const staff = await setStaffActive(ds, id, active, actorOf(req.session.user));
    if (!staff) throw new HttpError(404, "errors.notFound");
    req.session.flash = {
      kind: "ok",
      key: active ? "staff.enabled" : "staff.disabled",
      params: { name: staff.name, id: staff.id },
    };
    res.redirect("/admin/staff");
  });

  router.post("/admin/staff/:id/password", scope.admin(), async (req, res) => {
    const result = await resetStaffPassword(ds, idParam(req.params.id), actorOf(req.session.user));
    if (!result) throw new HttpError(404, "errors.notFound");
    res.render("staff/password", {
      title: res.locals.t("staff.resetPassword"),
      staff: result.staff,
      password: result.password,
    });
  });

  return router;
}
