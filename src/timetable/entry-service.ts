// Adds, edits, moves and deletes timetable entries of the current term. Each
// save is checked for clashes first (clashesForChange: only this entry moves,
// no other is touched) and refused with the explanation when one is found.
// A saved change raises the entry's sequence and updatedAt (calendar feeds
// carry them), marks the draft changed, and is audit-logged in the same transaction.
import type { DataSource, EntityManager } from "typeorm";
import { type TimetableEntry, nowIso, inTransaction } from "../db";
import { Actor, recordAudit } from "../audit";
import { HttpError, fieldError } from "../http";
import { clashesForChange } from "./core/clashes";
import { ClashExplanation, explainClashes } from "./clash-messages";
import type { EntryFormData, MoveFormData } from "./entry-form";
import { rowOf } from "./core/entry-row";
import { clashContextOf, NEW_ENTRY_ID, placementOf, placementsOf } from "./placements";
import { resolveEntry, ResolvedEntry } from "./resolve-entry";
import { openDraft, touchDraft } from "./store/draft";
import { removeEntry, storeEntry } from "./store/entries";
import { namesOf, Week } from "./store/week";

export class ClashRefused extends Error {
  constructor(readonly clashes: ClashExplanation[]) {
    super(`refused: ${clashes.length} clash(es)`);
  }
}

/** What saving would break, without saving: the form's "check" button. */
export async function checkEntry(ds: DataSource, id: number | null, input: EntryFormData): Promise<ClashExplanation[]> {
  return inTransaction(ds, async (em) => {
    const { week, before } = await openEntry(em, id);
    return clashesOf(week, id, resolveEntry(input, week, before));
  });
}

export async function saveEntry(
  ds: DataSource,
  id: number | null,
  input: EntryFormData,
  actor: Actor,
): Promise<TimetableEntry> {
  return inTransaction(ds, async (em) => {
    const { week, before } = await openEntry(em, id);
    const proposed = resolveEntry(input, week, before);
    return commit(em, week, before, proposed, actor, before ? "timetable.entry.update" : "timetable.entry.create");
  });
}

// Moving changes the slot only; everything else about the entry stays.
export async function moveEntry(ds: DataSource, id: number, slot: MoveFormData, actor: Actor): Promise<TimetableEntry> {
  return inTransaction(ds, async (em) => {
    const { week, before } = await openEntry(em, id);
    if (!week.periods.some((p) => p.id === slot.periodId)) throw fieldError("periodId", "timetable.errors.period");
    const e = before!;
    const proposed: ResolvedEntry = {
      weekday: slot.weekday,
      periodId: slot.periodId,
      kind: e.kind,
      title: e.title,
      grades: [...e.grades],
      classId: e.classId,
      clubId: e.clubId,
      staffId: e.staffId,
      venueId: e.venueId,
    };
    return commit(em, week, before, proposed, actor, "timetable.entry.move");
  });
}

export async function deleteEntry(ds: DataSource, id: number, actor: Actor): Promise<TimetableEntry> {
  return inTransaction(ds, async (em) => {
    const { before } = await openEntry(em, id);
    await removeEntry(em, id);
    await touchDraft(em, before!.termId, nowIso());
    await recordAudit(em, actor, {
      action: "timetable.entry.delete",
      entity: "timetable_entry",
      entityId: id,
      details: { before: rowOf(before!) },
    });
    return before!;
  });
}

async function openEntry(em: EntityManager, id: number | null): Promise<{ week: Week; before: TimetableEntry | null }> {
  const week = await openDraft(em);
  const before = id === null ? null : (week.entries.find((e) => e.id === id) ?? null);
  if (id !== null && !before) throw new HttpError(404, "errors.notFound");
  return { week, before };
}

function clashesOf(week: Week, id: number | null, proposed: ResolvedEntry): ClashExplanation[] {
  const selfId = id === null ? NEW_ENTRY_ID : String(id);
  const clashes = clashesForChange(placementsOf(week), placementOf(selfId, proposed, week), clashContextOf(week));
  return explainClashes(clashes, namesOf(week), week.entries, selfId);
}

async function commit(
  em: EntityManager,
  week: Week,
  before: TimetableEntry | null,
  proposed: ResolvedEntry,
  actor: Actor,
  action: string,
): Promise<TimetableEntry> {
  const clashes = clashesOf(week, before?.id ?? null, proposed);
  if (clashes.length) throw new ClashRefused(clashes);
  const now = nowIso();
  const beforeRow = before ? rowOf(before) : null;
  const saved = await storeEntry(em, before, proposed, week.term.id, now);
  await touchDraft(em, week.term.id, now);
  await recordAudit(em, actor, {
    action,
    entity: "timetable_entry",
    entityId: saved.id,
    details: { ...(beforeRow && { before: beforeRow }), after: rowOf(saved) },
  });
  return saved;
}
