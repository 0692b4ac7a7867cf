// Writing the per-date changes to the week: cancel a session or a day, cover a
// session, remove either. Each is checked against what the date really holds
// (the kernel's calendar through the timetable's sessionsOn), written with its
// audit line in one transaction, and refused field by field when wrong.
// The kernel owns the tables and their rules (kernel/core/date-changes, its
// store); this writer lives with the timetable because it asks the timetable
// what the date holds and withdraws the registers' alerts.
import type { DataSource, EntityManager } from "typeorm";
import { currentTerm, inTransaction } from "../db";
import { recordAudit, type Actor } from "../audit";
import { withdrawAlertsOfCancelled } from "../attendance";
import { publishedOf, sessionsOn } from "./store/published";
import type { DatedSession } from "./core";
import {
  dayCancellationsOn,
  deleteDateChange,
  insertCancellation,
  insertCover,
  periodsById,
  staffById,
  schoolNow,
  type DateChangeKind,
  type SessionCancellation,
  type SessionCover,
} from "../kernel";
import { overlaps, type CancelInput, type CoverInput, type FormErrors } from "../kernel/core";

/** The change is refused; `errors` names each wrong field (an i18n key each). */
export class DateChangeRefused extends Error {
  constructor(readonly errors: FormErrors) {
    super(`date change refused: ${Object.keys(errors).join(", ")}`);
  }
}

interface DateContext {
  termId: number;
  sessions: DatedSession[];
  hasService: boolean;
}

// The date must lie in the current term; then its sessions as they stand (changes applied).
async function dateContext(em: EntityManager, date: string): Promise<DateContext> {
  const term = await currentTerm(em);
  if (!term || date < term.startDate || date > term.endDate)
    throw new DateChangeRefused({ date: { key: "dateChanges.error.outsideTerm" } });
  const { day, sessions } = await sessionsOn(em, date);
  return { termId: term.id, sessions, hasService: day?.runsWeekday != null };
}

// The entry's session on the date, or which field is wrong: an entry that is published but
// does not run that date is the date's fault; one that is not published at all, the entry's.
async function sessionOf(em: EntityManager, ctx: DateContext, entryId: number): Promise<DatedSession> {
  const session = ctx.sessions.find((s) => s.entry.id === entryId);
  if (session) return session;
  const published = (await publishedOf(em, ctx.termId)).rows.some((r) => r.id === entryId);
  throw new DateChangeRefused(
    published
      ? { date: { key: "dateChanges.error.notThatDay" } }
      : { entryId: { key: "dateChanges.error.noSuchSession" } },
  );
}

const isUniqueViolation = (err: unknown): boolean => {
  const code = (err as { driverError?: { code?: string } })?.driverError?.code;
  return code === "23505" || code === "SQLITE_CONSTRAINT_UNIQUE";
};

export async function cancelSession(ds: DataSource, input: CancelInput, actor: Actor): Promise<SessionCancellation> {
  return inTransaction(ds, async (em) => {
    const ctx = await dateContext(em, input.date);
    if (!ctx.hasService) throw new DateChangeRefused({ date: { key: "dateChanges.error.noService" } });
    let title: string | null = null;
    if (input.entryId !== null) {
      const session = await sessionOf(em, ctx, input.entryId);
      if (session.cancelled) throw new DateChangeRefused({ entryId: { key: "dateChanges.error.alreadyCancelled" } });
      title = session.entry.title;
    } else {
      const days = await dayCancellationsOn(em, ctx.termId, input.date);
      // The whole school's day already stops every grade; the same grade twice is a duplicate.
      if (days.some((d) => d.grade === null || d.grade === input.grade)) {
        throw new DateChangeRefused({ grade: { key: "dateChanges.error.alreadyCancelled" } });
      }
    }
    const row = await insertCancellation(em, {
      ...input,
      termId: ctx.termId,
      createdByStaffId: actor.kind === "staff" ? actor.id : null,
      createdAt: schoolNow().toISOString(),
    });
    await recordAudit(em, actor, {
      action: "date-change.cancel",
      entity: "session_cancellation",
      entityId: row.id,
      details: { date: row.date, entryId: row.entryId, title, grade: row.grade, reason: row.reason, note: row.note },
    });
    // The sessions this cancellation stops (asked again, now that it is written): their open
    // absence alerts go in the same transaction, since no one was absent from a session not held.
    const wasCancelled = new Set(ctx.sessions.filter((s) => s.cancelled !== null).map((s) => s.entry.id));
    const stopped = (await sessionsOn(em, input.date)).sessions.filter(
      (s) => s.cancelled !== null && !wasCancelled.has(s.entry.id),
    );
    await withdrawAlertsOfCancelled(
      em,
      row,
      stopped.map((s) => ({ entryId: s.entry.id, title: s.entry.title })),
      actor,
      row.createdAt,
    );
    return row;
  });
}

