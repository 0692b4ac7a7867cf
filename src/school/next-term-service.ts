// Starting a term from the previous one: clubs, periods, daily sport and the
// timetable are copied (the timetable as an unpublished draft); at a new school
// year the classes also move up a grade. One transaction, audit-logged.
import type { DataSource, EntityManager } from "typeorm";
import { createHash } from "node:crypto";
import { type Term, nowIso, inTransaction } from "../db";
import { startDraftTimetable } from "../timetable";
import { Actor, recordAudit } from "../audit";
import { fieldError } from "../http";
import { classMapping, promotionPlan, PromotionPlan } from "./core/promotion-plan";
import { studentCounts } from "./store/classes";
import {
  allClasses,
  archiveClass,
  insertClass,
  insertClubCopy,
  insertEntries,
  insertNextTerm,
  insertPeriodCopy,
  insertSportRows,
  moveClass,
  termSource,
  unarchivedClasses,
} from "./store/next-term";
import { recordLeaving } from "../membership";

export interface NextTermInput {
  name: string;
  startDate: string;
  endDate: string;
  newSchoolYear: boolean;
  current: boolean;
}
export interface NextTermPreview {
  copies: {
    clubs: number;
    cancelledClubs: number;
    periods: number;
    sport: number;
    entries: number;
    skippedEntries: number;
  };
  plan: PromotionPlan | null;
  /** Changes when anything the preview counted changes: the commit must match what was shown. */
  fingerprint: string;
}

async function sourceOf(em: EntityManager | DataSource, from: Term) {
  const { clubs, periods, sport, entries } = await termSource(em, from.id);
  const liveClubs = new Set(clubs.filter((c) => !c.cancelled).map((c) => c.id));
  // A cancelled club does not come back, and neither do its sessions.
  const keptEntries = entries.filter((e) => e.clubId === null || liveClubs.has(e.clubId));
  return {
    clubs: clubs.filter((c) => !c.cancelled),
    cancelledClubs: clubs.length - liveClubs.size,
    periods,
    sport,
    entries: keptEntries,
    skippedEntries: entries.length - keptEntries.length,
  };
}

async function planOf(ds: DataSource | EntityManager, from: Term): Promise<PromotionPlan> {
  const classes = await allClasses(ds);
  const counts = await studentCounts(ds);
  // Children leave at the end of the school year the previous term belongs to.
  return promotionPlan(
    classes.map((c) => ({ ...c, students: counts.get(c.id) ?? 0 })),
    Number(from.endDate.slice(0, 4)),
  );
}

export async function previewNextTerm(ds: DataSource, from: Term, input: NextTermInput): Promise<NextTermPreview> {
  const source = await sourceOf(ds, from);
  const plan = input.newSchoolYear ? await planOf(ds, from) : null;
  const copies = {
    clubs: source.clubs.length,
    cancelledClubs: source.cancelledClubs,
    periods: source.periods.length,
    sport: source.sport.length,
    entries: source.entries.length,
    skippedEntries: source.skippedEntries,
  };
  const fingerprint = createHash("sha256").update(JSON.stringify({ input, copies, plan })).digest("hex").slice(0, 32);
  return { copies, plan, fingerprint };
}

// The new term starts after the one it copies.
export function checkDates(from: Term, input: NextTermInput): void {
  if (input.startDate <= from.endDate)
    throw fieldError("startDate", "school.next.startsBeforePrevious", { date: from.endDate });
}

export async function startNextTerm(
  ds: DataSource,
  from: Term,
  input: NextTermInput,
  fingerprint: string,
  actor: Actor,
): Promise<Term | null> {
  checkDates(from, input);
  if ((await previewNextTerm(ds, from, input)).fingerprint !== fingerprint) return null;
  return inTransaction(ds, async (em) => {
    const source = await sourceOf(em, from);
    const term = await insertNextTerm(
      em,
      { name: input.name, startDate: input.startDate, endDate: input.endDate },
      input.current,
    );
    const before = await unarchivedClasses(em);
    const plan = input.newSchoolYear ? await promote(em, await planOf(em, from)) : null;
    const after = plan ? await unarchivedClasses(em) : before;
    const classIds = plan ? classMapping(before, after) : new Map(before.map((c) => [c.id, c.id]));

    const periodIds = new Map<number, number>();
    for (const p of source.periods) {
      const copy = await insertPeriodCopy(em, {
        termId: term.id,
        name: p.name,
        startTime: p.startTime,
        endTime: p.endTime,
        grades: p.grades,
        position: p.position,
      });
      periodIds.set(p.id, copy.id);
    }
    if (source.sport.length)
      await insertSportRows(
        em,
        source.sport.map(({ grade, weekday, peMinutes, breakMinutes }) => ({
          termId: term.id,
          grade,
          weekday,
          peMinutes,
          breakMinutes,
        })),
      );
    const clubIds = new Map<number, number>();
    for (const { id, termId: _old, term: _t, staff: _s, venue: _v, ...club } of source.clubs) {
      const copy = await insertClubCopy(em, { ...club, termId: term.id, cancelled: false });
      clubIds.set(id, copy.id);
    }
    const now = nowIso();
    const entries = source.entries
      .map(({ id: _id, ...e }) => ({
        ...e,
        termId: term.id,
        periodId: periodIds.get(e.periodId)!,
        sequence: 0,
        updatedAt: now,
        clubId: e.clubId === null ? null : clubIds.get(e.clubId)!,
        classId: e.classId === null ? null : (classIds.get(e.classId) ?? null),
      }))
      .filter((e) => e.periodId !== undefined);
    await insertEntries(em, entries);
    // A draft: nobody sees the new term's timetable until an admin publishes it.
    await startDraftTimetable(em, term.id, now);

    await recordAudit(em, actor, {
      action: "term.start-next",
      entity: "term",
      entityId: term.id,
      details: {
        from: from.id,
        newSchoolYear: input.newSchoolYear,
        periods: periodIds.size,
        clubs: clubIds.size,
        sport: source.sport.length,
        entries: entries.length,
        ...(plan && {
          leavers: plan.leavers.map((l) => l.id),
          promoted: plan.promoted.length,
          created: plan.created.map((c) => c.name),
        }),
      },
    });
    return term;
  });
}

// Carries out the plan in an order the (grade, name) unique index accepts:
// leavers first, then the oldest grades up, then the new grade-1 classes.
async function promote(em: EntityManager, plan: PromotionPlan): Promise<PromotionPlan> {
  for (const l of plan.leavers) {
    const leavers = await archiveClass(em, l.id, l.newName);
    await recordLeaving(em, leavers, new Date().toISOString());
  }
  for (const p of [...plan.promoted].sort((a, b) => b.fromGrade - a.fromGrade))
    await moveClass(em, p.id, p.toGrade, p.newName);
  for (const c of plan.created) await insertClass(em, c.grade, c.name);
  return plan;
}
