// /account: what anyone logged in can do about their own login. Staff change
// their password (the other sessions end, this one stays); anyone can log
// out everywhere (a lost phone, a shared computer left logged in).
import { Router, Request, Response } from "express";
import { z } from "zod";
import type { DataSource } from "typeorm";
import { staffUser, scope, verifySecret, endSessionsOf, fieldErrors, formBody } from "../http";
import { staffPassword, changeOwnPassword } from "../school";
import { inTransaction } from "../db";
import { staffById } from "./store";
import { actorOf, recordAudit } from "../audit";

const passwordForm = z
  .object({
    current: z.string().min(1, "validation.required").max(200, "validation.tooLong"),
    password: staffPassword(),
    confirm: z.string().max(200, "validation.tooLong"),
  })
  .refine((f) => f.password === f.confirm, { path: ["confirm"], message: "account.confirmMismatch" });

// Families have no password of their own (the family code is the school's to regenerate).
const STAFF_OWN = scope.ownAccount("change one's own staff password", [
  "external",
  "teacher",
  "class_teacher",
  "admin",
]);

export function accountRoutes(ds: DataSource): Router {
  const router = Router();
  const page = (req: Request, res: Response, status = 200, errors: object = {}) =>
    res.status(status).render("auth/account", {
      title: res.locals.t("account.title"),
      staff: req.session.user?.kind === "staff",
      errors,
    });

  router.get("/account", scope.ownAccount("one's own account page"), (req, res) => page(req, res));
  router.get("/account/password", STAFF_OWN, (req, res) => page(req, res));

  router.post("/account/password", STAFF_OWN, async (req, res) => {
    const user = staffUser(req);
    const parsed = passwordForm.safeParse(formBody(req));
    if (!parsed.success) return page(req, res, 400, fieldErrors(parsed.error));
    const stored = await staffById(ds, user.id);
    if (!stored || !(await verifySecret(stored.passwordHash, parsed.data.current))) {
      return page(req, res, 400, { current: { key: "account.currentWrong" } });
    }
    user.version = await changeOwnPassword(ds, user.id, parsed.data.password, actorOf(user));
    req.session.flash = { kind: "ok", key: "account.passwordChanged" };
    res.redirect("/");
  });

  router.post(
    "/account/logout-everywhere",
    scope.ownAccount("end one's own sessions on every device"),
    async (req, res, next) => {
      const user = req.session.user!;
      await inTransaction(ds, async (em) => {
        await endSessionsOf(em, user.kind, user.id);
        await recordAudit(em, actorOf(user), { action: "logout.everywhere", entity: user.kind, entityId: user.id });
      });
      req.session.destroy((err) => {
        if (err) return next(err);
        res.clearCookie("kehou.sid");
        res.redirect("/login");
      });
    },
  );

  return router;
}
