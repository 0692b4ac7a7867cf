// "Today" at the school, not on the server: the school's time zone setting (default Asia/Shanghai).
import type { DataSource } from "typeorm";
import { localDate, schoolZone } from "../choices/school-time";

export async function schoolToday(ds: DataSource, now: Date = new Date()): Promise<string> {
  return localDate(now, await schoolZone(ds.manager));
}
