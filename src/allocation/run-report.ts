// What the run page and the compare page show, computed from a stored run's
// instance and result only (pure: no database), so a page always describes
// exactly the bytes that were stored.
import type { TFunction } from "i18next";
import { placeDiff, type Instance, type PlaceDiff, type Result } from "./core";
import { barChart, fillRate, formatRate, rankProfile, rankProfileChart, type Rate } from "../reports";
import type { AllocationRun } from "./entities";

export interface ClubFill {
  code: string;
  name: string;
  capacity: number;
  members: number;
  fill: Rate;
  minSize: number;
  underMin: boolean;
  waitlist: number;
}

export interface ParsedRun {
  instance: Instance;
  result: Result;
}

export function parseRun(run: AllocationRun): ParsedRun {
  return { instance: JSON.parse(run.instance) as Instance, result: JSON.parse(run.result) as Result };
}

export function clubFills(parsed: ParsedRun, names: Map<string, string>): ClubFill[] {
  const members = new Map<string, number>();
  for (const clubs of Object.values(parsed.result.assignments))
    for (const c of clubs) members.set(c, (members.get(c) ?? 0) + 1);
  const under = new Set(parsed.result.metrics.underMinClubs);
  return parsed.instance.clubs.map((c) => ({
    code: c.id,
    name: names.get(c.id) ?? c.id,
    capacity: c.capacity,
    members: members.get(c.id) ?? 0,
    fill: fillRate(members.get(c.id) ?? 0, c.capacity),
    minSize: c.minSize,
    underMin: under.has(c.id),
    waitlist: parsed.result.waitlists[c.id]?.length ?? 0,
  }));
}

/** Children with no club at all, in instance order (student numbers). */
export function unplacedStudents(parsed: ParsedRun): string[] {
  return parsed.instance.students.filter((s) => (parsed.result.assignments[s.id] ?? []).length === 0).map((s) => s.id);
}

const assignmentsOf = (run: ParsedRun): Map<string, string[]> => new Map(Object.entries(run.result.assignments));

/** Children whose clubs differ between a and b (student number, a's codes → b's codes): the republication diff's rule. */
export function movedChildren(a: ParsedRun, b: ParsedRun): PlaceDiff<string, string>[] {
  return placeDiff(assignmentsOf(a), assignmentsOf(b));
}

/** How many children hold a different set of clubs in b than in a (children in only one run count too). */
export function changedChildren(a: ParsedRun, b: ParsedRun): number {
  return movedChildren(a, b).length;
}

export const rankLabels = (t: TFunction, n: number): string[] =>
  Array.from({ length: Math.max(n, 1) }, (_, i) => t("assignment.rank", { n: i + 1 }));

export interface ProfileBar {
  label: string;
  placements: number;
  rankCounts: number[];
}

/** The rank profile as a stacked bar per run (server-side SVG; the reports core escapes its text). */
export function rankChart(t: TFunction, bars: ProfileBar[], id: string): string {
  const longest = Math.max(1, ...bars.map((b) => b.rankCounts.length));
  return rankProfileChart({
    title: t("assignment.run.rankChart"),
    profiles: bars.map((b) => ({ label: b.label, profile: rankProfile(b.placements, b.rankCounts) })),
    rankLabels: rankLabels(t, longest),
    unrankedLabel: t("assignment.run.unranked"),
    width: 900,
    id,
  });
}

export function fillChart(t: TFunction, fills: ClubFill[], id: string): string {
  return barChart({
    title: t("assignment.run.fillChart"),
    bars: fills.map((f) => ({
      label: f.name,
      value: f.members,
      max: f.capacity,
      display: `${f.members}/${f.capacity} · ${formatRate(f.fill, 0)}`,
    })),
    width: 900,
    id,
  });
}

/** One child's outcome in a run: the ranked list, the clubs placed (a pin places outside the list), the waitlist places. */
export interface ChildOutcome {
  number: string;
  choices: string[];
  got: string[];
  waitlists: { code: string; position: number }[];
}

/** Every child of the run's instance, in instance order. */
export function childOutcomes(parsed: ParsedRun): ChildOutcome[] {
  const waiting = new Map<string, { code: string; position: number }[]>();
  for (const [code, numbers] of Object.entries(parsed.result.waitlists))
    numbers.forEach((n, i) => waiting.set(n, [...(waiting.get(n) ?? []), { code, position: i + 1 }]));
  return parsed.instance.students.map((s) => ({
    number: s.id,
    choices: s.choices,
    got: parsed.result.assignments[s.id] ?? [],
    waitlists: waiting.get(s.id) ?? [],
  }));
}
