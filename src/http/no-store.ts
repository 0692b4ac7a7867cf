// Signed-in pages and exports show children's data: no browser or proxy may
// keep a copy (a shared family computer, a school's caching proxy).
import type { NextFunction, Request, Response } from "express";

export function noStoreWhenSignedIn(req: Request, res: Response, next: NextFunction): void {
  if (req.session.user) res.set("Cache-Control", "no-store");
  next();
}
