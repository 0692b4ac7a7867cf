// Child × school day, as day plans: what one child actually gets on one date (the
// sessions of their class and grade when enrolled that weekday, their own clubs'
// sessions, a supervised activity only when they have no club in its period).
// Many children share a plan (same grade, weekday, times), so each distinct plan
// is one fact, evaluated once, carrying the children who have it and on how many
// of their dates. A plan of a day the child is not enrolled is still checked for
// sport (PE and the long break alone), as a finding about the grade.
import { activeOn } from "../../../membership/core";
import { clockTime, unionMinutes, weekdayName } from "../clock";
import type { Child, Localized, PolicyFact, Seat, TimetableEntry } from "../types";
import { intervalsOf, type PolicyContext } from "./context";
import { fieldList } from "./fields";

export interface ChildDayValues {
  grade: number;
  weekday: number;
  weekdayName: Localized;
  /** The child opted in to the service on this weekday. */
  enrolled: boolean;
  hasClub: boolean;
  serviceStart?: string;
  serviceEnd?: string;
  /** First start to last end of the child's own sessions (breaks between periods included). */
  serviceMinutes: number;
  peMinutes: number;
  breakMinutes: number;
  serviceSportMinutes: number;
  sportMinutes: number;
  /** Children with this plan on at least one date. */
  childCount: number;
  /** Child-dates with this plan. */
  dayCount: number;
}

export const childDayFields = fieldList<ChildDayValues>({
  grade: true,
  weekday: true,
  weekdayName: true,
  enrolled: true,
  hasClub: true,
  serviceStart: true,
  serviceEnd: true,
  serviceMinutes: true,
  peMinutes: true,
  breakMinutes: true,
  serviceSportMinutes: true,
  sportMinutes: true,
  childCount: true,
  dayCount: true,
});

/** A distinct day plan: what a child's day looks like to the rules, who has it and on how many dates. */
export interface DayPlan {
  values: Omit<ChildDayValues, "childCount" | "dayCount">;
  children: Set<string>;
  days: number;
}

const isClub = (e: TimetableEntry) => e.kind === "club" || e.clubId !== undefined;

// Club members are expected at their club whatever the opt-in says; everything else needs the opt-in.
// A grade-wide activity is the supervised place (自主活动/托管) for the children with no club in its period.
function sessionsOf(
  ctx: PolicyContext,
  child: Child,
  weekday: number,
  enrolled: boolean,
  clubIds: Set<string>,
): TimetableEntry[] {
  const day = ctx.input.entries.filter((e) => e.weekday === weekday);
  const clubs = day.filter((e) => isClub(e) && e.clubId !== undefined && clubIds.has(e.clubId));
  if (!enrolled) return clubs;
  const clubPeriods = new Set(clubs.map((e) => e.periodId));
  const others = day.filter(
    (e) =>
      !isClub(e) &&
      e.grades.includes(child.grade) &&
      (e.classId === undefined || e.classId === child.classId) &&
      !(e.kind === "activity" && e.classId === undefined && clubPeriods.has(e.periodId)),
  );
  return [...others, ...clubs];
}

function planValues(
  ctx: PolicyContext,
  grade: number,
  weekday: number,
  enrolled: boolean,
  entries: TimetableEntry[],
): DayPlan["values"] {
  const all = intervalsOf(ctx, entries);
  const sport = intervalsOf(
    ctx,
    entries.filter((e) => e.kind === "sport"),
  );
  const start = all.length ? Math.min(...all.map((i) => i[0])) : undefined;
  const end = all.length ? Math.max(...all.map((i) => i[1])) : undefined;
  const daily = ctx.input.dailySport.find((s) => s.grade === grade && s.weekday === weekday);
  const pe = daily?.peMinutes ?? 0;
  const brk = daily?.breakMinutes ?? 0;
  const serviceSport = unionMinutes(sport);
  return {
    grade,
    weekday,
    weekdayName: weekdayName(weekday),
    enrolled,
    hasClub: entries.some(isClub),
    serviceStart: start === undefined ? undefined : clockTime(start),
    serviceEnd: end === undefined ? undefined : clockTime(end),
    serviceMinutes: start === undefined || end === undefined ? 0 : end - start,
    peMinutes: pe,
    breakMinutes: brk,
    serviceSportMinutes: serviceSport,
    sportMinutes: pe + brk + serviceSport,
  };
}

