// The family timetable (issue 17): one child's own week. Each fact comes from
// its owner — today and what each date is from the kernel, the dated sessions
// (cancellations and cover applied) from the timetable reader, the child's
// clubs per date from the membership ledger. Read here: the family's children
// (for the switcher), the child's opt-in, and names for what is shown.
import type { DataSource } from "typeorm";
import { type Student, type Term, currentTerm, termPeriods } from "../db";
import { indexCalendar, schoolCalendar, schoolDay, schoolToday, type IsoDate } from "../kernel";
import { clubsOnDates } from "../membership";
import {
  childWeek,
  firstWeekDate,
  rowsOfChild,
  shownDates,
  termWeek,
  type ChildDay,
  type TermWeek,
} from "./core/child-week";
import { publishedOf, sessionsOnDates } from "./store/published";
import { allVenues, enrolledWeekdays, familyChildren, staffNames } from "./store/people";

export interface FamilyWeek {
  term: Term;
  child: Student;
  /** The family's children, for the switcher. */
  children: { id: number; name: string }[];
  week: TermWeek;
  /** False while the term has no published timetable (then no day has sessions). */
  published: boolean;
  today: IsoDate;
  days: ChildDay[];
  /** Display names: venues, and the staff who cover a session this week. */
  venues: Map<number, string>;
  covers: Map<number, string>;
}

/** The week of `studentId` (one of `familyId`'s children) holding `date` (today's by default); null when no term is current or the child is not the family's. */
export async function familyWeek(
  ds: DataSource,
  familyId: number,
  studentId: number,
  date: IsoDate | null,
): Promise<FamilyWeek | "noTerm" | null> {
  const [term, children] = await Promise.all([currentTerm(ds), familyChildren(ds, familyId)]);
  const child = children.find((c) => c.id === studentId);
  if (!child) return null;
  if (!term) return "noTerm";
  const today = await schoolToday(ds);
  const week = termWeek(
    date ?? firstWeekDate(schoolDay(today, indexCalendar((await schoolCalendar(ds, term)).specialDays))),
    term,
  );
  const self = { classId: child.classId, grade: child.schoolClass.grade };
  const clubs = await clubsOnDates(ds, child.id, week.dates);
  const [dated, weekdays, periods, venues, published] = await Promise.all([
    sessionsOnDates(ds, week.dates, rowsOfChild(self, new Set([...clubs.values()].flat()))),
    enrolledWeekdays(ds, term.id, child.id),
    termPeriods(ds, term.id),
    allVenues(ds),
    publishedOf(ds, term.id),
  ]);
  const shown = new Set(
    shownDates(
      dated.flatMap((d) => (d.day ? [d.day] : [])),
      term,
    ).map((d) => d.date),
  );
  const days = childWeek(
    dated
      .filter((d) => shown.has(d.date))
      .map((d) => ({ day: d.day!, sessions: d.sessions, clubIds: clubs.get(d.date) ?? [] })),
    self,
    weekdays,
    new Map(periods.map((p) => [p.id, p])),
  );
  // Staff names only for a cover (代课), the one teacher a family needs to know about.
  const coverIds = [
    ...new Set(
      days.flatMap((d) =>
        d.sessions.filter((s) => s.session.covered && s.session.staffId !== null).map((s) => s.session.staffId!),
      ),
    ),
  ];
  const covers = await staffNames(ds, coverIds);
  return {
    term,
    child,
    children: children.map((c) => ({ id: c.id, name: c.name })),
    week,
    published: published.publishedAt !== null,
    today,
    days,
    venues: new Map(venues.map((v) => [v.id, v.name])),
    covers,
  };
}
