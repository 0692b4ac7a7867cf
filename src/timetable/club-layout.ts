// The timetable's side of a proposal (issue 23): the draft as plain data for
// the proposer's instance builder, its fingerprint (accepting is refused when
// the draft changed since the proposal started), the proposal's grid beside
// the draft's, and accepting: the chosen clubs' sessions rewritten in one
// transaction, checked for clashes and audit-logged as a drag would be.
import { createHash } from "node:crypto";
import type { DataSource, EntityManager } from "typeorm";
import { nowIso, type TimetableEntry } from "../db";
import { type Actor, recordAudit } from "../audit";
import { HttpError } from "../http";
import { clashesForChange } from "./core/clashes";
import { rowOf } from "./core/entry-row";
import { ClashRefused } from "./entry-service";
import { explainClashes } from "./clash-messages";
import { gridModel, type GridModel } from "./grid-model";
import { clashContextOf, placementOf, placementsOf } from "./placements";
import { openDraft, touchDraft } from "./store/draft";
import { removeEntry, storeEntry } from "./store/entries";
import { currentTerm, loadWeek, namesOf, type Week } from "./store/week";

/** One club session of a proposal, in the draft's own ids. */
export interface ClubSession {
  clubId: number;
  weekday: number;
  periodId: number;
  venueId: number;
  staffId: number;
}

export interface PlanningWeek {
  termId: number;
  fingerprint: string;
  periods: { id: number; name: string; startTime: string; endTime: string; grades: number[] }[];
  entries: {
    id: number;
    weekday: number;
    periodId: number;
    kind: TimetableEntry["kind"];
    grades: number[];
    classId: number | null;
    clubId: number | null;
    staffId: number | null;
    venueId: number | null;
  }[];
  staff: {
    id: number;
    number: string;
    name: string;
    active: boolean;
    availableDays: number[];
    availableHours: Record<string, { from: string; to: string }> | null;
  }[];
  venues: { id: number; name: string; kind: string; capacity: number }[];
  clubs: {
    id: number;
    code: string;
    name: string;
    grades: number[];
    minSize: number;
    maxSize: number;
    staffId: number | null;
    cancelled: boolean;
    eligibleStaffIds: number[];
    sessionsPerWeek: number;
    venueKind: string | null;
  }[];
}

export class DraftChanged extends Error {
  constructor() {
    super("the draft changed since the proposal started");
  }
}

/** The draft as it is now: what the week holds and what each entry is. Two reads of an unchanged draft agree. */
export function fingerprintOf(entries: PlanningWeek["entries"]): string {
  const rows = [...entries]
    .sort((a, b) => a.id - b.id)
    .map((e) => [e.id, e.weekday, e.periodId, e.kind, e.grades, e.classId, e.clubId, e.staffId, e.venueId]);
  return createHash("sha256").update(JSON.stringify(rows)).digest("hex");
}

function planningOf(week: Week): PlanningWeek {
  const entries = week.entries.map((e) => ({
    id: e.id,
    weekday: e.weekday,
    periodId: e.periodId,
    kind: e.kind,
    grades: [...e.grades],
    classId: e.classId,
    clubId: e.clubId,
    staffId: e.staffId,
    venueId: e.venueId,
  }));
  return {
    termId: week.term.id,
    fingerprint: fingerprintOf(entries),
    periods: week.periods.map((p) => ({
      id: p.id,
      name: p.name,
      startTime: p.startTime,
      endTime: p.endTime,
      grades: [...(p.grades ?? [])],
    })),
    entries,
    staff: week.staff.map((s) => ({
      id: s.id,
      number: s.staffNumber,
      name: s.name,
      active: s.active,
      availableDays: [...(s.availableDays ?? [])],
      availableHours: s.availableHours ?? null,
    })),
    venues: week.venues.map((v) => ({ id: v.id, name: v.name, kind: v.kind, capacity: v.capacity })),
    clubs: week.clubs.map((c) => ({
      id: c.id,
      code: c.code,
      name: c.name,
      grades: [...c.grades],
      minSize: c.minSize,
      maxSize: c.maxSize,
      staffId: c.staffId,
      cancelled: c.cancelled,
      eligibleStaffIds: [...(c.eligibleStaffIds ?? [])],
      sessionsPerWeek: c.sessionsPerWeek ?? 1,
      venueKind: c.venueKind ?? null,
    })),
  };
}

/** The current term's draft for the proposer, or null when there is no current term. */
export async function planningWeek(db: DataSource | EntityManager): Promise<PlanningWeek | null> {
  const em = "manager" in db ? db.manager : db;
  const term = await currentTerm(em);
  return term ? planningOf(await loadWeek(em, term)) : null;
}

/** The draft's grid and the same week with `clubIds`' sessions replaced by `sessions`, for the page that compares them. */
export async function proposalGrids(
  ds: DataSource,
  clubIds: number[],
  sessions: ClubSession[],
): Promise<{ current: GridModel; proposed: GridModel } | null> {
  const term = await currentTerm(ds.manager);
  if (!term) return null;
  const week = await loadWeek(ds.manager, term);
  const all = { by: "all" } as const;
  const rows = week.entries.map(rowOf);
  const { kept, added } = replaced(week, clubIds, sessions);
  // Proposed sessions get negative ids: they exist only on this page.
  const proposedRows = [...rows.filter((r) => kept.has(r.id)), ...added.map((a, i) => ({ ...a.row, id: -(i + 1) }))];
  return { current: gridModel(week, rows, all), proposed: gridModel(week, proposedRows, all) };
}

