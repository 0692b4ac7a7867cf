// What every view can use: t(), the locale, the user, the CSRF token, the path.
import type { NextFunction, Request, Response } from "express";
import { DEFAULT_LOCALE, isLocale, Locale, translator } from "./i18n";

export function localsMiddleware(generateToken: (req: Request) => string) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const fromCookie = req.cookies?.["kehou.lang"];
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
