// Instants are stored in UTC; people read them in the school's time zone
// (setting "school.timezone", Asia/Shanghai when unset).
import type { EntityManager } from "typeorm";
import { schoolZone } from "../choices/school-time";

// The one reading of the setting (validated, kept until the next write).
export function schoolTimeZone(em: EntityManager): Promise<string> {
  return schoolZone(em);
}

// Building an Intl.DateTimeFormat costs far more than formatting with one:
// keep one per zone (zone rules do not change while we run).
const formats = new Map<string, Intl.DateTimeFormat>();

function formatFor(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    // The Swedish locale writes dates as YYYY-MM-DD HH:MM, whatever the zone.
    format = new Intl.DateTimeFormat("sv-SE", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" });
    if (formats.size < 100) formats.set(timeZone, format);
  }
  return format;
}

/** "2026-09-01T08:40:00.000Z" in Asia/Shanghai → "2026-09-01 16:40". */
export function localTime(iso: string | null, timeZone: string): string {
  if (!iso) return "";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  try {
    return formatFor(timeZone).format(date);
  } catch {
    return iso.slice(0, 16).replace("T", " ");
  }
}
