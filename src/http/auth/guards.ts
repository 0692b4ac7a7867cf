// Role and ownership checks. Every route states who may use it.
import type { NextFunction, Request, Response } from "express";
import type { StaffRole } from "../../db";
import { HttpError } from "../errors";

export function requireLogin(req: Request, res: Response, next: NextFunction): void {
  if (req.session.user) return next();
  res.redirect(`/login?next=${encodeURIComponent(req.originalUrl)}`);
}

export function requireStaff(...roles: StaffRole[]) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const user = req.session.user;
    if (!user) return requireLogin(req, res, next);
    if (user.kind !== "staff" || (roles.length > 0 && !roles.includes(user.role))) {
      return next(new HttpError(403, "errors.forbidden"));
    }
    next();
  };
}

export const requireAdmin = requireStaff("admin");

export function requireFamily(req: Request, res: Response, next: NextFunction): void {
  const user = req.session.user;
  if (!user) return requireLogin(req, res, next);
  if (user.kind !== "family") return next(new HttpError(403, "errors.forbidden"));
  next();
}

export function staffUser(req: Request): Extract<NonNullable<Request["session"]["user"]>, { kind: "staff" }> {
  const user = req.session.user;
  if (!user || user.kind !== "staff") throw new HttpError(403, "errors.forbidden");
  return user;
}

export function familyUser(req: Request): Extract<NonNullable<Request["session"]["user"]>, { kind: "family" }> {
  const user = req.session.user;
  if (!user || user.kind !== "family") throw new HttpError(403, "errors.forbidden");
  return user;
}
