// Routes of attendance (registered in src/routes.ts): registers, absence alerts,
// dismissal lists and the admin's edit-window setting.
import { Router } from "express";
import type { DataSource } from "typeorm";
import { z } from "zod";
import { fieldErrors, scope } from "../http";
import { actorOf } from "../audit";
import { registerRoutes } from "./register-routes";
import { alertRoutes } from "./alert-routes";
import { dismissalRoutes } from "./dismissal-routes";
import { classDayRoutes } from "./class-day-routes";
import { earlyPickupRoutes } from "./pickup-routes";
import { daySummaryRoutes } from "./day-summary-routes";
import { editWindowDays, MAX_EDIT_DAYS, setEditWindowDays } from "./edit-window";

const settingsForm = z.object({
  editDays: z
    .string({ message: "validation.required" })
    .trim()
    .min(1, "validation.required")
    .regex(/^\d{1,3}$/, "validation.invalid_type")
    .transform(Number)
    .pipe(z.number().max(MAX_EDIT_DAYS, "validation.too_big")),
});

export function attendanceRoutes(ds: DataSource): Router {
  const router = Router();
  router.use(
    registerRoutes(ds),
    alertRoutes(ds),
    dismissalRoutes(ds),
    classDayRoutes(ds),
    earlyPickupRoutes(ds),
    daySummaryRoutes(ds),
  );

  router.get("/admin/attendance/settings", scope.admin(), async (_req, res) => {
    res.render("attendance/settings", {
      title: res.locals.t("attendance.settings.title"),
      form: { editDays: await editWindowDays(ds) },
      errors: {},
      max: MAX_EDIT_DAYS,
    });
  });

  router.post("/admin/attendance/settings", scope.admin(), async (req, res) => {
    const parsed = settingsForm.safeParse(req.body ?? {});
    if (!parsed.success) {
      return res.status(400).render("attendance/settings", {
        title: res.locals.t("attendance.settings.title"),
        form: (req.body ?? {}) as Record<string, unknown>,
        errors: fieldErrors(parsed.error),
        max: MAX_EDIT_DAYS,
      });
    }
    await setEditWindowDays(ds, parsed.data.editDays, actorOf(req.session.user));
    req.session.flash = { kind: "ok", key: "attendance.settings.saved", params: { days: parsed.data.editDays } };
    res.redirect(303, "/admin/attendance/settings");
  });
  return router;
}
