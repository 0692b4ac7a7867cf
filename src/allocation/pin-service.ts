// Pins: an admin's decision that a child takes a club in every later run of
// the round. A pin is checked by the engine's own input gate before it is
// kept, so pins that clash, overfill a club or exceed the child's limit are
// refused with the engine's message naming the field. Every change is audited.
import type { DataSource } from "typeorm";
import { Club, Student, inTransaction, nowIso } from "../db";
import { ChoiceRound } from "../choices/entities";
import { Actor, recordAudit } from "../audit/audit-service";
import { parseInstance } from "./core";
import { AllocationPin } from "./entities";
import { buildInstance } from "./store/instance";

export class PinFieldError extends Error {
  constructor(readonly field: string, readonly key: string, readonly params: Record<string, unknown> = {}) { super(key); }
}

export interface PinRequest { studentNumber: string; clubId: number; reason: string; move: boolean }

export async function pinChild(ds: DataSource, round: ChoiceRound, request: PinRequest, actor: Actor): Promise<AllocationPin> {
  return inTransaction(ds, async (em) => {
    const student = await em.getRepository(Student).findOneBy({ studentNumber: request.studentNumber, archived: false });
    if (!student) throw new PinFieldError("studentNumber", "assignment.pins.unknownStudent");
    const club = await em.getRepository(Club).findOneBy({ id: request.clubId, termId: round.termId, cancelled: false });
    if (!club) throw new PinFieldError("clubId", "assignment.pins.unknownClub");
    const repo = em.getRepository(AllocationPin);
    if (await repo.existsBy({ roundId: round.id, studentId: student.id, clubId: club.id })) {
      throw new PinFieldError("clubId", "assignment.pins.duplicate");
    }
    // "Move" replaces the child's other pins; "pin" adds one.
    const replaced = request.move ? await repo.findBy({ roundId: round.id, studentId: student.id }) : [];
    if (replaced.length) await repo.delete(replaced.map((p) => p.id));
    const pin = await repo.save(repo.create({
      roundId: round.id, studentId: student.id, clubId: club.id, reason: request.reason,
      createdById: actor.kind === "staff" ? actor.id : null, createdAt: nowIso(),
    }));
    const built = await buildInstance(em, round, 0);
    if (!built.instance.clubs.some((c) => c.id === club.code)) throw new PinFieldError("clubId", "assignment.pins.clubNotMeeting");
    // Throws InstanceError (e.g. "students[12].pinned[1]: club … clashes with pinned club …"): the transaction rolls back.
    parseInstance(JSON.parse(built.text));
    await recordAudit(em, actor, {
      action: request.move ? "allocation.move" : "allocation.pin", entity: "allocation_pin", entityId: pin.id, reason: request.reason,
      details: { roundId: round.id, studentId: student.id, clubId: club.id, club: club.code, replaced: replaced.map((p) => p.clubId) },
    });
    return pin;
  });
}

export async function unpin(ds: DataSource, round: ChoiceRound, pinId: number, reason: string, actor: Actor): Promise<boolean> {
  return inTransaction(ds, async (em) => {
    const pin = await em.getRepository(AllocationPin).findOneBy({ id: pinId, roundId: round.id });
    if (!pin) return false;
    await em.getRepository(AllocationPin).delete({ id: pin.id });
    await recordAudit(em, actor, {
      action: "allocation.unpin", entity: "allocation_pin", entityId: pin.id, reason,
      details: { roundId: round.id, studentId: pin.studentId, clubId: pin.clubId },
    });
    return true;
  });
}
