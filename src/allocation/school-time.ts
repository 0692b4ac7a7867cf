// Instants are stored in UTC; people read them in the school's time zone (the kernel's).
import type { DataSource } from "typeorm";
import type { NextFunction, Request, Response } from "express";
import { formatStored, schoolZone } from "../kernel";

/** Gives views `when(iso)`. */
export function whenLocal(ds: DataSource) {
  return async (_req: Request, res: Response, next: NextFunction): Promise<void> => {
    const zone = await schoolZone(ds);
    res.locals.when = (iso: string | null | undefined) => formatStored(iso, zone);
    next();
  };
}
