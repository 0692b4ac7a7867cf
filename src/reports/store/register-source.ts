// The registers as the reports read them: every session of the term that has
// happened (the timetable's sessionsOn, so a cancelled session expects nobody),
// who it expected (the same roster rule as the register page: club members from
// the membership ledger, everyone else by opt-in, class and grade), and the marks
// taken. Days from the school's today on are planned and not read at all.
import { type DataSource, Between, In } from "typeorm";
import { ServiceEnrollment, Student } from "../../db";
import { Attendance, expectedIn, rosterChildren, type RosterContext } from "../../attendance";
import { hasHappened, type HeldSession, type RegisterMark } from "../core";
import { sessionsOn } from "../../timetable";
import { membersOnDates } from "../../membership";
import type { TermContext } from "./report-data";

export interface Registers {
  sessions: HeldSession[];
  marks: RegisterMark[];
}

/** `only: "clubs"` reads the club sessions alone (the club report needs no homework-help rosters). */
export async function termRegisters(
  ds: DataSource,
  ctx: TermContext,
  today: string,
  only?: "clubs",
): Promise<Registers> {
  const dates = ctx.cal.dates.filter((d) => hasHappened(d, today));
  if (dates.length === 0) return { sessions: [], marks: [] };
  const clubIds = [...new Set(ctx.entries.flatMap((e) => (e.clubId == null ? [] : [e.clubId])))];
  const [roster, members, marks] = await Promise.all([
    rosterContext(ds, ctx.cal.term.id),
    membersOnDates(ds, clubIds, dates),
    ds.getRepository(Attendance).find({
      where: {
        date: Between(dates[0], dates[dates.length - 1]),
        ...(only === "clubs" ? { entryId: In(clubEntries(ctx)) } : {}),
      },
      select: { entryId: true, date: true, studentId: true, status: true },
    }),
  ]);
  const sessions: HeldSession[] = [];
  for (const date of dates) {
    const weekday = ctx.cal.weekdayOf.get(date)!;
    const day: RosterContext = { ...roster, membersOf: members.get(date) ?? new Map<number, Set<number>>() };
    for (const s of (await sessionsOn(ds.manager, date)).sessions) {
      if (only === "clubs" && s.entry.clubId == null) continue;
      sessions.push({
        entryId: String(s.entry.id),
        date,
        clubId: s.entry.clubId == null ? null : String(s.entry.clubId),
        cancelled: s.cancelled,
        expected: day.children.filter((c) => expectedIn(s.entry, weekday, c, day)).map((c) => String(c.id)),
      });
    }
  }
  return {
    sessions,
    marks: marks.map((m) => ({
      entryId: String(m.entryId),
      date: m.date,
      studentId: String(m.studentId),
      status: m.status,
    })),
  };
}

const clubEntries = (ctx: TermContext) => ctx.entries.filter((e) => e.clubId != null).map((e) => e.id);

// The children and their opt-ins once for the whole term; club members change by date and come per day.
async function rosterContext(ds: DataSource, termId: number): Promise<RosterContext> {
  const [students, enrollments] = await Promise.all([
    ds.getRepository(Student).find({ where: { archived: false }, relations: { schoolClass: true } }),
    ds.getRepository(ServiceEnrollment).find({ where: { termId }, select: { studentId: true, weekdays: true } }),
  ]);
  return {
    children: rosterChildren(students),
    enrolledDays: new Map(enrollments.map((e) => [e.studentId, e.weekdays])),
    membersOf: new Map(),
  };
}
