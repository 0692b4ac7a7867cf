// Leave requests: a family asks and may withdraw; the class teacher confirms or
// queries. Each change is one transaction with its audit line and its notice,
// so the notice exists exactly when the change commits.
import type { DataSource } from "typeorm";
import { inTransaction } from "../db";
import { type Actor, recordAudit } from "../audit";
import { notify, notifyStaff } from "../notifications";
import { FormError, HttpError, fieldError, type FieldErrors, type SessionUser } from "../http";
import { currentTermCalendar, schoolNow, schoolToday } from "../kernel";
import type { LeaveRequest } from "./entities";
import { mayDecide, mayWithdraw, rangeProblems, type LeaveKind } from "./core";
import { childSessionsOn } from "./child-sessions";
import {
  activeBetween,
  childById,
  classTeacherOf,
  familyChildren,
  insertLeave,
  leaveById,
  saveLeave,
  type ChildRef,
} from "./store";

export interface LeaveInput {
  studentId: number;
  fromDate: string;
  toDate: string;
  /** One session of a one-day request; null: the whole service. */
  entryId: number | null;
  kind: LeaveKind;
  note: string | null;
}

async function checkDates(ds: DataSource, input: LeaveInput): Promise<void> {
  const cal = await currentTermCalendar(ds);
  if (!cal) throw fieldError("fromDate", "leave.validation.noTerm");
  const problems = rangeProblems(input, {
    today: await schoolToday(ds),
    term: cal.term,
    schoolDates: cal.dates,
  });
  if (!problems.length) return;
  const errors: FieldErrors = {};
  for (const p of problems) errors[p.field] ??= { key: p.key, params: p.params };
  throw new FormError(errors);
}

// One session is chosen from the child's day as the timetable shows it, so it is one date.
async function sessionTitle(ds: DataSource, familyId: number, input: LeaveInput): Promise<string | null> {
  if (input.entryId === null) return null;
  if (input.toDate !== input.fromDate) throw fieldError("entryId", "leave.validation.sessionOneDay");
  const sessions = await childSessionsOn(ds, familyId, input.studentId, input.fromDate);
  const chosen = sessions.find((s) => s.entryId === input.entryId);
  if (!chosen) throw fieldError("entryId", "leave.validation.session");
  return chosen.title.slice(0, 100);
}

// Two requests for the same day would make the teacher answer twice; one session beside another is fine.
async function checkOverlap(ds: DataSource, input: LeaveInput): Promise<void> {
  const overlapping = (await activeBetween(ds, [input.studentId], input.fromDate, input.toDate)).filter(
    (r) => r.entryId === null || input.entryId === null || r.entryId === input.entryId,
  );
  if (overlapping.length)
    throw fieldError("fromDate", "leave.validation.overlap", {
      from: overlapping[0].fromDate,
      to: overlapping[0].toDate,
    });
}

export async function requestLeave(
  ds: DataSource,
  familyId: number,
  input: LeaveInput,
  actor: Actor,
): Promise<{ request: LeaveRequest; child: ChildRef }> {
  const child = (await familyChildren(ds, familyId)).find((c) => c.id === input.studentId);
  if (!child) throw fieldError("studentId", "leave.validation.child");
  await checkDates(ds, input);
  const title = await sessionTitle(ds, familyId, input);
  await checkOverlap(ds, input);
  const at = schoolNow().toISOString();
  const request = await inTransaction(ds, async (em) => {
    const saved = await insertLeave(em, {
      studentId: child.id,
      fromDate: input.fromDate,
      toDate: input.toDate,
      entryId: input.entryId,
      sessionTitle: title,
      kind: input.kind,
      note: input.note,
      status: "pending",
      reply: null,
      decidedByStaffId: null,
      decidedAt: null,
      withdrawnAt: null,
      createdAt: at,
      updatedAt: at,
    });
    await recordAudit(em, actor, {
      action: "leave.request",
      entity: "leave_request",
      entityId: saved.id,
      details: {
        studentId: child.id,
        fromDate: input.fromDate,
        toDate: input.toDate,
        entryId: input.entryId,
        kind: input.kind,
      },
    });
    // The class teacher learns of it where they are (in the app, and by e-mail when they have one).
    const teacherId = await classTeacherOf(em, child.classId);
    if (teacherId !== null)
      await notifyStaff(
        em,
        teacherId,
        "leave.requested",
        {
          child: child.name,
          className: child.className,
          from: input.fromDate,
          to: input.toDate,
          link: `/leave/requests?date=${input.fromDate}`,
        },
        at,
      );
    return saved;
  });
  return { request, child };
}

