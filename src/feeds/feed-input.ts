// Maps a feed's context (rows from the database) to the calendar core's
// FeedInput. Pure: the HTTP feed and `kehou ical` both call it, so they print
// the same bytes. Text is in the school's default language (zh-CN): one feed
// URL serves every client, whatever language its owner reads the site in.
import type { DatedMeeting, FeedInput, SchoolWeekday, SpecialDay, WeeklySession } from "./core";
import { datesBetween, SCHOOL_ZONE_KEY, zoneOrDefault } from "../kernel/core";
import { activeOn } from "../membership";
import type { FeedContext, PublishedEntry } from "./feed-context";
import { clubSessions, staffSessions, studentSessions, venueSessions } from "./session-rules";

export type Translate = (key: string, params?: Record<string, unknown>) => string;

export const DEFAULT_UID_DOMAIN = "kehou.local";

type ClubSpan = FeedContext["placed"][number];

/** The feed's name and sessions; null when its subject is gone (deleted, archived, left, not this term). */
function subjectOf(
  ctx: FeedContext,
  placed: ClubSpan[],
  t: Translate,
): { name: string; entries: PublishedEntry[] } | null {
  const { kind, id } = ctx.subject;
  const school = ctx.settings.get("school.name") ?? "";
  if (kind === "staff") {
    const staff = ctx.staff.get(id);
    return staff?.active
      ? {
          name: t("feeds.ics.name.staff", { school, name: staff.name }),
          entries: staffSessions(ctx.entries, id, ctx.changed),
        }
      : null;
  }
  if (kind === "student") {
    const child = ctx.student;
    return child && child.id === id
      ? {
          name: t("feeds.ics.name.student", { school, name: child.name }),
          entries: studentSessions(
            ctx.entries,
            child,
            placed.map((p) => p.clubId),
            ctx.enrollment,
          ),
        }
      : null;
  }
  if (kind === "club") {
    const club = ctx.clubs.get(id);
    return club
      ? { name: t("feeds.ics.name.club", { school, name: club.name }), entries: clubSessions(ctx.entries, id) }
      : null;
  }
  if (kind === "venue") {
    const venue = ctx.venues.get(id);
    return venue !== undefined
      ? { name: t("feeds.ics.name.venue", { school, name: venue }), entries: venueSessions(ctx.entries, id) }
      : null;
  }
  return id === 0 ? { name: t("feeds.ics.name.school", { school }), entries: ctx.entries } : null;
}

// The kind is added to the title unless the title already says it ("一年级体育活动").
function summaryOf(e: PublishedEntry, t: Translate): string {
  const kind = t(`kind.${e.kind}`, { defaultValue: "" });
  return kind === "" || e.title.includes(kind) ? e.title : t("feeds.ics.summary", { title: e.title, kind });
}

// How many children the session is for: a club's members on the school's today (the
// ledger's count) beside its places, else the children of the
// class or grade(s) opted in on its weekday (the register's rule; the roll before any opt-in).
function groupLine(e: PublishedEntry, ctx: FeedContext, t: Translate): string | null {
  if (e.clubId !== null) {
    const club = ctx.clubs.get(e.clubId);
    return club ? t("feeds.ics.members", { count: ctx.clubMembers.get(e.clubId) ?? 0, places: club.maxSize }) : null;
  }
  const ofClass = (classId: number) =>
    ctx.optIns ? (ctx.optIns.get(`${classId}|${e.weekday}`) ?? 0) : (ctx.classSizes.get(classId) ?? 0);
  if (e.classId !== null) return t("feeds.ics.size", { count: ofClass(e.classId) });
  let count = 0;
  for (const [classId, c] of ctx.classes) if (e.grades.includes(c.grade)) count += ofClass(classId);
  return t("feeds.ics.size", { count });
}

/** Whose feed it is, for per-date changes: a staff feed follows cover, every other feed notes it. */
type Viewer = { staffId: number } | null;

// The entry's per-date changes: dates it does not meet (for a staff viewer also the dates
// a colleague covers it) and dates it meets under a cover, with that date's text.
function datedOf(
  e: PublishedEntry,
  ctx: FeedContext,
  t: Translate,
  viewer: Viewer,
  weekly: { summary: string; group: string | null },
) {
  const cancelledDates: string[] = [];
  const dated: DatedMeeting[] = [];
  for (const s of ctx.changed) {
    if (s.entry.id !== e.id) continue;
    if (s.cancelled !== null) cancelledDates.push(s.date);
    else if (s.covered && viewer && viewer.staffId !== s.staffId) cancelledDates.push(s.date);
    else if (s.covered) {
      const name = s.staffId === null ? "" : (ctx.staff.get(s.staffId)?.name ?? "");
      dated.push({
        date: s.date,
        summary: t("feeds.ics.coverSummary", { title: weekly.summary }),
        description: [t("feeds.ics.cover", { name }), weekly.group].filter((l) => l !== null).join("\n"),
      });
    }
  }
  return { cancelledDates, dated };
}

// A child's club meets in their feed only on the dates the ledger has them in it:
// a seat taken from an offer mid-term, or given up, is not on the other dates.
function datesNotHeld(clubId: number, placed: ClubSpan[], term: { startDate: string; endDate: string }): string[] {
  const spans = placed.filter((p) => p.clubId === clubId).map((p) => ({ ...p, studentId: 0 }));
  return datesBetween(term.startDate, term.endDate).filter((date) => !spans.some((s) => activeOn(s, date)));
}

