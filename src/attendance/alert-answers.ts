// The family's answer to an absence alert (已请假 / 孩子和我在一起 / 我马上联系老师,
// with an optional short note). Answering is also the family's acknowledgement;
// the class teacher sees the answer on their copy of the alert and is told.
import type { DataSource } from "typeorm";
import { inTransaction } from "../db";
import { HttpError, type SessionUser } from "../http";
import { type Actor, recordAudit } from "../audit";
import type { AlertAnswer } from "./entities";
import { tellClassTeacherOfAnswer } from "./alert-notices";
import { alertById, audienceRow, saveAlert, saveAudienceRow } from "./alert-store";

/** The family's own alert, or 404 before anything is read from the form (another family's id names nothing). */
export async function assertOwnAlert(ds: DataSource, user: SessionUser, alertId: number): Promise<void> {
  const row = user.kind === "family" ? await audienceRow(ds, alertId, { kind: "family", id: user.id }) : null;
  if (!row) throw new HttpError(404, "errors.notFound");
}

export async function answerAlert(
  ds: DataSource,
  user: SessionUser,
  alertId: number,
  answer: { answer: AlertAnswer; note: string | null },
  actor: Actor,
  at: string,
): Promise<void> {
  await inTransaction(ds, async (em) => {
    // Only the family's own copy: another family's alert id is a page that does not exist.
    const row = user.kind === "family" ? await audienceRow(em, alertId, { kind: "family", id: user.id }) : null;
    const alert = row ? await alertById(em, alertId) : null;
    if (!row || !alert) throw new HttpError(404, "errors.notFound");
    // A withdrawn alert asks nothing any more (the mark was corrected or the session cancelled).
    if (alert.state !== "open") throw new HttpError(409, "absence.alert.notOpen");
    alert.answer = answer.answer;
    alert.answerNote = answer.note;
    alert.answeredAt = at;
    await saveAlert(em, alert);
    if (row.acknowledgedAt === null) {
      row.acknowledgedAt = at;
      await saveAudienceRow(em, row);
    }
    await recordAudit(em, actor, {
      action: "attendance.alert-answer",
      entity: "attendance_alert",
      entityId: alertId,
      details: { answer: answer.answer, note: answer.note },
    });
    await tellClassTeacherOfAnswer(em, alert, at);
  });
}
