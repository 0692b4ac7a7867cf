// Maps a feed's context (rows from the database) to the calendar core's
// FeedInput. Pure: the HTTP feed and `kehou ical` both call it, so they print
// the same bytes. Text is in the school's default language (zh-CN): one feed
// URL serves every client, whatever language its owner reads the site in.
import type { FeedInput, SchoolWeekday, SpecialDay, WeeklySession } from "..";
import { cancellationOf, coverOf, datesBetween, SCHOOL_ZONE_KEY, zoneOrDefault } from "../../kernel/core";
import { activeOn } from "../../membership";
import type { FeedContext, PublishedEntry } from "./feed-context";

type ClubSpan = FeedContext["placed"][number];
import { clubSessions, staffSessions, studentSessions, venueSessions } from "./session-rules";

export type Translate = (key: string, params?: Record<string, unknown>) => string;

export const DEFAULT_UID_DOMAIN = "kehou.local";

/** The feed's name and sessions; null when its subject is gone (deleted, archived, left, not this term). */
function subjectOf(ctx: FeedContext, placed: ClubSpan[], t: Translate): { name: string; entries: PublishedEntry[] } | null {
  const { kind, id } = ctx.subject;
  const school = ctx.settings.get("school.name") ?? "";
  if (kind === "staff") {
    const staff = ctx.staff.get(id);
    return staff?.active ? { name: t("feeds.ics.name.staff", { school, name: staff.name }), entries: [...staffSessions(ctx.entries, id), ...coveredBy(ctx, id)] } : null;
  }
  if (kind === "student") {
    const child = ctx.student;
    return child && child.id === id
      ? { name: t("feeds.ics.name.student", { school, name: child.name }), entries: studentSessions(ctx.entries, child, placed.map((p) => p.clubId), ctx.enrollment) }
      : null;
  }
  if (kind === "club") {
    const club = ctx.clubs.get(id);
    return club ? { name: t("feeds.ics.name.club", { school, name: club.name }), entries: clubSessions(ctx.entries, id) } : null;
  }
  if (kind === "venue") {
    const venue = ctx.venues.get(id);
    return venue !== undefined ? { name: t("feeds.ics.name.venue", { school, name: venue }), entries: venueSessions(ctx.entries, id) } : null;
  }
  return id === 0 ? { name: t("feeds.ics.name.school", { school }), entries: ctx.entries } : null;
}

// The kind is added to the title unless the title already says it ("一年级体育活动").
function summaryOf(e: PublishedEntry, t: Translate): string {
  const kind = t(`kind.${e.kind}`, { defaultValue: "" });
  return kind === "" || e.title.includes(kind) ? e.title : t("feeds.ics.summary", { title: e.title, kind });
}

// How many children the session is for: the class, the grade(s), or the club's places.
function groupLine(e: PublishedEntry, ctx: FeedContext, t: Translate): string | null {
  if (e.clubId !== null) {
    const club = ctx.clubs.get(e.clubId);
    return club ? t("feeds.ics.places", { count: club.maxSize }) : null;
  }
  if (e.classId !== null) return t("feeds.ics.size", { count: ctx.classSizes.get(e.classId) ?? 0 });
  let count = 0;
  for (const [classId, c] of ctx.classes) if (e.grades.includes(c.grade)) count += ctx.classSizes.get(classId) ?? 0;
  return t("feeds.ics.size", { count });
}

function sessionOf(e: PublishedEntry, ctx: FeedContext, t: Translate, off: string[] = []): WeeklySession | null {
  const period = ctx.periods.get(e.periodId);
  // An entry whose period was deleted has no time of day, and one outside
  // Mon–Fri (a snapshot edited by hand) no weekly slot: neither can be placed.
  if (!period || e.weekday < 1 || e.weekday > 5) return null;
  const staff = e.staffId === null ? undefined : ctx.staff.get(e.staffId);
  // Homework help is held in the class's own room, which has no venue row.
  const location = (e.venueId === null ? undefined : ctx.venues.get(e.venueId)) ?? (e.classId === null ? undefined : ctx.classes.get(e.classId)?.name);
  const description = [staff ? t("feeds.ics.staff", { name: staff.name }) : null, groupLine(e, ctx, t)].filter((l) => l !== null).join("\n");
  return {
    key: `entry-${e.id}`,
    weekday: e.weekday as SchoolWeekday,
    start: period.start,
    end: period.end,
    summary: summaryOf(e, t),
    location,
    description,
    sequence: e.sequence,
    lastModified: e.updatedAt,
    ...(off.length ? { cancelledDates: off } : {}),
  };
}

