// What the proposal pages show: the list with its form, and one run — its
// progress, and when it is done the proposal beside the draft, the moved
// sessions, the predicted outcome side by side and the unplaced clubs.
import type { DataSource } from "typeorm";
import { pageCount, type Page } from "../http";
import { proposalGrids, type GridModel, type PlanningWeek } from "../timetable";
import {
  bindingKey,
  bindings,
  type ProposalInstance,
  type ProposalMetrics,
  type ProposalResult,
  type UnplacedReason,
} from "./core";
import { slotKeyOf } from "./core/from-school";
import type { ProposalRun } from "./entities";
import { chooseDemand, defaultClubIds, defaultSlots } from "./instance-store";
import { activeRunOf, listRuns } from "./run-store";
import { sessionsOf } from "./run-service";

export const DEFAULT_OPTIONS = { budget: 200, timeLimit: 60, seed: 1 };
export const LIMITS = { budget: [1, 5000], timeLimit: [1, 600] } as const;

export interface FormValues {
  clubIds: number[];
  slots: string[];
  budget: string;
  timeLimit: string;
  seed: string;
}

export function defaultForm(week: PlanningWeek): FormValues {
  return {
    clubIds: defaultClubIds(week),
    slots: defaultSlots(week).map((s) => slotKeyOf(s.weekday, s.periodId)),
    budget: String(DEFAULT_OPTIONS.budget),
    timeLimit: String(DEFAULT_OPTIONS.timeLimit),
    seed: String(DEFAULT_OPTIONS.seed),
  };
}

export async function listPage(ds: DataSource, week: PlanningWeek, page: Page) {
  const { rows, total } = await listRuns(ds, week.termId, { offset: page.skip, limit: page.size });
  const demand = await chooseDemand(ds, week.termId);
  return {
    runs: rows.map((r) => ({ ...summaryOf(r), clubs: r.options.clubIds.length, slots: r.options.slots.length })),
    page: page.page,
    pages: pageCount(total, page.size),
    clubs: week.clubs.filter((c) => !c.cancelled).map((c) => ({ id: c.id, name: c.name, code: c.code })),
    periods: week.periods,
    weekdays: [1, 2, 3, 4, 5],
    demand: { source: demand.source, roundName: demand.roundName, children: demand.wishes.length },
    active: await activeRunOf(ds, week.termId),
    limits: LIMITS,
  };
}

/** The progress a bar and the JSON endpoint show. */
export function summaryOf(run: ProposalRun) {
  const finished = !(run.status === "queued" || run.status === "running");
  return {
    id: run.id,
    status: run.status,
    finished,
    accepted: run.acceptedAt !== null,
    evaluations: run.evaluations,
    budget: run.budget,
    percent: finished ? 100 : Math.min(99, Math.floor((100 * run.evaluations) / Math.max(1, run.budget))),
    best: run.best
      ? {
          placedClubs: run.best[0],
          placedStudents: run.best[1],
          placements: run.best[2],
          sumOfRanks: -run.best[3],
        }
      : null,
    error: run.error,
    createdAt: run.createdAt,
    stopRequested: run.stopRequested,
  };
}

export interface MovedClub {
  club: string;
  from: string[];
  to: string[];
  venue: string;
  leader: string;
}

const mean = (m: ProposalMetrics) => (m.placements ? m.sumOfRanks / m.placements : 0);

