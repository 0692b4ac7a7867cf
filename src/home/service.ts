// What each role sees first. Families see only their own children; a class
// teacher sees their class; teachers and instructors their sessions.
import type { DataSource } from "typeorm";
import { currentTerm, termPeriods } from "../db";
import { childrenOf, classesTaughtBy, familyById, rosterOf } from "./store";
import { adminHome } from "./admin-home";
import { staffChangesBetween, staffWeek } from "../timetable";
import { addDays, isoWeekday, schoolToday, weekStartOf } from "../kernel";
import type { SessionUser } from "../http";
import { familyRoundCard } from "../choices";
import { familyResultCard, isRoundPublished } from "../allocation";
import { homeAlerts } from "../attendance";
import { surveysToAnswer } from "../surveys";
import { interestCards } from "../interest";

export type Home = { view: "admin" | "class-teacher" | "teacher" | "family"; data: Record<string, unknown> };

export interface MySession {
  weekday: number;
  title: string;
  kind: string;
  time: string;
}

// Staff see only the published timetable, never the admin's draft.
async function sessionsOf(ds: DataSource, staffId: number): Promise<MySession[]> {
  const term = await currentTerm(ds.manager);
  if (!term) return [];
  const periods = new Map((await termPeriods(ds, term.id)).map((p) => [p.id, p]));
  return (await staffWeek(ds.manager, staffId))
    .sort(
      (a, b) =>
        a.weekday - b.weekday ||
        (periods.get(a.periodId)?.startTime ?? "").localeCompare(periods.get(b.periodId)?.startTime ?? ""),
    )
    .map((e) => {
      const p = periods.get(e.periodId);
      return { weekday: e.weekday, title: e.title, kind: e.kind, time: p ? `${p.startTime}–${p.endTime}` : "" };
    });
}

/** One of this week's per-date changes to a staff member's sessions. */
export interface MyDateChange {
  date: string;
  weekday: number;
  title: string;
  time: string;
  change: "covering" | "coveredByOther" | "cancelled";
  reason: string | null;
  register: string | null;
}

// This calendar week's changes (Monday to Sunday around the school's today): sessions the
// user covers (代课), with their register, and their own sessions cancelled or covered by someone else.
async function dateChangesOf(ds: DataSource, staffId: number): Promise<MyDateChange[]> {
  const term = await currentTerm(ds.manager);
  if (!term) return [];
  const monday = weekStartOf(await schoolToday(ds));
  const periods = new Map((await termPeriods(ds, term.id)).map((p) => [p.id, p]));
  return (await staffChangesBetween(ds.manager, staffId, monday, addDays(monday, 6))).map((s) => {
    const p = periods.get(s.entry.periodId);
    const change = s.cancelled !== null ? "cancelled" : s.staffId === staffId ? "covering" : "coveredByOther";
    return {
      date: s.date,
      weekday: isoWeekday(s.date),
      title: s.entry.title,
      time: p ? `${p.startTime}–${p.endTime}` : "",
      change,
      reason: s.cancelled,
      register: change === "covering" ? `/attendance/sessions/${s.entry.id}/${s.date}` : null,
    };
  });
}

export async function homeFor(ds: DataSource, user: SessionUser): Promise<Home> {
  if (user.kind === "family") {
    const family = await familyById(ds, user.id);
    const children = await childrenOf(ds, user.id);
    return {
      view: "family",
      data: {
        family,
        children,
        activeId: user.studentId,
        choiceCard: await familyRoundCard(ds, user.id, user.studentId, isRoundPublished),
        card: await familyResultCard(ds, user.id, user.studentId),
        attendanceAlerts: await homeAlerts(ds, user),
        openSurveys: await surveysToAnswer(ds, user.id),
        interestCards: await interestCards(ds, user.id),
      },
    };
  }
  if (user.role === "admin") {
    return { view: "admin", data: await adminHome(ds, user) };
  }
  const [sessions, dateChanges] = [await sessionsOf(ds, user.id), await dateChangesOf(ds, user.id)];
  if (user.role === "class_teacher") {
    const classes = await classesTaughtBy(ds, user.id);
    const roster = await rosterOf(ds, classes);
    return {
      view: "class-teacher",
      data: { classes, roster, sessions, dateChanges, attendanceAlerts: await homeAlerts(ds, user) },
    };
  }
  return { view: "teacher", data: { sessions, dateChanges, external: user.role === "external" } };
}
