// "Today" at the school, not on the server: the school's time zone setting (default Asia/Shanghai).
import type { DataSource } from "typeorm";
import { Setting } from "../db/entities";

export async function schoolToday(ds: DataSource, now: Date = new Date()): Promise<string> {
  const zone = (await ds.getRepository(Setting).findOneBy({ key: "school.timezone" }))?.value || "Asia/Shanghai";
  try {
    return new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
  } catch {
    return now.toISOString().slice(0, 10);
  }
}