export async function coverSession(ds: DataSource, input: CoverInput, actor: Actor): Promise<SessionCover> {
  return inTransaction(ds, async (em) => {
    const ctx = await dateContext(em, input.date);
    const session = await sessionOf(em, ctx, input.entryId);
    if (session.cancelled) throw new DateChangeRefused({ entryId: { key: "dateChanges.error.cancelled" } });
    if (session.covered) throw new DateChangeRefused({ entryId: { key: "dateChanges.error.alreadyCovered" } });
    const staff = await staffById(em, input.staffId);
    if (!staff || !staff.active) throw new DateChangeRefused({ staffId: { key: "dateChanges.error.noSuchStaff" } });
    if (staff.id === session.entry.staffId)
      throw new DateChangeRefused({ staffId: { key: "dateChanges.error.ownStaff" } });
    const clash = await clashOf(em, ctx, session, staff.id);
    if (clash)
      throw new DateChangeRefused({
        staffId: { key: "dateChanges.error.clash", params: { name: staff.name, title: clash.entry.title } },
      });
    const row = await insertCover(em, {
      ...input,
      termId: ctx.termId,
      createdByStaffId: actor.kind === "staff" ? actor.id : null,
      createdAt: schoolNow().toISOString(),
    });
    await recordAudit(em, actor, {
      action: "date-change.cover",
      entity: "session_cover",
      entityId: row.id,
      details: {
        date: row.date,
        entryId: row.entryId,
        title: session.entry.title,
        staffId: staff.id,
        staffName: staff.name,
        ownStaffId: session.entry.staffId,
      },
    });
    return row;
  }).catch((err: unknown) => {
    // Two admins covering the same session at once: the unique (entry, date) refuses the second.
    if (isUniqueViolation(err)) throw new DateChangeRefused({ entryId: { key: "dateChanges.error.alreadyCovered" } });
    throw err;
  });
}

// A session the staff member already leads that date at an overlapping time (a cancelled one frees them).
async function clashOf(
  em: EntityManager,
  ctx: DateContext,
  session: DatedSession,
  staffId: number,
): Promise<DatedSession | null> {
  const periods = await periodsById(em, ctx.termId);
  const mine = periods.get(session.entry.periodId);
  return (
    ctx.sessions.find(
      (s) =>
        s.entry.id !== session.entry.id &&
        !s.cancelled &&
        s.staffId === staffId &&
        (() => {
          const theirs = periods.get(s.entry.periodId);
          return s.entry.periodId === session.entry.periodId || (!!mine && !!theirs && overlaps(mine, theirs));
        })(),
    ) ?? null
  );
}

/** Removes one change (undo); false when there is no such change. */
export async function removeDateChange(
  ds: DataSource,
  kind: DateChangeKind,
  id: number,
  actor: Actor,
): Promise<boolean> {
  return inTransaction(ds, async (em) => {
    const details = await deleteDateChange(em, kind, id);
    if (!details) return false;
    await recordAudit(em, actor, {
      action: "date-change.remove",
      entity: kind === "cancel" ? "session_cancellation" : "session_cover",
      entityId: id,
      details: { kind, ...details },
    });
    return true;
  });
}
