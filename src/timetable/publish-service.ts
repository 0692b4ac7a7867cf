// Publishing copies the draft entries into Timetable.published, the snapshot
// families and staff see; the draft keeps changing until the next publish.
// Refused while the policy rules report errors, unless the admin gives a
// written reason (kept in the audit log).
import type { DataSource } from "typeorm";
import { nowIso, inTransaction } from "../db";
import { Actor, recordAudit } from "../audit";
import { openDraft, storePublication } from "./store/draft";
import { draftChanges, rowOf } from "./core/entry-row";
import { parseSnapshot } from "./core/snapshot";
import { fieldError, HttpError } from "../http";
import { publishBlockers } from "./publish-blockers";
import { currentTerm } from "./store/week";

export interface PublishOutcome {
  entries: number;
  changes: number;
  publishedAt: string;
  unchanged: boolean;
}

export async function publishTimetable(ds: DataSource, reason: string | null, actor: Actor): Promise<PublishOutcome> {
  const term = await currentTerm(ds.manager);
  if (!term) throw new HttpError(409, "timetable.noTerm");
  // Asked before the write transaction: the rules read through `ds`, and on
  // SQLite a second transaction inside this one would wait for ever.
  const blockers = await publishBlockers(ds, term.id);
  return inTransaction(ds, async (em) => {
    const week = await openDraft(em);
    const rows = week.entries.map(rowOf);
    // A row of the stored snapshot that is not a valid entry is a difference too:
    // publishing again is how the admin replaces it.
    const stored = parseSnapshot(week.timetable?.published, week.term.id);
    const changes = draftChanges(rows, stored.rows) + stored.skipped.length;
    // Publishing what families already see would only add a snapshot, an audit
    // line and a new feed stamp: nothing is written, and no reason is needed.
    const publishedAt = week.timetable?.publishedAt;
    if (publishedAt && changes === 0) return { entries: rows.length, changes, publishedAt, unchanged: true };
    if (blockers.errors > 0 && !reason) throw fieldError("reason", "timetable.publish.reasonRequired");
    const now = nowIso();
    await storePublication(em, week.term.id, rows, now);
    await recordAudit(em, actor, {
      action: "timetable.publish",
      entity: "timetable",
      entityId: week.term.id,
      reason,
      details: {
        entries: rows.length,
        changes,
        errors: blockers.errors,
        warnings: blockers.warnings,
        override: blockers.errors > 0,
      },
    });
    return { entries: rows.length, changes, publishedAt: now, unchanged: false };
  });
}
