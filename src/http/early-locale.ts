// The page's language before anything can fail: a body parser's error renders
// the app's error page, and that page needs t() and the locale. The session is
// not loaded yet, so the `kehou.lang` cookie decides (localsMiddleware refines
// with the session's choice once it is there). Also the other locals the
// layout reads, with safe values until the session is known.
import type { NextFunction, Request, Response } from "express";
import { DEFAULT_LOCALE, isLocale, translator } from "./i18n";

export function setEarlyLocals(req: Request, res: Response): void {
  const fromCookie: unknown = req.cookies?.["kehou.lang"];
  const locale = isLocale(fromCookie) ? fromCookie : DEFAULT_LOCALE;
  res.locals.locale = locale;
  res.locals.t = translator(locale);
  res.locals.user = null;
  res.locals.path = req.path;
  res.locals.currentUrl = req.originalUrl;
  res.locals.flash = null;
  // The layout's language switch is a form; without a session it has no token yet.
  res.locals.csrfToken = "";
}

export function earlyLocale(req: Request, res: Response, next: NextFunction): void {
  setEarlyLocals(req, res);
  next();
}
