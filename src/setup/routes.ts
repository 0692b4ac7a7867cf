// First-run setup, mounted only when the start plan found the school not set up
// (src/setup/start-plan.ts). With no admin, every page leads to /setup, which
// asks for the one-time token, the school and the first admin. With an admin
// (made by `kehou create-admin`), that admin lands on the school form after
// logging in. Once school.setupAt is set, on any instance, the gate steps aside
// and /setup is a 404.
import { Router, Request, Response, NextFunction } from "express";
import type { DataSource } from "typeorm";
import { inTransaction } from "../db";
import { DEFAULT_ZONE } from "../kernel";
import { actorOf, recordAudit, SYSTEM } from "../audit";
import { hashSecret, fieldErrors, type FieldErrors, HttpError, scope } from "../http";
import { signIn } from "../accounts";
import { adminExists, createFirstAdmin, saveSchool, setupDone } from "./store";
import { clearSetupTokens, setupTokenValid } from "./setup-token";
import { firstRunForm, schoolForm } from "./setup-form";

// Set by the setup gate below for the setup form: whether the first run still needs the setup token.
declare module "express-serve-static-core" {
  interface Locals {
    setupNeedsToken?: boolean;
  }
}

// Before any admin exists nobody can be signed in: the one-time token (or,
// with an admin from create-admin, that admin's session) is checked inside.
const SETUP_SCOPE = scope.public(
  "first-run setup: the one-time token or the signed-in admin is checked in the handler",
);

// Paths that work while no admin exists: the form itself and the language switch.
const OPEN_WITHOUT_ADMIN = new Set(["/setup", "/lang"]);

export function setupGate(ds: DataSource): Router {
  const router = Router();
  // Read until setup is seen done; after that this instance never asks again.
  let done = false;

  router.use(async (req: Request, res: Response, next: NextFunction) => {
    if (done || (await setupDone(ds))) {
      done = true;
      return next();
    }
    const needsToken = !(await adminExists(ds));
    res.locals.setupNeedsToken = needsToken;
    if (needsToken) return OPEN_WITHOUT_ADMIN.has(req.path) ? next() : res.redirect("/setup");
    const user = req.session.user;
    const admin = user?.kind === "staff" && user.role === "admin";
    if (admin && req.path !== "/setup" && req.path !== "/logout" && req.path !== "/lang") return res.redirect("/setup");
    next();
  });

  const render = (res: Response, status: number, form: Record<string, unknown>, errors: FieldErrors) =>
    res.status(status).render("setup/form", {
      title: res.locals.t("setup.title"),
      needsToken: res.locals.setupNeedsToken,
      form,
      errors,
    });

  router.get("/setup", SETUP_SCOPE, (req, res, next) => {
    if (done) return next();
    if (!res.locals.setupNeedsToken && !isAdmin(req)) return res.redirect("/login?next=/setup");
    render(res, 200, { timezone: DEFAULT_ZONE }, {});
  });

  router.post("/setup", SETUP_SCOPE, async (req, res, next) => {
    if (done) return next();
    const body = (req.body ?? {}) as Record<string, unknown>;
    // Secrets are never echoed back into the form.
    const formBack = { ...body, token: "", password: "" };
    if (!res.locals.setupNeedsToken) {
      if (!isAdmin(req)) return res.redirect("/login?next=/setup");
      const parsed = schoolForm.safeParse(body);
      if (!parsed.success) return render(res, 400, formBack, fieldErrors(parsed.error));
      await inTransaction(ds, async (em) => {
        await saveSchool(em, parsed.data);
        await recordAudit(em, actorOf(req.session.user), {
          action: "setup.complete",
          entity: "school",
          details: { name: parsed.data.schoolName, timezone: parsed.data.timezone },
        });
      });
      done = true;
      return res.redirect("/");
    }
    const parsed = firstRunForm.safeParse(body);
    if (!parsed.success) return render(res, 400, formBack, fieldErrors(parsed.error));
    const data = parsed.data;
    if (!(await setupTokenValid(ds, data.token)))
      return render(res, 400, formBack, { token: { key: "validation.setupToken" } });
    const passwordHash = await hashSecret(data.password);
    const admin = await inTransaction(ds, async (em) => {
      // Another instance may have finished setup meanwhile: the first form wins.
      if ((await setupDone(em)) || (await adminExists(em))) throw new HttpError(409, "setup.alreadyDone");
      const staff = await createFirstAdmin(em, data, passwordHash);
      await saveSchool(em, data);
      await clearSetupTokens(em);
      await recordAudit(em, SYSTEM, {
        action: "staff.create",
        entity: "staff",
        entityId: staff.id,
        details: { staffNumber: staff.staffNumber, role: staff.role },
      });
      await recordAudit(em, SYSTEM, {
        action: "setup.complete",
        entity: "school",
        details: { name: data.schoolName, timezone: data.timezone, admin: staff.id },
      });
      return staff;
    });
    done = true;
    // The first admin is signed in as at login: fresh session id, version, lifetime.
    await signIn(ds, req, {
      kind: "staff",
      id: admin.id,
      role: "admin",
      name: admin.name,
      version: admin.sessionVersion,
    });
    res.redirect("/");
  });

  return router;
}

function isAdmin(req: Request): boolean {
  const user = req.session.user;
  return user?.kind === "staff" && user.role === "admin";
}