// A grade-wide activity (托管) in a period where the child has a club is not theirs
// on the dates the ledger has them at that club (the roster's rule, date by date):
// before a top-up's seat starts, or after one is given up, it is.
function datesAtClub(
  e: PublishedEntry,
  entries: PublishedEntry[],
  placed: ClubSpan[],
  term: { startDate: string; endDate: string },
): string[] {
  const clubs = new Set(
    entries
      .filter((c) => c.clubId !== null && c.weekday === e.weekday && c.periodId === e.periodId)
      .map((c) => c.clubId),
  );
  const spans = placed.filter((p) => clubs.has(p.clubId)).map((p) => ({ ...p, studentId: 0 }));
  if (!spans.length) return [];
  return datesBetween(term.startDate, term.endDate).filter((date) => spans.some((s) => activeOn(s, date)));
}

// In a child's feed, the dates of an entry that are not the child's.
function notTheChilds(
  e: PublishedEntry,
  ctx: FeedContext,
  placed: ClubSpan[],
  term: { startDate: string; endDate: string },
): string[] {
  if (ctx.subject.kind !== "student") return [];
  if (e.clubId !== null) return datesNotHeld(e.clubId, placed, term);
  return e.kind === "activity" ? datesAtClub(e, ctx.entries, placed, term) : [];
}

/** `notHeld`: in a child's feed, the dates of the entry that are not the child's (club not held, or at their club instead of 托管). */
function sessionOf(
  e: PublishedEntry,
  ctx: FeedContext,
  t: Translate,
  viewer: Viewer,
  notHeld: readonly string[] = [],
): WeeklySession | null {
  const period = ctx.periods.get(e.periodId);
  // An entry whose period was deleted has no time of day, and one outside
  // Mon–Fri (a snapshot edited by hand) no weekly slot: neither can be placed.
  if (!period || e.weekday < 1 || e.weekday > 5) return null;
  const staff = e.staffId === null ? undefined : ctx.staff.get(e.staffId);
  // Homework help is held in the class's own room, which has no venue row.
  const location =
    (e.venueId === null ? undefined : ctx.venues.get(e.venueId)) ??
    (e.classId === null ? undefined : ctx.classes.get(e.classId)?.name);
  const group = groupLine(e, ctx, t);
  const description = [staff ? t("feeds.ics.staff", { name: staff.name }) : null, group]
    .filter((l) => l !== null)
    .join("\n");
  const summary = summaryOf(e, t);
  const { cancelledDates, dated } = datedOf(e, ctx, t, viewer, { summary, group });
  return {
    key: `entry-${e.id}`,
    weekday: e.weekday as SchoolWeekday,
    start: period.start,
    end: period.end,
    summary,
    location,
    description,
    sequence: e.sequence,
    lastModified: e.updatedAt,
    cancelledDates: [...new Set([...cancelledDates, ...notHeld])].sort(),
    dated: dated.filter((d) => !notHeld.includes(d.date)),
    // A colleague's session this teacher covers: only the covered dates are theirs.
    datedOnly: viewer !== null && e.staffId !== viewer.staffId,
  };
}

// Each special day is also an all-day event whose title says what the day is; a make-up
// day's sessions carry which weekday's timetable runs in their own title.
function specialDaysOf(ctx: FeedContext, t: Translate): SpecialDay[] {
  return ctx.days.map((d) => {
    if (d.kind === "makeup") {
      const weekday = t(`weekday.${d.runsWeekday}`);
      return {
        date: d.date,
        kind: d.kind,
        name: d.name,
        runsWeekday: (d.runsWeekday ?? undefined) as SchoolWeekday,
        title: t("feeds.ics.day.makeup", { weekday }),
        sessionNote: t("feeds.ics.day.makeupNote", { weekday }),
      };
    }
    const title =
      d.kind === "holiday" && d.name.includes(t("feeds.ics.day.holidayWord"))
        ? d.name
        : t(`feeds.ics.day.${d.kind}`, { name: d.name });
    return { date: d.date, kind: d.kind, name: d.name, title };
  });
}

/** Why a feed cannot be built: no term is current, or its subject is gone. */
export type NoFeed = "no-term" | "no-subject";

/** The FeedInput of the context's subject. */
export function feedInputOf(ctx: FeedContext, placed: ClubSpan[], t: Translate): FeedInput | NoFeed {
  if (!ctx.term) return "no-term";
  const term = ctx.term;
  const subject = subjectOf(ctx, placed, t);
  if (!subject) return "no-subject";
  const viewer: Viewer = ctx.subject.kind === "staff" ? { staffId: ctx.subject.id } : null;
  return {
    name: subject.name.trim(),
    timezone: zoneOrDefault(ctx.settings.get(SCHOOL_ZONE_KEY)),
    uidDomain: ctx.settings.get("calendar.uidDomain") ?? DEFAULT_UID_DOMAIN,
    term: { startDate: ctx.term.startDate, endDate: ctx.term.endDate },
    specialDays: specialDaysOf(ctx, t),
    sessions: subject.entries
      .map((e) => sessionOf(e, ctx, t, viewer, notTheChilds(e, ctx, placed, term)))
      .filter((s) => s !== null),
  };
}
