// Maps the database to the policy core's PolicyInput: the term calendar, periods,
// daily sport, the timetable (the admin's draft, or the published snapshot), the
// people, rooms and clubs in it, and the homework log. Ids become strings.
import { type DataSource, Between, In } from "typeorm";
import { Club, DailySport, Period, SchoolClass, Staff, Term, TimetableEntry, Venue } from "../../db";
import { HomeworkEntry } from "../../homework";
import { calendarEntries, isTimetableWeekday, type CalendarEntry } from "../../kernel";
import type * as P from "../core";
import { loadHeadcount, type Headcount } from "./headcount";
import { loadPolicySettings } from "./settings";
import type { SettingProblem } from "../core";
import { policyRules } from "../rules-registry";
import { publishedOf } from "../../timetable";
import { clubMemberCounts, type PendingRound } from "./club-sizes";
import { loadChildren } from "./children";

export interface PolicyData {
  input: P.PolicyInput;
  /** Staff number by staff id, for links to the staff page. */
  staffNumbers: Map<string, string>;
  settingProblems: SettingProblem[];
}

export interface PolicyInputOptions {
  /** "draft" (default) checks the admin's working entries; "published" what families and staff see. */
  timetable?: "draft" | "published";
  /** Expected session sizes need every child's class and opt-ins; the homework check can skip them. */
  sizes?: boolean;
  /** An allocation run about to be published: its result stands in for its round's members. */
  pending?: PendingRound;
}

const NO_SIZES: Headcount = { ofClass: () => 0, ofGrade: () => 0 };

/** The fields of a timetable row the rules read: a draft entry or a published one alike. */
type EntryRow = Pick<
  TimetableEntry,
  "id" | "weekday" | "periodId" | "kind" | "grades" | "classId" | "clubId" | "staffId" | "venueId"
>;

const str = (id: number | null | undefined): string | undefined => (id == null ? undefined : String(id));

// The kernel reads the calendar; policy's input carries it as plain data.
function specialDay(d: CalendarEntry): P.SpecialDay {
  const out: P.SpecialDay = { date: d.date, kind: d.kind, name: d.name };
  if (isTimetableWeekday(d.runsWeekday)) out.runsWeekday = d.runsWeekday;
  return out;
}

async function timetableRows(ds: DataSource, termId: number, which: "draft" | "published"): Promise<EntryRow[]> {
  // What families see, as every other page reads it (bad rows left out alike);
  // before the first publication the draft is what will be published.
  if (which === "published") {
    const published = await publishedOf(ds.manager, termId);
    if (published.publishedAt) return published.rows;
  }
  return ds.getRepository(TimetableEntry).find({ where: { termId }, order: { id: "ASC" } });
}

// A club session expects at most its capacity (members once allocated); a class session the
// class; a grade-wide session its grade, shared among the grade-wide sessions of that slot.
function expectedSize(
  row: EntryRow,
  rows: EntryRow[],
  clubs: Map<number, Club>,
  heads: Headcount,
  members: Map<number, number> | null,
): number {
  if (row.clubId != null && clubs.has(row.clubId))
    return members ? (members.get(row.clubId) ?? 0) : clubs.get(row.clubId)!.maxSize;
  if (row.classId != null) return heads.ofClass(row.classId, row.weekday);
  const sharing = (grade: number) =>
    rows.filter(
      (r) =>
        r.weekday === row.weekday &&
        r.periodId === row.periodId &&
        r.classId == null &&
        r.clubId == null &&
        r.grades.includes(grade),
    ).length;
  return row.grades.reduce((sum, g) => sum + Math.ceil(heads.ofGrade(g, row.weekday) / Math.max(1, sharing(g))), 0);
}

function toEntry(
  row: EntryRow,
  rows: EntryRow[],
  clubs: Map<number, Club>,
  heads: Headcount,
  members: Map<number, number> | null,
): P.TimetableEntry {
  return {
    id: String(row.id),
    weekday: row.weekday as P.TimetableWeekday,
    periodId: String(row.periodId),
    kind: row.kind,
    grades: row.grades,
    classId: str(row.classId),
    clubId: str(row.clubId),
    staffId: str(row.staffId),
    venueId: str(row.venueId),
    expectedSize: expectedSize(row, rows, clubs, heads, members),
  };
}

