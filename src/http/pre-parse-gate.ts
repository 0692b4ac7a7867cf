// Who asks is checked before any body is read. On /admin paths a request with
// a body needs a staff session, and an upload also the admin role and the CSRF
// token in its action URL (?_csrf=…), all before multer reads a byte: an
// anonymous flood of multipart fields is refused on its headers. The routes'
// own guards still decide per route; this is only the coarse gate in front.
import type { NextFunction, Request, Response } from "express";
import { HttpError } from "./errors";
import { csrf } from "./security";
import { isUploadRoute } from "./upload-parser";

const WITHOUT_BODY = new Set(["GET", "HEAD", "OPTIONS"]);
// Express routes match case-insensitively, so the gate must too (/ADMIN/… reaches the same routes).
const isAdminPath = (path: string): boolean => {
  const lower = path.toLowerCase();
  return lower === "/admin" || lower.startsWith("/admin/");
};

export function preParseGate(req: Request, res: Response, next: NextFunction): void {
  if (WITHOUT_BODY.has(req.method) || !isAdminPath(req.path)) return next();
  // A refused body is never read: close the connection rather than drain it.
  const refuse = () => res.set("Connection", "close");
  const user = req.session.user;
  // No session means no CSRF token either: the same 403 "form expired" page
  // the CSRF check would give, only before the body is read.
  if (!user) {
    refuse();
    return next(new HttpError(403, "errors.csrf"));
  }
  if (user.kind !== "staff" || (isUploadRoute(req) && user.role !== "admin")) {
    refuse();
    return next(new HttpError(403, "errors.forbidden"));
  }
  if (!isUploadRoute(req)) return next();
  csrf.csrfSynchronisedProtection(req, res, (err?: unknown) => {
    if (err) refuse();
    next(err);
  });
}