/** The family's own request, or 404: another family's request does not exist for them. */
export async function familyRequest(ds: DataSource, familyId: number, id: number): Promise<LeaveRequest> {
  const request = await leaveById(ds, id);
  const child = request && (await childById(ds, request.studentId));
  if (!request || !child || child.familyId !== familyId) throw new HttpError(404, "errors.notFound");
  return request;
}

export async function withdrawLeave(ds: DataSource, familyId: number, id: number, actor: Actor): Promise<void> {
  const request = await familyRequest(ds, familyId, id);
  if (!mayWithdraw(request, await schoolToday(ds))) throw new HttpError(409, "leave.cannotWithdraw");
  const at = schoolNow().toISOString();
  await inTransaction(ds, async (em) => {
    request.status = "withdrawn";
    request.withdrawnAt = at;
    request.updatedAt = at;
    await saveLeave(em, request);
    await recordAudit(em, actor, {
      action: "leave.withdraw",
      entity: "leave_request",
      entityId: request.id,
      details: { studentId: request.studentId, fromDate: request.fromDate, toDate: request.toDate },
    });
  });
}

/** A class teacher answers their own class's requests; an admin any. Others: 403; unknown: 404. */
export async function decidableRequest(
  ds: DataSource,
  user: SessionUser,
  id: number,
): Promise<{ request: LeaveRequest; child: ChildRef }> {
  const request = await leaveById(ds, id);
  const child = request && (await childById(ds, request.studentId));
  if (!request || !child || user.kind !== "staff") throw new HttpError(404, "errors.notFound");
  if (user.role !== "admin" && (await classTeacherOf(ds, child.classId)) !== user.id)
    throw new HttpError(403, "errors.forbidden");
  return { request, child };
}

export async function decideLeave(
  ds: DataSource,
  user: SessionUser,
  id: number,
  decision: { action: "confirm" } | { action: "query"; reply: string },
  actor: Actor,
): Promise<{ request: LeaveRequest; child: ChildRef }> {
  const { request, child } = await decidableRequest(ds, user, id);
  if (!mayDecide(request, await schoolToday(ds))) throw fieldError("_form", "leave.cannotDecide");
  const at = schoolNow().toISOString();
  await inTransaction(ds, async (em) => {
    request.status = decision.action === "confirm" ? "confirmed" : "queried";
    request.reply = decision.action === "query" ? decision.reply : null;
    request.decidedByStaffId = user.kind === "staff" ? user.id : null;
    request.decidedAt = at;
    request.updatedAt = at;
    await saveLeave(em, request);
    await recordAudit(em, actor, {
      action: decision.action === "confirm" ? "leave.confirm" : "leave.query",
      entity: "leave_request",
      entityId: request.id,
      details: {
        studentId: child.id,
        fromDate: request.fromDate,
        toDate: request.toDate,
        ...(decision.action === "query" ? { reply: decision.reply } : {}),
      },
    });
    await notify(
      em,
      child.familyId,
      decision.action === "confirm" ? "leave.confirmed" : "leave.queried",
      {
        child: child.name,
        from: request.fromDate,
        to: request.toDate,
        message: decision.action === "query" ? decision.reply : null,
        link: "/leave",
      },
      at,
    );
  });
  return { request, child };
}
