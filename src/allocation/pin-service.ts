// Pins: an admin's decision that a child takes a club in every later run of
// the round. A pin is checked by the engine's own input gate before it is
// kept, so pins that clash, overfill a club or exceed the child's limit are
// refused with the engine's message naming the field. Every change is audited.
import type { DataSource } from "typeorm";
import { inTransaction, nowIso } from "../db";
import type { ChoiceRound } from "../choices";
import { Actor, recordAudit } from "../audit";
import { fieldError } from "../http";
import { parseInstance } from "./core";
import type { AllocationPin } from "./entities";
import { buildInstance } from "./store/instance";
import { currentStudentByNumber, runningClubOfTerm } from "./store/school";
import { deletePin, deletePins, insertPin, pinExists, pinOfRound, pinsOfChild } from "./store/runs";

export interface PinRequest {
  studentNumber: string;
  clubId: number;
  reason: string;
  move: boolean;
}

export async function pinChild(
  ds: DataSource,
  round: ChoiceRound,
  request: PinRequest,
  actor: Actor,
): Promise<AllocationPin> {
  return inTransaction(ds, async (em) => {
    const student = await currentStudentByNumber(em, request.studentNumber);
    if (!student) throw fieldError("studentNumber", "assignment.pins.unknownStudent");
    const club = await runningClubOfTerm(em, request.clubId, round.termId);
    if (!club) throw fieldError("clubId", "assignment.pins.unknownClub");
    if (await pinExists(em, round.id, student.id, club.id)) {
      throw fieldError("clubId", "assignment.pins.duplicate");
    }
    // "Move" replaces the child's other pins; "pin" adds one.
    const replaced = request.move ? await pinsOfChild(em, round.id, student.id) : [];
    if (replaced.length)
      await deletePins(
        em,
        replaced.map((p) => p.id),
      );
    const pin = await insertPin(em, {
      roundId: round.id,
      studentId: student.id,
      clubId: club.id,
      reason: request.reason,
      createdById: actor.kind === "staff" ? actor.id : null,
      createdAt: nowIso(),
    });
    const built = await buildInstance(em, round, 0);
    if (!built.instance.clubs.some((c) => c.id === club.code))
      throw fieldError("clubId", "assignment.pins.clubNotMeeting");
    // Throws InstanceError (e.g. "students[12].pinned[1]: club … clashes with pinned club …"): the transaction rolls back.
    parseInstance(JSON.parse(built.text));
    await recordAudit(em, actor, {
      action: request.move ? "allocation.move" : "allocation.pin",
      entity: "allocation_pin",
      entityId: pin.id,
      reason: request.reason,
      details: {
        roundId: round.id,
        studentId: student.id,
        clubId: club.id,
        club: club.code,
        replaced: replaced.map((p) => p.clubId),
      },
    });
    return pin;
  });
}

export async function unpin(
  ds: DataSource,
  round: ChoiceRound,
  pinId: number,
  reason: string,
  actor: Actor,
): Promise<boolean> {
  return inTransaction(ds, async (em) => {
    const pin = await pinOfRound(em, round.id, pinId);
    if (!pin) return false;
    await deletePin(em, pin.id);
    await recordAudit(em, actor, {
      action: "allocation.unpin",
      entity: "allocation_pin",
      entityId: pin.id,
      reason,
      details: { roundId: round.id, studentId: pin.studentId, clubId: pin.clubId },
    });
    return true;
  });
}
