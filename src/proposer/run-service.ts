// Proposal runs: start one (build the instance from the school's data, store
// the run, hand it to a worker thread), stop one, accept one into the draft,
// and mark runs a restart interrupted. Transactions and audit here; the rules
// are in core/, the reads and writes in the stores.
import type { DataSource } from "typeorm";
import { inTransaction } from "../db";
import { type Actor, recordAudit } from "../audit";
import { fieldError, HttpError } from "../http";
import { acceptClubLayout, type ClubSession, DraftChanged, planningWeek, type PlanningWeek } from "../timetable";
import { buildInstance, parseSlotKey, slotKeyOf, type SlotKey } from "./core/from-school";
import type { ProposalInstance, ProposalResult } from "./core";
import type { ProposalRun, RunOptions } from "./entities";
import { chooseDemand } from "./instance-store";
import { activeRunOf, findRun, insertRun, interruptRuns, markAccepted, requestStop } from "./run-store";
import { launchRun, stopLocal } from "./runner";

export class AlreadyAccepted extends Error {}
export class NotFinished extends Error {}
export { DraftChanged };

export async function currentPlanning(ds: DataSource): Promise<PlanningWeek> {
  const week = await planningWeek(ds);
  if (!week) throw new HttpError(409, "timetable.noTerm");
  return week;
}

/** Checks the admin's choice against the draft: every club of the term, every slot a weekday and period of it. */
function checkOptions(week: PlanningWeek, options: RunOptions): void {
  const clubs = new Set(week.clubs.filter((c) => !c.cancelled).map((c) => c.id));
  if (options.clubIds.some((id) => !clubs.has(id))) throw fieldError("clubIds", "proposer.errors.clubUnknown");
  const periods = new Set(week.periods.map((p) => p.id));
  const slots = options.slots.map(parseSlotKey);
  if (slots.some((s) => s === null || s.weekday > 5 || !periods.has(s.periodId)))
    throw fieldError("slots", "proposer.errors.slotUnknown");
}

/** The slots in the order of the week (Monday first, then the day's periods). */
export function orderedSlots(week: PlanningWeek, keys: string[]): SlotKey[] {
  const order = new Map(week.periods.map((p, i) => [p.id, i]));
  return [...new Set(keys)]
    .map((k) => parseSlotKey(k)!)
    .sort((a, b) => a.weekday - b.weekday || order.get(a.periodId)! - order.get(b.periodId)!);
}

export async function startRun(ds: DataSource, options: RunOptions, actor: Actor): Promise<ProposalRun> {
  const { run, instance } = await inTransaction(ds, async (em) => {
    const week = await planningWeek(em);
    if (!week) throw new HttpError(409, "timetable.noTerm");
    checkOptions(week, options);
    if (await activeRunOf(em, week.termId)) throw fieldError("_form", "proposer.errors.busy");
    const slots = orderedSlots(week, options.slots);
    const demand = await chooseDemand(em, week.termId);
    const built = buildInstance(week, demand.wishes, { clubIds: options.clubIds, slots, seed: options.seed });
    const stored: RunOptions = { ...options, slots: slots.map((s) => slotKeyOf(s.weekday, s.periodId)) };
    const run = await insertRun(em, {
      termId: week.termId,
      requestedByStaffId: actor.kind === "staff" ? actor.id : null,
      options: stored,
      budget: options.budget,
      fingerprint: week.fingerprint,
      demand: demand.source,
      roundId: demand.roundId,
      instance: JSON.stringify(built.instance),
    });
    await recordAudit(em, actor, {
      action: "proposer.run.start",
      entity: "proposal_run",
      entityId: run.id,
      details: { options: stored, demand: demand.source, roundId: demand.roundId },
    });
    return { run, instance: built.instance };
  });
  launchRun(ds, run, instance);
  return run;
}

export async function stopRun(ds: DataSource, id: number, actor: Actor): Promise<void> {
  await inTransaction(ds, async (em) => {
    if (!(await findRun(em, id))) throw new HttpError(404, "errors.notFound");
    if (!(await requestStop(em, id))) return;
    await recordAudit(em, actor, { action: "proposer.run.stop", entity: "proposal_run", entityId: id, details: {} });
  });
  stopLocal(ds, id);
}

/** The proposal's sessions in the draft's ids (club, weekday, period, venue, leader). */
export function sessionsOf(run: ProposalRun, week: PlanningWeek): ClubSession[] {
  if (!run.result) return [];
  const result = JSON.parse(run.result) as ProposalResult;
  const instance = JSON.parse(run.instance) as ProposalInstance;
  const slotOf = new Map(instance.slots.map((s, i) => [s.id, parseSlotKey(run.options.slots[i])!]));
  const clubOf = new Map(week.clubs.map((c) => [c.code, c.id]));
  const staffOf = new Map(week.staff.map((s) => [s.number, s.id]));
  return result.entries.flatMap((e) => {
    const slot = slotOf.get(e.slot);
    const clubId = clubOf.get(e.club);
    const staffId = staffOf.get(e.staff);
    if (!slot || clubId === undefined || staffId === undefined) return [];
    return [{ clubId, weekday: slot.weekday, periodId: slot.periodId, venueId: Number(e.venue.slice(1)), staffId }];
  });
}

/**
 * Writes the proposal into the draft, once. Refused when the run has not
 * finished, was accepted already, or the draft changed since it started.
 */
export async function acceptRun(ds: DataSource, id: number, actor: Actor) {
  return inTransaction(ds, async (em) => {
    const run = await findRun(em, id);
    if (!run) throw new HttpError(404, "errors.notFound");
    if (run.status !== "done" && run.status !== "stopped") throw new NotFinished();
    if (run.acceptedAt !== null) throw new AlreadyAccepted();
    const week = await planningWeek(em);
    if (!week || week.termId !== run.termId) throw new DraftChanged();
    const written = await acceptClubLayout(
      em,
      { fingerprint: run.fingerprint, clubIds: run.options.clubIds, sessions: sessionsOf(run, week) },
      actor,
    );
    if (!(await markAccepted(em, id, actor.kind === "staff" ? actor.id : null))) throw new AlreadyAccepted();
    await recordAudit(em, actor, {
      action: "proposer.run.accept",
      entity: "proposal_run",
      entityId: id,
      details: written,
    });
    return written;
  });
}

/** At start-up: runs left queued or running were computed by a server that is gone. */
export function markInterrupted(ds: DataSource): Promise<number> {
  return inTransaction(ds, (em) => interruptRuns(em));
}
