// The per-child views an admin checks before families see anything: who gets
// what in one run (filterable by club, class and outcome) and who moves between
// two runs (the republication diff's rule, src/allocation/core/place-diff.ts).
import type { DataSource } from "typeorm";
import type { Request } from "express";
import { optionalId, type Page, pageCount } from "../http";
import type { AllocationRun } from "./entities";
import { childOutcomes, movedChildren, parseRun, type ParsedRun } from "./run-report";
import { classesOfGrades, numbersInClass, roundByIdOrFail, studentsByNumbers } from "./store/school";
import { runNumbers } from "./store/runs";
import { clubNames } from "./admin-pages";

export const OUTCOMES = ["all", "placed", "unplaced"] as const;
export type Outcome = (typeof OUTCOMES)[number];

export interface ChildFilter {
  club: string | null;
  classId: number | null;
  outcome: Outcome;
}

// A filter names a club of the run and a class by id; anything else shows every child (a stale link still works).
export function childFilter(query: Request["query"], clubs: readonly string[]): ChildFilter {
  const club = typeof query.club === "string" && clubs.includes(query.club) ? query.club : null;
  const outcome = OUTCOMES.find((o) => o === query.outcome) ?? "all";
  return { club, classId: optionalId(query.class), outcome };
}

/** The filter as the pager's extra query string ("&club=…"). */
export function filterQuery(f: ChildFilter): string {
  const p = new URLSearchParams();
  if (f.club) p.set("club", f.club);
  if (f.classId !== null) p.set("class", String(f.classId));
  if (f.outcome !== "all") p.set("outcome", f.outcome);
  const s = p.toString();
  return s ? `&${s}` : "";
}

async function context(ds: DataSource, run: AllocationRun, parsed: ParsedRun) {
  const round = await roundByIdOrFail(ds, run.roundId);
  const [names, classes, numbers] = await Promise.all([
    clubNames(ds, round.termId),
    classesOfGrades(ds, round.grades),
    runNumbers(ds, round.id),
  ]);
  const clubs = parsed.instance.clubs
    .map((c) => ({ code: c.id, name: names.get(c.id) ?? c.id }))
    .sort((a, b) => a.name.localeCompare(b.name, "zh-CN"));
  return { round, names, classes, numbers, clubs };
}

async function inClass(ds: DataSource, classId: number | null): Promise<(n: string) => boolean> {
  if (classId === null) return () => true;
  const numbers = await numbersInClass(ds, classId);
  return (n) => numbers.has(n);
}

async function studentsOf(ds: DataSource, numbers: string[]) {
  return new Map(
    (numbers.length ? await studentsByNumbers(ds, numbers) : []).map((s) => [
      s.studentNumber,
      { name: s.name, className: s.schoolClass?.name ?? "" },
    ]),
  );
}

export async function runChildrenPage(ds: DataSource, run: AllocationRun, query: Request["query"], page: Page) {
  const parsed = parseRun(run);
  const ctx = await context(ds, run, parsed);
  const filter = childFilter(
    query,
    ctx.clubs.map((c) => c.code),
  );
  const classOk = await inClass(ds, filter.classId);
  const rows = childOutcomes(parsed).filter(
    (c) =>
      classOk(c.number) &&
      (filter.club === null || c.choices.includes(filter.club) || c.got.includes(filter.club)) &&
      (filter.outcome === "all" || (filter.outcome === "placed") === c.got.length > 0),
  );
  const slice = rows.slice(page.skip, page.skip + page.size);
  const people = await studentsOf(
    ds,
    slice.map((r) => r.number),
  );
  const name = (code: string) => ctx.names.get(code) ?? code;
  return {
    ...ctx,
    run,
    runNumber: ctx.numbers.get(run.id) ?? run.id,
    filter,
    extra: filterQuery(filter),
    total: rows.length,
    page: page.page,
    pages: pageCount(rows.length, page.size),
    rows: slice.map((r) => ({
      number: r.number,
      student: people.get(r.number) ?? null,
      // Each choice with whether the child got it; the filtered club stands out.
      choices: r.choices.map((code, i) => ({ rank: i + 1, name: name(code), got: r.got.includes(code), code })),
      // A seat outside the child's list is the school's pin.
      pinned: r.got.filter((code) => !r.choices.includes(code)).map(name),
      waitlists: r.waitlists.map((w) => ({ name: name(w.code), position: w.position })),
    })),
  };
}

/** Who moves between runs a and b (a's clubs → b's clubs), filtered and one page. */
export async function compareChildren(
  ds: DataSource,
  a: AllocationRun,
  b: AllocationRun,
  query: Request["query"],
  page: Page,
) {
  const [pa, pb] = [parseRun(a), parseRun(b)];
  const ctx = await context(ds, a, pa);
  const codes = new Set([...pa.instance.clubs, ...pb.instance.clubs].map((c) => c.id));
  const filter = childFilter(query, [...codes]);
  const classOk = await inClass(ds, filter.classId);
  const moved = movedChildren(pa, pb).filter(
    (m) => classOk(m.key) && (filter.club === null || m.from.includes(filter.club) || m.to.includes(filter.club)),
  );
  const slice = moved.slice(page.skip, page.skip + page.size);
  const people = await studentsOf(
    ds,
    slice.map((m) => m.key),
  );
  const name = (code: string) => ctx.names.get(code) ?? code;
  return {
    filter,
    extra: filterQuery(filter),
    clubOptions: ctx.clubs,
    classOptions: ctx.classes,
    movedTotal: moved.length,
    page: page.page,
    pages: pageCount(moved.length, page.size),
    moves: slice.map((m) => ({
      key: m.key,
      name: people.get(m.key)?.name ?? "",
      studentNumber: m.key,
      className: people.get(m.key)?.className ?? "",
      from: m.from.map(name),
      to: m.to.map(name),
    })),
  };
}