export async function runPage(ds: DataSource, week: PlanningWeek, run: ProposalRun) {
  const summary = summaryOf(run);
  const result = run.result ? (JSON.parse(run.result) as ProposalResult) : null;
  const names = {
    club: new Map(week.clubs.map((c) => [c.id, c.name])),
    clubByCode: new Map(week.clubs.map((c) => [c.code, c.name])),
    venue: new Map(week.venues.map((v) => [v.id, v.name])),
    staff: new Map(week.staff.map((s) => [s.id, s.name])),
    period: new Map(week.periods.map((p) => [p.id, p.name])),
  };
  const base = {
    run,
    summary,
    options: run.options,
    demand: run.demand,
    draftChanged: week.termId !== run.termId || week.fingerprint !== run.fingerprint,
    result: null as null | ReturnType<typeof outcomeOf>,
    grids: null as null | { current: GridModel; proposed: GridModel },
    moved: [] as MovedClub[],
    unplaced: [] as { club: string; reason: UnplacedReason }[],
    // Why each binding constraint binds, as the locale key and its params with names in place of the solver's ids.
    bindings: [] as ShownBinding[],
  };
  if (!result) return base;
  const sessions = sessionsOf(run, week);
  const chosen = new Set(run.options.clubIds);
  const slot = (weekday: number, periodId: number) => `${weekday}|${names.period.get(periodId) ?? "?"}`;
  const moved: MovedClub[] = [];
  for (const clubId of chosen) {
    const olds = week.entries.filter((e) => e.kind === "club" && e.clubId === clubId);
    const news = sessions.filter((s) => s.clubId === clubId);
    const key = (x: { weekday: number; periodId: number; venueId: number | null; staffId: number | null }) =>
      `${x.weekday}|${x.periodId}|${x.venueId}|${x.staffId}`;
    const same = olds.length === news.length && olds.every((o) => news.some((n) => key(n) === key(o)));
    if (same) continue;
    moved.push({
      club: names.club.get(clubId) ?? "?",
      from: olds.map((o) => slot(o.weekday, o.periodId)),
      to: news.map((n) => slot(n.weekday, n.periodId)),
      venue: [...new Set(news.map((n) => names.venue.get(n.venueId) ?? "?"))].join("、"),
      leader: news.length ? (names.staff.get(news[0].staffId) ?? "?") : "",
    });
  }
  return {
    ...base,
    result: outcomeOf(result, run.currentMetrics, mean),
    grids: await proposalGrids(ds, run.options.clubIds, sessions),
    moved,
    unplaced: result.unplacedClubs.map((u) => ({ club: names.clubByCode.get(u.club) ?? u.club, reason: u.reason })),
    bindings: bindingsShown(JSON.parse(run.instance) as ProposalInstance, result, week, names.clubByCode),
  };
}

/** A binding as the page says it: its sentence's key, and names where the solver has ids. */
export interface ShownBinding {
  key: string;
  params: Record<string, string | number | undefined>;
  /** Slot ids ("weekday-periodId") become a weekday and a period name; the view spells the weekday. */
  slot?: { weekday: number; period: string };
}

function bindingsShown(
  instance: ProposalInstance,
  result: ProposalResult,
  week: PlanningWeek,
  clubByCode: Map<string, string>,
): ShownBinding[] {
  // Ids as from-school.ts writes them: clubs by code, staff by staff number, venues as `v<id>`,
  // slots as `<day>-<n>` with n the period's place in the day.
  const staffName = new Map(week.staff.map((s) => [s.number, s.name]));
  const venueName = new Map(week.venues.map((v) => [`v${v.id}`, v.name]));
  const weekdayOf = new Map(instance.slots.map((s) => [s.id, s.weekday]));
  const club = (code?: string) => (code === undefined ? undefined : (clubByCode.get(code) ?? code));
  const slotOf = (id: string) => {
    const period = week.periods[Number(id.split("-")[1]) - 1];
    return { weekday: weekdayOf.get(id) ?? 0, period: period?.name ?? id };
  };
  return bindings(instance, result).map((b) => ({
    key: bindingKey(b),
    params: {
      count: b.count ?? 0,
      club: club(b.club),
      other: club(b.other),
      staff: b.staff === undefined ? undefined : (staffName.get(b.staff) ?? b.staff),
      venue: b.venue === undefined ? undefined : (venueName.get(b.venue) ?? b.venue),
      venueKind: b.venueKind,
    },
    slot: b.slot === undefined ? undefined : slotOf(b.slot),
  }));
}
function outcomeOf(result: ProposalResult, current: ProposalMetrics | null, meanOf: (m: ProposalMetrics) => number) {
  const side = (m: ProposalMetrics) => ({
    children: m.placedStudents,
    students: m.students,
    placements: m.placements,
    meanRank: meanOf(m).toFixed(2),
    placedClubs: m.placedClubs,
    clubs: m.clubs,
    changes: m.changes,
  });
  return {
    proposed: side(result.metrics),
    current: current ? side(current) : null,
    stoppedEarly: result.stoppedEarly === true,
  };
}
