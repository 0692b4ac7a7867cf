// View models of the admin allocation pages (reads only; writes live in the
// services). Kept apart from the routes so a 400 re-render shows the same page.
import { type DataSource, In } from "typeorm";
import type { TFunction } from "i18next";
import { Club, Student } from "../db";
import { ChoiceRound } from "../choices/entities";
import { Page, pageCount } from "../http/pagination";
import { AllocationPin, AllocationPublication, AllocationRun } from "./entities";
import { changedChildren, clubFills, fillChart, parseRun, rankChart, unplacedStudents } from "./run-report";
import { offerHours } from "./store/waitlist-context";
import { allocationBlockers } from "./publish-blockers";

export async function clubNames(ds: DataSource, termId: number): Promise<Map<string, string>> {
  return new Map((await ds.getRepository(Club).findBy({ termId })).map((c) => [c.code, c.name]));
}

export async function roundPage(ds: DataSource, round: ChoiceRound, page: Page) {
  const [[runs, total], publication, pins, clubs, hours] = await Promise.all([
    ds.getRepository(AllocationRun).findAndCount({
      select: { id: true, roundId: true, mechanism: true, seed: true, summary: true, note: true, createdAt: true },
      where: { roundId: round.id }, order: { id: "DESC" }, skip: page.skip, take: page.size,
    }),
    ds.getRepository(AllocationPublication).findOneBy({ roundId: round.id }),
    ds.getRepository(AllocationPin).find({ where: { roundId: round.id }, relations: { student: true, club: true }, order: { id: "ASC" } }),
    ds.getRepository(Club).find({ where: { termId: round.termId, cancelled: false }, order: { name: "ASC" } }),
    offerHours(ds),
  ]);
  return { round, runs, total, page: page.page, pages: pageCount(total, page.size), publication, pins, clubs, hours };
}

export async function runPage(ds: DataSource, t: TFunction, run: AllocationRun, page: Page) {
  const round = await ds.getRepository(ChoiceRound).findOneByOrFail({ id: run.roundId });
  const parsed = parseRun(run);
  const names = await clubNames(ds, round.termId);
  const fills = clubFills(parsed, names);
  const unplaced = unplacedStudents(parsed);
  const slice = unplaced.slice(page.skip, page.skip + page.size);
  const students = slice.length
    ? new Map((await ds.getRepository(Student).find({ where: { studentNumber: In(slice) }, relations: { schoolClass: true } })).map((s) => [s.studentNumber, s]))
    : new Map<string, Student>();
  const byId = new Map(parsed.instance.students.map((s) => [s.id, s]));
  const clubSlots = new Map(parsed.instance.clubs.map((c) => [c.id, c.slots]));
  // A child free on none of their clubs' days (e.g. not opted in on Thursday) cannot be placed by any mechanism.
  const noSlot = (number: string) => {
    const s = byId.get(number);
    return !!s && s.choices.every((c) => !(clubSlots.get(c) ?? []).every((slot) => s.slots.includes(slot)));
  };
  const [publication, siblings] = await Promise.all([
    ds.getRepository(AllocationPublication).findOneBy({ roundId: round.id }),
    ds.getRepository(AllocationRun).find({ select: { id: true, mechanism: true, seed: true, createdAt: true }, where: { roundId: round.id }, order: { id: "DESC" }, take: 50 }),
  ]);
  // The policy check costs most of the page; the published run has no publish form to feed.
  const blockers = publication?.runId === run.id ? null : await allocationBlockers(ds, round.termId, run);
  const s = run.summary;
  return {
    round, run, summary: s, fills, publication, blockers,
    published: publication?.runId === run.id,
    otherRuns: siblings.filter((r) => r.id !== run.id),
    unplaced: slice.map((number) => ({
      number, student: students.get(number) ?? null, choices: (byId.get(number)?.choices ?? []).map((c) => names.get(c) ?? c), noSlot: noSlot(number),
    })),
    unplacedTotal: unplaced.length, page: page.page, pages: pageCount(unplaced.length, page.size),
    underMin: fills.filter((f) => f.underMin),
    rankSvg: rankChart(t, [
      { label: t(`assignment.mechanism.${run.mechanism}`), placements: s.placements, rankCounts: s.rankCounts },
      { label: t("assignment.mechanism.fcfs"), placements: s.fcfs.placements, rankCounts: s.fcfs.rankCounts },
    ], `rank-${run.id}`),
    fillSvg: fillChart(t, fills, `fill-${run.id}`),
  };
}

export async function comparePage(ds: DataSource, t: TFunction, a: AllocationRun, b: AllocationRun) {
  const [pa, pb] = [parseRun(a), parseRun(b)];
  const round = await ds.getRepository(ChoiceRound).findOneByOrFail({ id: a.roundId });
  const names = await clubNames(ds, round.termId);
  const fa = clubFills(pa, names);
  const fb = new Map(clubFills(pb, names).map((f) => [f.code, f]));
  const codes = [...new Set([...fa.map((f) => f.code), ...fb.keys()])];
  const byCodeA = new Map(fa.map((f) => [f.code, f]));
  return {
    a, b, round,
    clubs: codes.map((code) => ({ code, name: names.get(code) ?? code, a: byCodeA.get(code) ?? null, b: fb.get(code) ?? null })),
    changed: changedChildren(pa, pb),
    underMin: { a: pa.result.metrics.underMinClubs.length, b: pb.result.metrics.underMinClubs.length },
    rankSvg: rankChart(t, [
      { label: `#${a.id} ${t(`assignment.mechanism.${a.mechanism}`)}`, placements: a.summary.placements, rankCounts: a.summary.rankCounts },
      { label: `#${b.id} ${t(`assignment.mechanism.${b.mechanism}`)}`, placements: b.summary.placements, rankCounts: b.summary.rankCounts },
    ], `cmp-${a.id}-${b.id}`),
  };
}
