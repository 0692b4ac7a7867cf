// The school's time zone as pure functions: instants are stored as ISO UTC
// strings; admins type and families read them in the school's zone, whatever
// the server's own TZ is. The zone name comes from the kernel store.

export const DEFAULT_ZONE = "Asia/Shanghai";
/** The setting that holds the school's IANA time zone (written by setup; read only by the kernel store). */
export const SCHOOL_ZONE_KEY = "school.timezone";

// Building an Intl.DateTimeFormat costs far more than using one, and one is
// built per zone name at most (zone rules do not change while we run).
const formats = new Map<string, Intl.DateTimeFormat | null>();

function formatFor(zone: string): Intl.DateTimeFormat | null {
  let format = formats.get(zone);
  if (format === undefined) {
    try {
      format = new Intl.DateTimeFormat("en-US", {
        timeZone: zone,
        hourCycle: "h23",
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
        hour: "2-digit",
        minute: "2-digit",
        second: "2-digit",
      });
    } catch {
      format = null;
    }
    if (formats.size < 100) formats.set(zone, format);
  }
  return format;
}

/** Is `zone` an IANA zone this runtime knows? */
export function isKnownZone(zone: string): boolean {
  return formatFor(zone) !== null;
}

/** The zone to use for a stored setting: the default when it is missing or unknown. */
export function zoneOrDefault(value: string | null | undefined): string {
  return value && isKnownZone(value) ? value : DEFAULT_ZONE;
}

interface Wall {
  y: number;
  mo: number;
  d: number;
  h: number;
  mi: number;
  s: number;
}

// The wall-clock fields of an instant in a zone.
function wallClock(ms: number, zone: string): Wall {
  const format = formatFor(zone);
  if (!format) throw new RangeError(`Invalid time zone specified: ${zone}`);
  const parts = format.formatToParts(new Date(ms));
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return { y: get("year"), mo: get("month"), d: get("day"), h: get("hour"), mi: get("minute"), s: get("second") };
}

const pad = (n: number) => String(n).padStart(2, "0");

/** "2026-09-10T18:00" (what a datetime-local input shows) for an ISO instant. */
export function toLocalInput(iso: string, zone: string): string {
  const w = wallClock(Date.parse(iso), zone);
  return `${w.y}-${pad(w.mo)}-${pad(w.d)}T${pad(w.h)}:${pad(w.mi)}`;
}

/** "2026-09-10": the school's calendar date at an instant. */
export function localDate(at: Date, zone: string): string {
  return toLocalInput(at.toISOString(), zone).slice(0, 10);
}

/** "2026-09-10 18:00" for pages and receipts. */
export function formatLocal(iso: string, zone: string): string {
  return toLocalInput(iso, zone).replace("T", " ");
}

/**
 * formatLocal for a stored instant that may be missing or malformed: "" when
 * missing, the text itself when it is no date, its first 16 characters when the
 * zone is unknown. Pages show these (last published, offer expiry) and must not fail.
 */
export function formatStored(iso: string | null | undefined, zone: string): string {
  if (!iso) return "";
  if (Number.isNaN(Date.parse(iso))) return iso;
  return formatFor(zone) ? formatLocal(iso, zone) : iso.slice(0, 16).replace("T", " ");
}

// Offset of the zone from UTC at an instant, to the second.
function offsetMs(ms: number, zone: string): number {
  const w = wallClock(ms, zone);
  return Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi, w.s) - Math.floor(ms / 1000) * 1000;
}

// Shift by the zone's offset at that moment; a second pass settles DST edges.
function fromWall(asUtc: number, zone: string): Date {
  const first = asUtc - offsetMs(asUtc, zone);
  return new Date(asUtc - offsetMs(first, zone));
}

/** The ISO UTC instant of a datetime-local value read in the school zone, or null when malformed. */
export function fromLocalInput(value: string, zone: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2})?$/.exec(value);
  if (!m) return null;
  const [y, mo, d, h, mi] = m.slice(1).map(Number);
  const asUtc = Date.UTC(y, mo - 1, d, h, mi);
  const check = new Date(asUtc);
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59) return null;
  return fromWall(asUtc, zone).toISOString();
}

/** The instant at which the wall clock in `zone` shows `date` `time` (HH:MM or HH:MM:SS). */
export function wallClockToUtc(date: string, time: string, zone: string): Date {
  const [h, mi, s = 0] = time.split(":").map(Number);
  return fromWall(Date.parse(`${date}T00:00:00Z`) + ((h * 60 + mi) * 60 + s) * 1000, zone);
}
