// The context row, parsed and checked: plain maps and lists the pure mapping
// reads, with the published timetable's entries beside them.
import { z } from "zod";
import { countsOn } from "../membership";
import type { DatedSession, EntryRow } from "../timetable";
import type { ContextRow, Subject } from "./context-store";
import { FEED_KINDS } from "./entities";

/** One entry of the published snapshot (Timetable.published): what families and staff see. */
export type PublishedEntry = EntryRow;

const id = z.number().int();

const schemas = {
  settings: z.array(z.object({ key: z.string(), value: z.string() })),
  days: z.array(
    z.object({
      date: z.string(),
      kind: z.enum(["holiday", "exam", "makeup", "event"]),
      runsWeekday: z.number().int().nullable(),
      name: z.string(),
    }),
  ),
  periods: z.array(z.object({ id, start: z.string(), end: z.string() })),
  venues: z.array(z.object({ id, name: z.string() })),
  staff: z.array(z.object({ id, name: z.string(), active: z.number() })),
  classes: z.array(z.object({ id, grade: z.number().int(), name: z.string() })),
  classSizes: z.array(z.object({ classId: id, size: z.coerce.number() })),
  clubs: z.array(z.object({ id, name: z.string(), maxSize: z.number().int() })),
  members: z.array(z.object({ clubId: id, studentId: id, fromDate: z.string(), toDate: z.string().nullable() })),
  student: z.object({ id, name: z.string(), classId: id, grade: z.number().int() }).nullable(),
  enrollment: z.array(z.number().int()).nullable(),
  placed: z.array(z.object({ clubId: id, fromDate: z.string(), toDate: z.string().nullable() })),
  optIns: z.array(z.object({ classId: id, weekdays: z.string(), size: z.coerce.number() })),
};

export interface FeedContext {
  subject: Subject;
  term: { startDate: string; endDate: string } | null;
  settings: Map<string, string>;
  days: z.infer<typeof schemas.days>;
  periods: Map<number, { start: string; end: string }>;
  venues: Map<number, string>;
  staff: Map<number, { name: string; active: boolean }>;
  classes: Map<number, { grade: number; name: string }>;
  classSizes: Map<number, number>;
  clubs: Map<number, { name: string; maxSize: number }>;
  /** Each club's members on the school's today clamped into the term (the membership ledger's count); a club without any is absent. */
  clubMembers: Map<number, number>;
  student: z.infer<typeof schemas.student>;
  /** The child's opted-in weekdays this term; null when the family has not answered. */
  enrollment: number[] | null;
  /** The child's memberships this term (every published round, from the membership ledger), each with its dates; [] for other feeds. */
  placed: z.infer<typeof schemas.placed>;
  /** The published snapshot; [] when nothing is published. */
  entries: PublishedEntry[];
  /** Children opted in per class and weekday ("classId|weekday"); null before any family has answered. */
  optIns: Map<string, number> | null;
  /** The term's sessions a per-date change touches (src/timetable: changedSessionsOfTerm). */
  changed: DatedSession[];
}

// Rows are (class, set of weekdays, children): summed per class and weekday.
function optInsOf(rows: z.infer<typeof schemas.optIns>): Map<string, number> | null {
  if (rows.length === 0) return null;
  const out = new Map<string, number>();
  for (const r of rows) {
    for (const weekday of z.array(z.number().int()).parse(JSON.parse(r.weekdays))) {
      const key = `${r.classId}|${weekday}`;
      out.set(key, (out.get(key) ?? 0) + r.size);
    }
  }
  return out;
}

function json<K extends keyof typeof schemas>(key: K, value: unknown): z.infer<(typeof schemas)[K]> {
  const parsed =
    value === null || value === undefined ? null : typeof value === "string" ? (JSON.parse(value) as unknown) : value;
  return schemas[key].parse(parsed) as z.infer<(typeof schemas)[K]>;
}

const byId = <T extends { id: number }, V>(rows: T[], value: (row: T) => V) =>
  new Map(rows.map((r) => [r.id, value(r)]));

/** `entries`: the published timetable's rows (src/timetable: publishedTimetable), never the draft. */
export function parseContext(row: ContextRow, entries: PublishedEntry[], changed: DatedSession[] = []): FeedContext {
  const kind = z.enum(FEED_KINDS).parse(row.kind);
  return {
    subject: { kind, id: Number(row.subjectId) },
    term: row.termId === null ? null : { startDate: String(row.termStart), endDate: String(row.termEnd) },
    settings: new Map(json("settings", row.settings).map((s) => [s.key, s.value])),
    days: json("days", row.days),
    periods: byId(json("periods", row.periods), (p) => ({ start: p.start, end: p.end })),
    venues: byId(json("venues", row.venues), (v) => v.name),
    staff: byId(json("staff", row.staff), (s) => ({ name: s.name, active: s.active === 1 })),
    classes: byId(json("classes", row.classes), (c) => ({ grade: c.grade, name: c.name })),
    classSizes: new Map(json("classSizes", row.classSizes).map((c) => [c.classId, c.size])),
    clubs: byId(json("clubs", row.clubs), (c) => ({ name: c.name, maxSize: c.maxSize })),
    // No term, no today: no club to count either.
    clubMembers:
      row.today === null
        ? new Map<number, number>()
        : countsOn(json("members", row.members ?? "[]"), String(row.today)),
    student: json("student", row.student),
    enrollment: json("enrollment", row.enrollment),
    placed: json("placed", row.placed ?? "[]"),
    entries,
    optIns: optInsOf(json("optIns", row.optIns ?? "[]")),
    changed,
  };
}
