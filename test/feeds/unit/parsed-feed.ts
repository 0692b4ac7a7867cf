// Reads a feed back with node-ical (an independent parser) and expands every
// RRULE itself: occurrences minus EXDATEs, in the school's zone.
import * as ical from "node-ical";

export interface ParsedMeeting {
  uid: string;
  /** The session key: UID without "@domain" and without a make-up "+YYYYMMDD". */
  uidBase: string;
  date: string;
  start: string;
  end: string;
}

export function textOf(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "string") return value;
  return String((value as { val: unknown }).val);
}

export function uidBase(uid: string): string {
  return uid.replace(/@[^@]*$/, "").replace(/\+\d{8}$/, "");
}

/** Local "YYYY-MM-DD" and "HH:MM" of an instant in `timeZone`. */
export function localDateTime(instant: Date, timeZone: string): { date: string; time: string } {
  const parts: Record<string, string> = {};
  const f = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  });
  for (const p of f.formatToParts(instant)) parts[p.type] = p.value;
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

export function parseEvents(ics: string): ical.VEvent[] {
  return Object.values(ical.sync.parseICS(ics)).filter((c): c is ical.VEvent => c?.type === "VEVENT");
}

/** Every meeting the feed describes between `from` and `to`, with the EXDATEs that removed nothing. */
export function meetingsInFeed(
  ics: string,
  timeZone: string,
  from: Date,
  to: Date,
): { meetings: ParsedMeeting[]; idleExdates: string[] } {
  const meetings: ParsedMeeting[] = [];
  const idleExdates: string[] = [];
  for (const ev of parseEvents(ics)) {
    // All-day events are the school calendar's days (holidays …), not meetings.
    if (ev.datetype === "date") continue;
    const length = ev.end!.getTime() - ev.start.getTime();
    let starts = [ev.start as Date];
    if (ev.rrule) {
      const all = ev.rrule.between(from, to, true);
      const excluded = new Set(Object.values(ev.exdate ?? {}).map((d) => d.getTime()));
      const allTimes = new Set(all.map((d) => d.getTime()));
      for (const t of excluded) if (!allTimes.has(t)) idleExdates.push(`${ev.uid} ${new Date(t).toISOString()}`);
      starts = all.filter((d) => !excluded.has(d.getTime()));
    }
    for (const s of starts) {
      const begin = localDateTime(s, timeZone);
      meetings.push({
        uid: ev.uid,
        uidBase: uidBase(ev.uid),
        date: begin.date,
        start: begin.time,
        end: localDateTime(new Date(s.getTime() + length), timeZone).time,
      });
    }
  }
  return { meetings, idleExdates };
}

/** The ICS with folded lines joined back (RFC 5545 §3.1). */
export function unfold(ics: string): string[] {
  return ics.replace(/\r\n[ \t]/g, "").split("\r\n");
}

/** Unfolded lines of each VEVENT, keyed by UID. */
export function eventBlocks(ics: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  let current: string[] | null = null;
  for (const line of unfold(ics)) {
    if (line === "BEGIN:VEVENT") current = [];
    else if (line === "END:VEVENT" && current) {
      const uid = current.find((l) => l.startsWith("UID:"))!.slice(4);
      out.set(uid, current);
      current = null;
    } else if (current) current.push(line);
  }
  return out;
}
