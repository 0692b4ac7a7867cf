// express-session writes a response's headers at once and holds back only its
// last byte until the store has saved the session. A browser follows a 302 as
// soon as it sees the headers, so the next request can arrive before the save
// commits: on PostgreSQL (a round trip per save) the flash after a POST went
// missing and a fresh login bounced back to /login. Redirecting only after the
// changed session is saved closes that window on every database.
import type { NextFunction, Request, Response } from "express";

export function saveSessionBeforeRedirect(req: Request, res: Response, next: NextFunction): void {
  const before = req.session ? JSON.stringify(req.session) : undefined;
  const redirect = res.redirect.bind(res) as (...args: unknown[]) => void;
  res.redirect = (...args: unknown[]) => {
    // Regenerated (login) or changed (flash, language, child switch) sessions only; a plain redirect writes nothing.
    if (!req.session || JSON.stringify(req.session) === before) return redirect(...args);
    req.session.save((err) => (err ? next(err) : redirect(...args)));
  };
  next();
}
