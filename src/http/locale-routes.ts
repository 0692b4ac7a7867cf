// Language switch: remembered in the session, a long-lived cookie, and the
// account itself for logged-in users.
import { Router } from "express";
import type { DataSource } from "typeorm";
import { isLocale } from "./i18n";
import { inTransaction } from "../db";
import { saveAccountLocale } from "./store";
import { HttpError } from "./errors";
import { scope } from "./auth/route-scope";
import { formBody } from "./form-kit";

export function localeRoutes(ds: DataSource): Router {
  const router = Router();
  router.post("/lang", scope.public("the language switch works before login"), async (req, res) => {
    const lang = formBody(req).lang;
    if (!isLocale(lang)) throw new HttpError(400, "validation.locale");
    req.session.locale = lang;
    res.cookie("kehou.lang", lang, { maxAge: 365 * 24 * 3600 * 1000, httpOnly: true, sameSite: "lax" });
    const user = req.session.user;
    if (user) {
      await inTransaction(ds, (em) => saveAccountLocale(em, user.kind, user.id, lang));
    }
    const asked = formBody(req).back;
    const back = typeof asked === "string" && /^\/(?![/\\])/.test(asked) ? asked : "/";
    res.redirect(back);
  });
  return router;
}
