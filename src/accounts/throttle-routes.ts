// Admin: who is being slowed down at login, and clearing it. Delays grow but
// never lock anyone out; when a family or teacher calls the office after
// mistyping, staff clear the account (or address) at once, audit-logged.
import { Router } from "express";
import type { DataSource } from "typeorm";
import { z } from "zod";
import { scope, HttpError, formBody } from "../http";
import { clearThrottleAsAdmin, listThrottles } from "./throttle-store";
import { actorOf } from "../audit";

const clearForm = z.object({ key: z.string().min(1).max(200) });

export function throttleRoutes(ds: DataSource): Router {
  const router = Router();

  router.get("/admin/login-throttles", scope.admin(), async (_req, res) => {
    const rows = await listThrottles(ds);
    const now = Date.now();
    res.render("auth/throttles", {
      title: res.locals.t("throttles.title"),
      rows: rows.map((r) => ({ ...r, waiting: Date.parse(r.nextAllowedAt) > now })),
    });
  });

  router.post("/admin/login-throttles/clear", scope.admin(), async (req, res) => {
    const parsed = clearForm.safeParse(formBody(req));
    if (!parsed.success) throw new HttpError(400, "errors.badRequest");
    if (!(await clearThrottleAsAdmin(ds, parsed.data.key, actorOf(req.session.user))))
      throw new HttpError(404, "errors.notFound");
    req.session.flash = { kind: "ok", key: "throttles.cleared", params: { key: parsed.data.key } };
    res.redirect("/admin/login-throttles");
  });

  return router;
}
