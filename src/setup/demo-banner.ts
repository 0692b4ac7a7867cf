// Marks every page "演示数据 / demo data" while demo accounts exist. Mounted only
// when the start plan found the demo (development); the check is kept until the
// database changes, so `kehou demo remove` on a running server takes the banner away.
import type { NextFunction, Request, Response } from "express";
import type { DataSource } from "typeorm";
import { keptRead } from "../db";
import { demoPresent } from "./store";

export function demoBanner(ds: DataSource) {
  return async (_req: Request, res: Response, next: NextFunction): Promise<void> => {
    res.locals.demoData = await keptRead(ds, "demo.present", () => demoPresent(ds));
    next();
  };
}
