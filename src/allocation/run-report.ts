// What the run page and the compare page show, computed from a stored run's
// instance and result only (pure: no database), so a page always describes
// exactly the bytes that were stored.
import type { TFunction } from "i18next";
import type { Instance, Result } from "./core";
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

/** How many children hold a different set of clubs in b than in a (children in only one run count too). */
export function changedChildren(a: ParsedRun, b: ParsedRun): number {
  const ids = new Set([...Object.keys(a.result.assignments), ...Object.keys(b.result.assignments)]);
  let n = 0;
  for (const id of ids) {
    const x = [...(a.result.assignments[id] ?? [])].sort().join("|");
    const y = [...(b.result.assignments[id] ?? [])].sort().join("|");
    if (x !== y || !(id in a.result.assignments) || !(id in b.result.assignments)) n++;
  }
  return n;
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
