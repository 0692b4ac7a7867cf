// Instants are stored in UTC; people read them in the school's time zone
// (Setting "school.timezone", Asia/Shanghai by default).
import type { DataSource } from "typeorm";
import type { NextFunction, Request, Response } from "express";
import { Setting } from "../../db/entities";

const DEFAULT_ZONE = "Asia/Shanghai";
let cached: { zone: string; until: number } | null = null;

export async function schoolZone(ds: DataSource): Promise<string> {
  if (cached && cached.until > Date.now()) return cached.zone;
  const value = (await ds.getRepository(Setting).findOneBy({ key: "school.timezone" }))?.value || DEFAULT_ZONE;
  let zone = DEFAULT_ZONE;
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    zone = value;
  } catch { /* an unknown zone falls back to the default */ }
  cached = { zone, until: Date.now() + 60_000 };
  return zone;
}

/** "2026-08-30 18:00" in the given zone. */
export function formatInstant(iso: string | null | undefined, zone: string): string {
  if (!iso) return "";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString("sv-SE", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" });
}

/** Gives views `when(iso)`. */
export function whenLocal(ds: DataSource) {
  return async (_req: Request, res: Response, next: NextFunction): Promise<void> => {
    const zone = await schoolZone(ds);
    res.locals.when = (iso: string | null | undefined) => formatInstant(iso, zone);
    next();
  };
}
