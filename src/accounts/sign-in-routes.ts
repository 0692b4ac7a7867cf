// /login (staff: email + password; families: student number + family code),
// /logout, and the language switch.
import { Router, Request, Response } from "express";
import { z } from "zod";
import type { DataSource } from "typeorm";
import { loginFamily, loginStaff, LoginResult } from "./login-service";
import { ACCOUNT_POLICY, ADDRESS_POLICY, claimAttempt, settleSuccess, ThrottleKey } from "./throttle-store";
import { deviceKnows, rememberDevice } from "./device-cookie";
import { signIn } from "./sign-in";
import { fieldErrors, scope, formBody } from "../http";
import { inTransaction } from "../db";
import { recordAudit, actorOf } from "../audit";

const staffForm = z.object({
  mode: z.literal("staff"),
  email: z.string().trim().min(1, "validation.required").max(200, "validation.tooLong").email("validation.email"),
  password: z.string().min(1, "validation.required").max(200, "validation.tooLong"),
});
const familyForm = z.object({
  mode: z.literal("family"),
  studentNumber: z.string().trim().min(1, "validation.required").max(32, "validation.tooLong"),
  code: z.string().trim().min(1, "validation.required").max(40, "validation.tooLong"),
});
const loginForm = z.discriminatedUnion("mode", [staffForm, familyForm], { message: "validation.required" });

// Only same-site paths: never redirect a user off the app after login.
function safeNext(value: unknown): string {
  return typeof value === "string" && /^\/(?![/\\])/.test(value) ? value : "/";
}

export function authRoutes(ds: DataSource, secret: string): Router {
  const router = Router();

  router.get("/login", scope.public("the way in"), (req, res) => {
    if (req.session.user) return res.redirect("/");
    res.render("auth/login", {
      title: res.locals.t("login.title"),
      form: { mode: "family" },
      errors: {},
      next: safeNext(req.query.next),
    });
  });

  router.post("/login", scope.public("the way in"), async (req: Request, res: Response) => {
    const next = safeNext(formBody(req).next);
    const parsed = loginForm.safeParse(formBody(req));
    if (!parsed.success) {
      return res.status(400).render("auth/login", {
        title: res.locals.t("login.title"),
        form: formBody(req),
        errors: fieldErrors(parsed.error),
        next,
      });
    }
    const form = parsed.data;
    const account = form.mode === "staff" ? `staff:${form.email.toLowerCase()}` : `family:${form.studentNumber}`;
    // A device this account has logged in from (with today's credentials) is not held up by anyone else's failures.
    const checked = !(await deviceKnows(ds, req, secret, account));
    const address: ThrottleKey = { key: `ip:${req.ip}`, policy: ADDRESS_POLICY, checked };
    const keys: ThrottleKey[] = [{ key: account, policy: ACCOUNT_POLICY, checked }, address];
    // Claimed (and counted) before the slow check, so a burst cannot slip past.
    const wait = await claimAttempt(ds, keys);
    const formBack = { ...form, password: "", code: "" };
    if (wait > 0) {
      res.set("Retry-After", String(wait));
      return res.status(429).render("auth/login", {
        title: res.locals.t("login.title"),
        form: formBack,
        errors: { _form: { key: "login.throttled", params: { seconds: wait } } },
        next,
      });
    }
    const result: LoginResult =
      form.mode === "staff"
        ? await loginStaff(ds, form.email, form.password)
        : await loginFamily(ds, form.studentNumber, form.code);
    if (!result.ok) {
      const key = form.mode === "staff" ? "login.failedStaff" : "login.failedFamily";
      return res
        .status(401)
        .render("auth/login", { title: res.locals.t("login.title"), form: formBack, errors: { _form: { key } }, next });
    }
    await settleSuccess(ds, account, address);
    rememberDevice(req, res, secret, account, result.user.version ?? 0);
    await signIn(ds, req, result.user, result.locale);
    await inTransaction(ds, (em) =>
      recordAudit(em, actorOf(result.user), { action: "login", entity: result.user.kind, entityId: result.user.id }),
    );
    res.redirect(next);
  });

  router.post("/logout", scope.public("leaving is always allowed"), (req, res, nextFn) => {
    req.session.destroy((err) => {
      if (err) return nextFn(err);
      res.clearCookie("kehou.sid");
      res.redirect("/login");
    });
  });

  return router;
}
