// Instants are stored in UTC; people read them in the school's time zone
// (Setting "school.timezone", Asia/Shanghai by default).
import type { DataSource } from "typeorm";
import type { NextFunction, Request, Response } from "express";
import { formatStored, schoolZone as choicesZone } from "../../choices/school-time";

// One reading of the setting for the whole app (choices/school-time keeps it until the next write).
export function schoolZone(ds: DataSource): Promise<string> {
  return choicesZone(ds.manager);
}

/** "2026-08-30 18:00" in the given zone. */
export const formatInstant = formatStored;

/** Gives views `when(iso)`. */
export function whenLocal(ds: DataSource) {
  return async (_req: Request, res: Response, next: NextFunction): Promise<void> => {
    const zone = await schoolZone(ds);
    res.locals.when = (iso: string | null | undefined) => formatInstant(iso, zone);
    next();
  };
}
