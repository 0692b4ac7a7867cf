// A round's notices to families (issue 21): "round.opened" (families with a
// child in its grades, with the deadline and a link to the form) and
// "round.deadline" (families who have not answered, once, DEADLINE_REMINDER_HOURS
// before closing). Each is claimed by one row per round and kind in the same
// transaction as its notices, so the sweep is idempotent and every instance may run it.
import type { DataSource, EntityManager } from "typeorm";
import { inTransaction } from "../db";
import { recordAudit, SYSTEM } from "../audit";
import { notifyMany } from "../notifications";
import { formatStored, schoolZone } from "../kernel";
import type { ChoiceRound } from "./entities";
import { deadlineReminderDue, openingDue } from "./core/round-notices";
import { claimRoundNotice, countRoundNotice, familiesOfRound, openRoundsWithNotices } from "./store/round-notices";

export type RoundNoticeKind = "round.opened" | "round.deadline";

/** Sends the round's notice of this kind unless it went already; returns how many families it reached (0 when not sent now). */
async function send(em: EntityManager, round: ChoiceRound, kind: RoundNoticeKind, at: string): Promise<number> {
  if (!(await claimRoundNotice(em, round.id, kind, at))) return 0;
  const families = await familiesOfRound(em, round, kind === "round.deadline");
  const deadline = formatStored(round.closesAt, await schoolZone(em));
  await notifyMany(
    em,
    families.map((familyId) => ({ familyId, kind, payload: { round: round.name, deadline, link: "/choices" } })),
    at,
  );
  await countRoundNotice(em, round.id, kind, families.length);
  await recordAudit(em, SYSTEM, {
    action: kind === "round.opened" ? "round.notify.opened" : "round.notify.deadline",
    entity: "choice_round",
    entityId: round.id,
    details: { families: families.length },
  });
  return families.length;
}

/** Inside a round's create or update: a round that is open now is announced in the same transaction. */
export async function announceIfOpen(em: EntityManager, round: ChoiceRound, now: string): Promise<number> {
  return openingDue(round, now) ? send(em, round, "round.opened", now) : 0;
}

/**
 * The periodic sweep (src/server.ts): rounds that opened by the clock are
 * announced, rounds near their deadline remind the families who have not
 * answered. One transaction per notice; a round already claimed is skipped.
 */
export async function sweepRoundNotices(
  ds: DataSource,
  now = new Date(),
): Promise<{ opened: number; reminded: number }> {
  const at = now.toISOString();
  const totals = { opened: 0, reminded: 0 };
  for (const { round, sent } of await openRoundsWithNotices(ds.manager, at)) {
    if (!sent.includes("round.opened") && openingDue(round, at))
      totals.opened += await inTransaction(ds, (em) => send(em, round, "round.opened", at));
    if (!sent.includes("round.deadline") && deadlineReminderDue(round, at))
      totals.reminded += await inTransaction(ds, (em) => send(em, round, "round.deadline", at));
  }
  return totals;
}
