// Starting a term from the previous one: clubs, periods, daily sport and the
// timetable are copied (the timetable as an unpublished draft); at a new school
// year the classes also move up a grade. One transaction, audit-logged.
import type { DataSource, EntityManager } from "typeorm";
import { createHash } from "node:crypto";
import { Club, DailySport, Period, SchoolClass, Student, Term, TimetableEntry, nowIso, inTransaction } from "../db";
import { startDraftTimetable } from "../timetable";
import { Actor, recordAudit } from "../audit/audit-service";
import { fieldError } from "../http";
import { classMapping, promotionPlan, PromotionPlan } from "./core/promotion-plan";
import { studentCounts } from "./class-service";
import { recordLeaving } from "../membership";

export interface NextTermInput { name: string; startDate: string; endDate: string; newSchoolYear: boolean; current: boolean }
export interface NextTermPreview {
  copies: { clubs: number; cancelledClubs: number; periods: number; sport: number; entries: number; skippedEntries: number };
  plan: PromotionPlan | null;
  /** Changes when anything the preview counted changes: the commit must match what was shown. */
  fingerprint: string;
}

async function sourceOf(em: EntityManager | DataSource, from: Term) {
  // One query at a time: inside a transaction they share one connection.
  const clubs = await em.getRepository(Club).find({ where: { termId: from.id }, order: { id: "ASC" } });
  const periods = await em.getRepository(Period).find({ where: { termId: from.id }, order: { position: "ASC", id: "ASC" } });
  const sport = await em.getRepository(DailySport).find({ where: { termId: from.id } });
  const entries = await em.getRepository(TimetableEntry).find({ where: { termId: from.id }, order: { id: "ASC" } });
  const liveClubs = new Set(clubs.filter((c) => !c.cancelled).map((c) => c.id));
  // A cancelled club does not come back, and neither do its sessions.
  const keptEntries = entries.filter((e) => e.clubId === null || liveClubs.has(e.clubId));
  return { clubs: clubs.filter((c) => !c.cancelled), cancelledClubs: clubs.length - liveClubs.size, periods, sport, entries: keptEntries, skippedEntries: entries.length - keptEntries.length };
}

async function planOf(ds: DataSource | EntityManager, from: Term): Promise<PromotionPlan> {
  const classes = await ds.getRepository(SchoolClass).find();
  const counts = await studentCounts(ds);
  // Children leave at the end of the school year the previous term belongs to.
  return promotionPlan(classes.map((c) => ({ ...c, students: counts.get(c.id) ?? 0 })), Number(from.endDate.slice(0, 4)));
}

export async function previewNextTerm(ds: DataSource, from: Term, input: NextTermInput): Promise<NextTermPreview> {
  const source = await sourceOf(ds, from);
  const plan = input.newSchoolYear ? await planOf(ds, from) : null;
  const copies = { clubs: source.clubs.length, cancelledClubs: source.cancelledClubs, periods: source.periods.length, sport: source.sport.length, entries: source.entries.length, skippedEntries: source.skippedEntries };
  const fingerprint = createHash("sha256").update(JSON.stringify({ input, copies, plan })).digest("hex").slice(0, 32);
  return { copies, plan, fingerprint };
}

// The new term starts after the one it copies.
export function checkDates(from: Term, input: NextTermInput): void {
  if (input.startDate <= from.endDate) throw fieldError("startDate", "school.next.startsBeforePrevious", { date: from.endDate });
}

export async function startNextTerm(ds: DataSource, from: Term, input: NextTermInput, fingerprint: string, actor: Actor): Promise<Term | null> {
  checkDates(from, input);
  if ((await previewNextTerm(ds, from, input)).fingerprint !== fingerprint) return null;
  return inTransaction(ds, async (em) => {
    const source = await sourceOf(em, from);
    const term = await em.getRepository(Term).save({ name: input.name, startDate: input.startDate, endDate: input.endDate, current: false });
    if (input.current) {
      await em.getRepository(Term).update({ current: true }, { current: false });
      await em.getRepository(Term).update({ id: term.id }, { current: true });
    }
    const before = await em.getRepository(SchoolClass).find({ where: { archived: false } });
    const plan = input.newSchoolYear ? await promote(em, await planOf(em, from)) : null;
    const after = plan ? await em.getRepository(SchoolClass).find({ where: { archived: false } }) : before;
    const classIds = plan ? classMapping(before, after) : new Map(before.map((c) => [c.id, c.id]));

    const periodIds = new Map<number, number>();
    for (const p of source.periods) {
      const copy = await em.getRepository(Period).save({ termId: term.id, name: p.name, startTime: p.startTime, endTime: p.endTime, grades: p.grades, position: p.position });
      periodIds.set(p.id, copy.id);
    }
    if (source.sport.length) await em.getRepository(DailySport).insert(source.sport.map(({ grade, weekday, peMinutes, breakMinutes }) => ({ termId: term.id, grade, weekday, peMinutes, breakMinutes })));
    const clubIds = new Map<number, number>();
    for (const { id, termId: _old, term: _t, staff: _s, venue: _v, ...club } of source.clubs) {
      const copy = await em.getRepository(Club).save({ ...club, termId: term.id, cancelled: false });
      clubIds.set(id, copy.id);
    }
    const now = nowIso();
    const entries = source.entries.map(({ id: _id, ...e }) => ({
      ...e, termId: term.id, periodId: periodIds.get(e.periodId)!, sequence: 0, updatedAt: now,
      clubId: e.clubId === null ? null : clubIds.get(e.clubId)!, classId: e.classId === null ? null : classIds.get(e.classId) ?? null,
    })).filter((e) => e.periodId !== undefined);
    for (let i = 0; i < entries.length; i += 100) await em.getRepository(TimetableEntry).insert(entries.slice(i, i + 100));
    // A draft: nobody sees the new term's timetable until an admin publishes it.
    await startDraftTimetable(em, term.id, now);

    await recordAudit(em, actor, { action: "term.start-next", entity: "term", entityId: term.id, details: {
      from: from.id, newSchoolYear: input.newSchoolYear, periods: periodIds.size, clubs: clubIds.size, sport: source.sport.length, entries: entries.length,
      ...(plan && { leavers: plan.leavers.map((l) => l.id), promoted: plan.promoted.length, created: plan.created.map((c) => c.name) }),
    } });
    return term;
  });
}

// Carries out the plan in an order the (grade, name) unique index accepts:
// leavers first, then the oldest grades up, then the new grade-1 classes.
async function promote(em: EntityManager, plan: PromotionPlan): Promise<PromotionPlan> {
  const classes = em.getRepository(SchoolClass);
  for (const l of plan.leavers) {
    await classes.update({ id: l.id }, { name: l.newName, archived: true });
    await em.getRepository(Student).update({ classId: l.id }, { archived: true });
    const leavers = await em.getRepository(Student).find({ where: { classId: l.id }, select: { id: true } });
    await recordLeaving(em, leavers.map((s) => s.id), new Date().toISOString());
  }
  for (const p of [...plan.promoted].sort((a, b) => b.fromGrade - a.fromGrade)) await classes.update({ id: p.id }, { grade: p.toGrade, name: p.newName });
  for (const c of plan.created) await classes.insert({ grade: c.grade, name: c.name, classTeacherId: null, archived: false });
  return plan;
}