export async function loadPolicyInput(
  ds: DataSource,
  termId: number,
  options: PolicyInputOptions = {},
): Promise<PolicyData> {
  const term = await ds.getRepository(Term).findOneByOrFail({ id: termId });
  const [days, periods, sport, classes, venues, clubs, rows, heads, members, people] = await Promise.all([
    calendarEntries(ds, termId),
    ds.getRepository(Period).find({ where: { termId }, order: { position: "ASC", id: "ASC" } }),
    ds.getRepository(DailySport).find({ where: { termId } }),
    ds.getRepository(SchoolClass).find({ where: { archived: false }, order: { grade: "ASC", id: "ASC" } }),
    ds.getRepository(Venue).find({ order: { id: "ASC" } }),
    ds.getRepository(Club).find({ where: { termId, cancelled: false }, order: { id: "ASC" } }),
    timetableRows(ds, termId, options.timetable ?? "draft"),
    options.sizes === false ? NO_SIZES : loadHeadcount(ds, termId),
    options.sizes === false ? null : clubMemberCounts(ds, termId, options.pending),
    // Per-child checks need every child's days and seats; the homework check does not.
    options.sizes === false ? null : loadChildren(ds, termId, term.startDate, term.endDate),
  ]);
  const entryRows = rows.filter((r) => isTimetableWeekday(r.weekday));
  const staffIds = [...new Set(entryRows.map((r) => r.staffId).filter((id): id is number => id != null))];
  const staff = staffIds.length
    ? await ds.getRepository(Staff).find({ where: { id: In(staffIds) }, order: { id: "ASC" } })
    : [];
  const homework = await ds
    .getRepository(HomeworkEntry)
    .find({ where: { date: Between(term.startDate, term.endDate) }, order: { id: "ASC" } });
  const clubById = new Map(clubs.map((c) => [c.id, c]));
  const gradeOf = new Map(classes.map((c) => [c.id, c.grade]));
  const { settings, problems } = await loadPolicySettings(ds, policyRules());

  const input: P.PolicyInput = {
    term: { startDate: term.startDate, endDate: term.endDate, specialDays: days.map(specialDay) },
    settings,
    grades: [...new Set(classes.map((c) => c.grade))].sort((a, b) => a - b),
    classes: classes.map((c) => ({ id: String(c.id), grade: c.grade, name: c.name })),
    periods: periods.map((p) => ({
      id: String(p.id),
      name: p.name,
      start: p.startTime,
      end: p.endTime,
      grades: p.grades,
    })),
    entries: entryRows.map((r) => toEntry(r, entryRows, clubById, heads, members)),
    dailySport: sport
      .filter((s) => isTimetableWeekday(s.weekday))
      .map((s) => ({
        grade: s.grade,
        weekday: s.weekday as P.TimetableWeekday,
        peMinutes: s.peMinutes,
        breakMinutes: s.breakMinutes,
      })),
    staff: staff.map((s) => ({
      id: String(s.id),
      name: s.name,
      kind: s.role === "external" ? "external" : "teacher",
      ...(s.vettedOn ? { vettedOn: s.vettedOn } : {}),
    })),
    venues: venues.map((v) => ({ id: String(v.id), name: v.name, capacity: v.capacity })),
    // Members come from a published allocation; until then size rules stay quiet.
    clubs: clubs.map((c) => ({
      id: String(c.id),
      name: c.name,
      minSize: c.minSize,
      maxSize: c.maxSize,
      ...(members ? { members: members.get(c.id) ?? 0 } : {}),
    })),
    homework: homework
      .filter((h) => gradeOf.has(h.classId))
      .map((h) => ({
        id: String(h.id),
        classId: String(h.classId),
        grade: gradeOf.get(h.classId)!,
        date: h.date,
        subject: h.subject,
        tier: h.tier,
        written: h.written,
        minutes: h.minutes,
      })),
    ...(people ?? {}),
  };
  return { input, staffNumbers: new Map(staff.map((s) => [String(s.id), s.staffNumber])), settingProblems: problems };
}