// A plan is what the rules read of a day: two classes whose homework runs at the same
// time, or two clubs in the same period, make the same plan.
const planKey = (v: DayPlan["values"]) =>
  [
    v.grade,
    v.weekday,
    v.enrolled,
    v.hasClub,
    v.serviceStart,
    v.serviceEnd,
    v.serviceMinutes,
    v.serviceSportMinutes,
    v.sportMinutes,
  ].join("|");

/** Every distinct day plan of the term's children over the term's school days. */
export function dayPlans(ctx: PolicyContext): Map<string, DayPlan> {
  const plans = new Map<string, DayPlan>();
  const seatsOf = new Map<string, Seat[]>();
  for (const s of ctx.input.seats ?? []) seatsOf.set(s.childId, [...(seatsOf.get(s.childId) ?? []), s]);
  // Children of one class with the same clubs and days share their plans: work each out once.
  const planOf = new Map<string, DayPlan>();
  for (const child of ctx.input.children ?? []) {
    // The ledger decides when a span holds (its dates are [from, to)); a child's clubs change only on its seats' dates.
    const seats = (seatsOf.get(child.id) ?? []).map((s) => ({
      studentId: 0,
      clubId: 0,
      club: s.clubId,
      fromDate: s.fromDate,
      toDate: s.toDate,
    }));
    const changes = [...new Set(seats.flatMap((s) => (s.toDate ? [s.fromDate, s.toDate] : [s.fromDate])))].sort();
    let next = 0; // the first change not yet passed (school days come in date order)
    let first = true;
    let clubs = "";
    let clubIds = new Set<string>();
    const mine = new Map<string, DayPlan>();
    for (const day of ctx.schoolDays) {
      if (first || (next < changes.length && day.date >= changes[next])) {
        while (next < changes.length && day.date >= changes[next]) next++;
        clubIds = new Set(seats.filter((s) => activeOn(s, day.date)).map((s) => s.club));
        clubs = [...clubIds].sort().join(",");
        first = false;
      }
      const enrolled = child.serviceDays.includes(day.weekday);
      const own = `${day.weekday}|${enrolled}|${clubs}`;
      let plan = mine.get(own);
      if (!plan) {
        const shared = `${child.classId}|${child.grade}|${own}`;
        plan = planOf.get(shared);
        if (!plan) {
          const values = planValues(
            ctx,
            child.grade,
            day.weekday,
            enrolled,
            sessionsOf(ctx, child, day.weekday, enrolled, clubIds),
          );
          const key = planKey(values);
          plan = plans.get(key) ?? { values, children: new Set(), days: 0 };
          plans.set(key, plan);
          planOf.set(shared, plan);
        }
        mine.set(own, plan);
      }
      plan.children.add(child.id);
      plan.days++;
    }
  }
  return plans;
}

const byNumber = (a: string, b: string) => Number(a) - Number(b) || a.localeCompare(b);

// One fact per distinct plan: rules run once per plan, not once per child and date.
export function childDayFacts(ctx: PolicyContext): PolicyFact<ChildDayValues>[] {
  return [...dayPlans(ctx).values()]
    .sort((a, b) => a.values.grade - b.values.grade || a.values.weekday - b.values.weekday)
    .map((plan) => ({
      kind: "childDay" as const,
      target: {
        kind: "grade-day" as const,
        grade: plan.values.grade,
        weekday: plan.values.weekday,
        children: [...plan.children].sort(byNumber),
      },
      values: { ...plan.values, childCount: plan.children.size, dayCount: plan.days },
    }));
}
