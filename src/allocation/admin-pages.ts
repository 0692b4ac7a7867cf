// View models of the admin allocation pages (reads only; writes live in the
// services). Kept apart from the routes so a 400 re-render shows the same page.
import type { DataSource } from "typeorm";
import type { TFunction } from "i18next";
import type { Student } from "../db";
import type { ChoiceRound } from "../choices";
import { type Page, pageCount } from "../http";
import type { AllocationRun } from "./entities";
import {
  allTerms,
  clubsOfTerm,
  termByIdOrFail,
  roundByIdOrFail,
  roundsPage as roundRows,
  runningClubsOfTerm,
  studentsByNumbers,
} from "./store/school";
import { pinsOfRound, publicationOf, recentRuns, runCount, runNumberAt, runNumbers, runsOfRound } from "./store/runs";
import { changedChildren, clubFills, fillChart, parseRun, rankChart, unplacedStudents } from "./run-report";
import { offerHours } from "./store/waitlist-context";
import { allocationBlockers } from "./publish-blockers";
import { downloadName } from "../http";
import { localDate, schoolZone } from "../kernel";

/** The names of a run's two files: the round's term and the run's (school) date, so a saved pair says where it came from. */
export async function runFileNames(
  ds: DataSource,
  run: AllocationRun,
  termId: number,
): Promise<{ instance: string; result: string }> {
  const [term, zone] = await Promise.all([termByIdOrFail(ds, termId), schoolZone(ds)]);
  const date = localDate(new Date(run.createdAt), zone);
  const name = (part: string) => downloadName(["kehou-run", run.id, part, term.name, date], "json");
  return { instance: name("instance"), result: name("result") };
}

export async function clubNames(ds: DataSource, termId: number): Promise<Map<string, string>> {
  return new Map((await clubsOfTerm(ds, termId)).map((c) => [c.code, c.name]));
}

/** A run's number within its round ("第 1 次分配" is the round's first run). */
export async function runNumberOf(ds: DataSource, run: Pick<AllocationRun, "id" | "roundId">): Promise<number> {
  return runNumberAt(ds, run.roundId, run.id);
}

/** Every choice round, newest first, with its term, its number of runs and what is published. */
export async function roundsPage(ds: DataSource, page: Page) {
  const [rounds, total] = await roundRows(ds, page.skip, page.size);
  const terms = new Map((await allTerms(ds)).map((t) => [t.id, t]));
  const counts = await Promise.all(rounds.map((r) => runCount(ds, r.id)));
  const published = await Promise.all(rounds.map((r) => publicationOf(ds, r.id)));
  const publishedNumbers = await Promise.all(
    published.map((p) => (p ? runNumberAt(ds, p.roundId, p.runId) : Promise.resolve(null))),
  );
  return {
    rows: rounds.map((round, i) => ({
      round,
      term: terms.get(round.termId),
      runs: counts[i],
      publication: published[i],
      publishedNumber: publishedNumbers[i],
    })),
    page: page.page,
    pages: pageCount(total, page.size),
    total,
  };
}

export async function roundPage(ds: DataSource, round: ChoiceRound, page: Page) {
  const [[runs, total], publication, pins, clubs, hours, numbers] = await Promise.all([
    runsOfRound(ds, round.id, page.skip, page.size),
    publicationOf(ds, round.id),
    pinsOfRound(ds, round.id),
    runningClubsOfTerm(ds, round.termId),
    offerHours(ds),
    runNumbers(ds, round.id),
  ]);
  return {
    round,
    runs,
    numbers,
    total,
    page: page.page,
    pages: pageCount(total, page.size),
    publication,
    pins,
    clubs,
    hours,
  };
}