function specialDaysOf(ctx: FeedContext): SpecialDay[] {
  return ctx.days.map((d) => ({
    date: d.date, kind: d.kind, name: d.name,
    ...(d.kind === "makeup" ? { runsWeekday: (d.runsWeekday ?? undefined) as SchoolWeekday } : {}),
  }));
}

// A child's club meets in their feed only on the dates the ledger has them in it:
// a seat taken from an offer mid-term, or given up, is not on the other dates.
function datesNotHeld(clubId: number, placed: ClubSpan[], term: { startDate: string; endDate: string }): string[] {
  const spans = placed.filter((p) => p.clubId === clubId).map((p) => ({ ...p, studentId: 0 }));
  return datesBetween(term.startDate, term.endDate).filter((date) => !spans.some((s) => activeOn(s, date)));
}

// The sessions of others a staff member covers (代课) on some date.
function coveredBy(ctx: FeedContext, staffId: number): PublishedEntry[] {
  const covers = [...ctx.dateChanges.values()].flatMap((f) => f.covers);
  return ctx.entries.filter((e) => e.staffId !== staffId && covers.some((c) => c.entryId === e.id && c.staffId === staffId));
}

// The dates an entry does not meet in this feed: cancelled (the kernel's rule for a
// session or a day); in a staff feed, led by another (a cover) or, for a session
// the subject only covers, every date they do not cover; in a child's feed, a club
// the child does not hold that date.
function datesOff(e: PublishedEntry, ctx: FeedContext, placed: ClubSpan[], term: { startDate: string; endDate: string }): string[] {
  const off = new Set<string>();
  const staffId = ctx.subject.kind === "staff" ? ctx.subject.id : null;
  const covering = new Set<string>();
  for (const [date, facts] of ctx.dateChanges) {
    if (cancellationOf(facts, e)) off.add(date);
    const cover = coverOf(facts, e.id);
    if (staffId !== null && cover && cover.staffId !== staffId) off.add(date);
    if (staffId !== null && cover?.staffId === staffId) covering.add(date);
  }
  if (staffId !== null && e.staffId !== staffId) for (const date of datesBetween(term.startDate, term.endDate)) if (!covering.has(date)) off.add(date);
  if (ctx.subject.kind === "student" && e.clubId !== null) for (const date of datesNotHeld(e.clubId, placed, term)) off.add(date);
  return [...off].sort();
}

/** Why a feed cannot be built: no term is current, or its subject is gone. */
export type NoFeed = "no-term" | "no-subject";

/** The FeedInput of the context's subject. */
export function feedInputOf(ctx: FeedContext, placed: ClubSpan[], t: Translate): FeedInput | NoFeed {
  if (!ctx.term) return "no-term";
  const subject = subjectOf(ctx, placed, t);
  const term = ctx.term;
  if (!subject) return "no-subject";
  return {
    name: subject.name.trim(),
    timezone: zoneOrDefault(ctx.settings.get(SCHOOL_ZONE_KEY)),
    uidDomain: ctx.settings.get("calendar.uidDomain") ?? DEFAULT_UID_DOMAIN,
    term: { startDate: ctx.term.startDate, endDate: ctx.term.endDate },
    specialDays: specialDaysOf(ctx),
    sessions: subject.entries.map((e) => sessionOf(e, ctx, t, datesOff(e, ctx, placed, term))).filter((s) => s !== null),
  };
}