interface Plan {
  /** Draft entries left as they are. */
  kept: Set<number>;
  /** Entries of the chosen clubs changed in place (moved, or another venue or leader), with their new values. */
  changed: { entry: TimetableEntry; values: ClubSession }[];
  added: { session: ClubSession; row: ReturnType<typeof rowOf> }[];
  removed: TimetableEntry[];
}

// Each chosen club's sessions: one already in a proposed slot stays there (its
// venue or leader updated if need be); the others move to the remaining slots;
// what is left over is added or removed. Ids survive, so feeds see a move.
function replaced(week: Week, clubIds: number[], sessions: ClubSession[]): Plan {
  const chosen = new Set(clubIds);
  const plan: Plan = { kept: new Set(), changed: [], added: [], removed: [] };
  for (const e of week.entries)
    if (e.kind !== "club" || e.clubId === null || !chosen.has(e.clubId)) plan.kept.add(e.id);
  for (const clubId of chosen) {
    const olds = week.entries.filter((e) => e.kind === "club" && e.clubId === clubId);
    const news = sessions.filter((s) => s.clubId === clubId);
    const same = (e: TimetableEntry, s: ClubSession) => e.weekday === s.weekday && e.periodId === s.periodId;
    const stay = news.filter((s) => olds.some((e) => same(e, s)));
    const move = news.filter((s) => !stay.includes(s));
    const free = olds.filter((e) => !stay.some((s) => same(e, s)));
    for (const s of stay) {
      const e = olds.find((o) => same(o, s))!;
      if (e.venueId === s.venueId && e.staffId === s.staffId) plan.kept.add(e.id);
      else plan.changed.push({ entry: e, values: s });
    }
    move.forEach((s, i) => {
      const e = free[i];
      if (e) plan.changed.push({ entry: e, values: s });
      else
        plan.added.push({
          session: s,
          row: rowOf({ ...newEntry(week, s), id: 0, termId: week.term.id, updatedAt: "" }),
        });
    });
    plan.removed.push(...free.slice(move.length));
  }
  return plan;
}

function newEntry(week: Week, s: ClubSession) {
  const club = week.clubs.find((c) => c.id === s.clubId);
  if (!club) throw new HttpError(409, "proposer.errors.clubGone");
  return {
    weekday: s.weekday,
    periodId: s.periodId,
    kind: "club" as const,
    title: club.name,
    grades: [...club.grades],
    classId: null,
    clubId: club.id,
    staffId: s.staffId,
    venueId: s.venueId,
  };
}

/**
 * Writes a proposal's sessions of `clubIds` into the draft, inside the caller's
 * transaction. Refused (DraftChanged) when the draft is no longer the one the
 * proposal started from, and (ClashRefused) when a written session would clash.
 */
export async function acceptClubLayout(
  em: EntityManager,
  input: { fingerprint: string; clubIds: number[]; sessions: ClubSession[] },
  actor: Actor,
): Promise<{ changed: number; added: number; removed: number }> {
  const week = await openDraft(em);
  if (fingerprintOf(planningOf(week).entries) !== input.fingerprint) throw new DraftChanged();
  const plan = replaced(week, input.clubIds, input.sessions);
  const gone = new Set(plan.removed.map((e) => e.id));
  const proposed = [
    ...plan.changed.map(({ entry, values }) => placementOf(String(entry.id), { ...entry, ...placeOf(values) }, week)),
    ...plan.added.map((a, i) => placementOf(`new-${i}`, a.row, week)),
  ];
  const existing = placementsOf(week).filter((p) => !gone.has(Number(p.entryId)));
  const clashes = clashesForChange(existing, proposed, clashContextOf(week));
  if (clashes.length)
    throw new ClashRefused(explainClashes(clashes, namesOf(week), week.entries, proposed[0]?.entryId ?? ""));
  const now = nowIso();
  const termId = week.term.id;
  for (const e of plan.removed) {
    await removeEntry(em, e.id);
    await audit(em, actor, "timetable.entry.delete", e.id, { before: rowOf(e) });
  }
  for (const { entry, values } of plan.changed) {
    const before = rowOf(entry);
    const saved = await storeEntry(em, entry, placeOf(values), termId, now);
    await audit(em, actor, "timetable.entry.move", saved.id, { before, after: rowOf(saved), proposal: true });
  }
  for (const a of plan.added) {
    const saved = await storeEntry(em, null, newEntry(week, a.session), termId, now);
    await audit(em, actor, "timetable.entry.create", saved.id, { after: rowOf(saved), proposal: true });
  }
  await touchDraft(em, termId, now);
  return { changed: plan.changed.length, added: plan.added.length, removed: plan.removed.length };
}

const placeOf = (s: ClubSession) => ({
  weekday: s.weekday,
  periodId: s.periodId,
  venueId: s.venueId,
  staffId: s.staffId,
});

function audit(em: EntityManager, actor: Actor, action: string, id: number, details: Record<string, unknown>) {
  return recordAudit(em, actor, { action, entity: "timetable_entry", entityId: id, details });
}