export async function runPage(ds: DataSource, t: TFunction, run: AllocationRun, page: Page) {
  const round = await roundByIdOrFail(ds, run.roundId);
  const parsed = parseRun(run);
  const names = await clubNames(ds, round.termId);
  const fills = clubFills(parsed, names);
  const unplaced = unplacedStudents(parsed);
  const slice = unplaced.slice(page.skip, page.skip + page.size);
  const students = slice.length
    ? new Map((await studentsByNumbers(ds, slice)).map((s) => [s.studentNumber, s]))
    : new Map<string, Student>();
  const byId = new Map(parsed.instance.students.map((s) => [s.id, s]));
  const clubSlots = new Map(parsed.instance.clubs.map((c) => [c.id, c.slots]));
  // A child free on none of their clubs' days (e.g. not opted in on Thursday) cannot be placed by any mechanism.
  const noSlot = (number: string) => {
    const s = byId.get(number);
    return !!s && s.choices.every((c) => !(clubSlots.get(c) ?? []).every((slot) => s.slots.includes(slot)));
  };
  const [publication, siblings, numbers, files] = await Promise.all([
    publicationOf(ds, round.id),
    recentRuns(ds, round.id),
    runNumbers(ds, round.id),
    runFileNames(ds, run, round.termId),
  ]);
  // The policy check costs most of the page; the published run has no publish form to feed.
  const blockers = publication?.runId === run.id ? null : await allocationBlockers(ds, round.termId, run);
  const s = run.summary;
  return {
    round,
    run,
    runNumber: numbers.get(run.id) ?? run.id,
    numbers,
    files,
    summary: s,
    fills,
    publication,
    blockers,
    published: publication?.runId === run.id,
    otherRuns: siblings.filter((r) => r.id !== run.id),
    unplaced: slice.map((number) => ({
      number,
      student: students.get(number) ?? null,
      choices: (byId.get(number)?.choices ?? []).map((c) => names.get(c) ?? c),
      noSlot: noSlot(number),
    })),
    unplacedTotal: unplaced.length,
    page: page.page,
    pages: pageCount(unplaced.length, page.size),
    underMin: fills.filter((f) => f.underMin),
    rankSvg: rankChart(
      t,
      [
        { label: t(`assignment.mechanism.${run.mechanism}`), placements: s.placements, rankCounts: s.rankCounts },
        { label: t("assignment.mechanism.fcfs"), placements: s.fcfs.placements, rankCounts: s.fcfs.rankCounts },
      ],
      `rank-${run.id}`,
    ),
    fillSvg: fillChart(t, fills, `fill-${run.id}`),
  };
}

export async function comparePage(ds: DataSource, t: TFunction, a: AllocationRun, b: AllocationRun) {
  const [pa, pb] = [parseRun(a), parseRun(b)];
  const round = await roundByIdOrFail(ds, a.roundId);
  const names = await clubNames(ds, round.termId);
  const [numbersA, numbersB] = await Promise.all([runNumbers(ds, a.roundId), runNumbers(ds, b.roundId)]);
  const numberOf = (r: AllocationRun) => (r.roundId === a.roundId ? numbersA : numbersB).get(r.id) ?? r.id;
  const fa = clubFills(pa, names);
  const fb = new Map(clubFills(pb, names).map((f) => [f.code, f]));
  const codes = [...new Set([...fa.map((f) => f.code), ...fb.keys()])];
  const byCodeA = new Map(fa.map((f) => [f.code, f]));
  return {
    a,
    b,
    round,
    numberA: numberOf(a),
    numberB: numberOf(b),
    clubs: codes.map((code) => ({
      code,
      name: names.get(code) ?? code,
      a: byCodeA.get(code) ?? null,
      b: fb.get(code) ?? null,
    })),
    changed: changedChildren(pa, pb),
    underMin: { a: pa.result.metrics.underMinClubs.length, b: pb.result.metrics.underMinClubs.length },
    rankSvg: rankChart(
      t,
      [
        {
          label: t("assignment.run.short", { n: numberOf(a), mechanism: t(`assignment.mechanism.${a.mechanism}`) }),
          placements: a.summary.placements,
          rankCounts: a.summary.rankCounts,
        },
        {
          label: t("assignment.run.short", { n: numberOf(b), mechanism: t(`assignment.mechanism.${b.mechanism}`) }),
          placements: b.summary.placements,
          rankCounts: b.summary.rankCounts,
        },
      ],
      `cmp-${a.id}-${b.id}`,
    ),
  };
}
