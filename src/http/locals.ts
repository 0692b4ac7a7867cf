// What every view can use: t(), the locale, the user, the CSRF token, the path.
import type { NextFunction, Request, Response } from "express";
import type { SessionData } from "express-session";
import type { TFunction } from "i18next";
import { DEFAULT_LOCALE, isLocale, Locale, translator } from "./i18n";
import type { SessionUser } from "./session-user";

// The locals set here (and by setEarlyLocals before the session is known), typed for the routes that read them.
declare module "express-serve-static-core" {
  interface Locals {
    locale: Locale;
    t: TFunction;
    user: SessionUser | null;
    path: string;
    currentUrl: string;
    flash: SessionData["flash"] | null;
    csrfToken: string;
  }
}

export function localsMiddleware(generateToken: (req: Request) => string) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const fromCookie: unknown = req.cookies?.["kehou.lang"];
    const locale: Locale = isLocale(req.session.locale)
      ? req.session.locale
      : isLocale(fromCookie)
        ? fromCookie
        : DEFAULT_LOCALE;
    res.locals.locale = locale;
    res.locals.t = translator(locale);
    res.locals.user = req.session.user ?? null;
    res.locals.path = req.path;
    res.locals.currentUrl = req.originalUrl;
    res.locals.flash = req.session.flash ?? null;
    if (req.session.flash) delete req.session.flash;
    // Lazily: only pages that render a form create a session for the token.
    Object.defineProperty(res.locals, "csrfToken", {
      get: () => generateToken(req),
      enumerable: true,
      configurable: true,
    });
    next();
  };
}
