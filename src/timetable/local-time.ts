// Instants are stored in UTC; people read them in the school's time zone
// (setting "school.timezone", Asia/Shanghai when unset). The reading and the
// formatting live in choices/school-time, one formatter per zone.
import type { EntityManager } from "typeorm";
import { formatStored, schoolZone } from "../choices/school-time";

export function schoolTimeZone(em: EntityManager): Promise<string> {
  return schoolZone(em);
}

/** "2026-09-01T08:40:00.000Z" in Asia/Shanghai → "2026-09-01 16:40". */
export function localTime(iso: string | null, timeZone: string): string {
  return formatStored(iso, timeZone);
}
