// Pick-up people and early pick-ups: each change in one transaction with its
// audit line and the notices it causes.
import type { DataSource } from "typeorm";
import { inTransaction } from "../db";
import { fieldError, HttpError } from "../http";
import { type Actor, recordAudit } from "../audit";
import { notify, notifyAdmins, notifyStaff } from "../notifications";
import { schoolZone, wallClockToUtc } from "../kernel";
import { type Collector, MAX_PICKUP_PEOPLE, type Relation, resolveCollector, roomForMore, undoRefusal } from "./core";
import {
  childOf,
  countPeople,
  deleteEarlyPickup,
  deletePerson,
  earlyPickupOf,
  peopleOf,
  personOf,
  saveEarlyPickup,
  savePerson,
} from "./store";

export interface PersonInput {
  name: string;
  relation: Relation;
  relationOther: string | null;
  phone: string;
}

// The audit keeps what changed without the phone number (the log travels further than the list).
const auditOf = (p: PersonInput) => ({ name: p.name, relation: p.relation, relationOther: p.relationOther });

export async function addPerson(
  ds: DataSource,
  familyId: number,
  input: PersonInput,
  actor: Actor,
  at: string,
): Promise<number> {
  return inTransaction(ds, async (em) => {
    if (!roomForMore(await countPeople(em, familyId)))
      throw fieldError("name", "pickup.people.full", { max: MAX_PICKUP_PEOPLE });
    const person = await savePerson(em, { familyId, ...input, createdAt: at, updatedAt: at });
    await recordAudit(em, actor, {
      action: "pickup.person-add",
      entity: "family",
      entityId: familyId,
      details: { person: person.id, ...auditOf(input) },
    });
    return person.id;
  });
}

export async function updatePerson(
  ds: DataSource,
  familyId: number,
  id: number,
  input: PersonInput,
  actor: Actor,
  at: string,
): Promise<void> {
  await inTransaction(ds, async (em) => {
    const person = await personOf(em, familyId, id);
    if (!person) throw new HttpError(404, "errors.notFound");
    await savePerson(em, { ...person, ...input, updatedAt: at });
    await recordAudit(em, actor, {
      action: "pickup.person-edit",
      entity: "family",
      entityId: familyId,
      details: { person: id, ...auditOf(input), phoneChanged: person.phone !== input.phone },
    });
  });
}

export async function removePerson(ds: DataSource, familyId: number, id: number, actor: Actor): Promise<void> {
  await inTransaction(ds, async (em) => {
    const person = await personOf(em, familyId, id);
    if (!person) throw new HttpError(404, "errors.notFound");
    await deletePerson(em, id);
    await recordAudit(em, actor, {
      action: "pickup.person-remove",
      entity: "family",
      entityId: familyId,
      details: { person: id, name: person.name, relation: person.relation },
    });
  });
}

export interface EarlyPickupInput {
  studentId: number;
  date: string;
  /** "16:05", school wall clock. */
  time: string;
  collector: Collector;
  entryId: number | null;
  staffId: number;
}

/**
 * Records (or corrects) that a child was collected early. The caller has checked
 * the teacher may: they teach the child's class or session that date. The family
 * is told; someone not on the list is flagged to the class teacher and admins.
 */
export async function recordEarlyPickup(
  ds: DataSource,
  input: EarlyPickupInput,
  actor: Actor,
  at: string,
): Promise<{ unlisted: boolean }> {
  const zone = await schoolZone(ds.manager);
  return inTransaction(ds, async (em) => {
    const child = await childOf(em, input.studentId);
    if (!child) throw new HttpError(404, "errors.notFound");
    const who = resolveCollector(input.collector, await peopleOf(em, child.familyId));
    if (!who) throw fieldError("person", "pickup.early.notOnList");
    const old = await earlyPickupOf(em, child.id, input.date);
    await saveEarlyPickup(em, {
      ...(old ? { id: old.id } : {}),
      studentId: child.id,
      date: input.date,
      pickedUpAt: wallClockToUtc(input.date, input.time, zone).toISOString(),
      localTime: input.time,
      pickupPersonId: who.personId,
      personName: who.name,
      relation: who.relation,
      relationOther: who.relationOther,
      unlisted: who.unlisted,
      entryId: input.entryId,
      recordedByStaffId: input.staffId,
      recordedAt: at,
    });
    await recordAudit(em, actor, {
      action: old ? "pickup.early-correct" : "pickup.early",
      entity: "student",
      entityId: child.id,
      details: { date: input.date, time: input.time, person: who.personId, name: who.name, unlisted: who.unlisted },
    });
    const payload = {
      child: child.name,
      date: input.date,
      time: input.time,
      person: who.name,
      link: "/family/pickup",
    };
    await notify(em, child.familyId, who.unlisted ? "pickup.earlyUnlisted" : "pickup.early", payload, at);
    if (who.unlisted) {
      // Someone not on the family's list: the class teacher and the office check at once.
      const staffPayload = {
        ...payload,
        class: child.className,
        link: `/classes/${child.classId}/day?date=${input.date}`,
      };
      if (child.classTeacherId !== null)
        await notifyStaff(em, child.classTeacherId, "pickup.unlisted", staffPayload, at);
      await notifyAdmins(em, "pickup.unlisted", staffPayload, at);
    }
    return { unlisted: who.unlisted };
  });
}

/**
 * Undoes (撤销) an early pick-up recorded by mistake, on its own day, by the
 * teacher who recorded it or an admin; audited with what was removed. Whoever
 * was told of the pick-up is told it was a mistake: the family always (the
 * pick-up notices cannot be switched off and its inbox keeps every notice, so
 * the family was told on every channel it has), the class teacher and the
 * admins when the collector was not on the list (only then were they told).
 */
export async function undoEarlyPickup(
  ds: DataSource,
  input: { studentId: number; date: string; staffId: number; isAdmin: boolean; today: string },
  actor: Actor,
  at: string,
): Promise<void> {
  await inTransaction(ds, async (em) => {
    const child = await childOf(em, input.studentId);
    const pickup = child ? await earlyPickupOf(em, child.id, input.date) : null;
    if (!child || !pickup) throw new HttpError(404, "pickup.early.nothingToUndo");
    const refusal = undoRefusal(pickup, input, input.today);
    if (refusal) throw new HttpError(403, `pickup.early.undo.${refusal}`);
    await deleteEarlyPickup(em, pickup.id);
    await recordAudit(em, actor, {
      action: "pickup.early-undo",
      entity: "student",
      entityId: child.id,
      details: {
        date: pickup.date,
        time: pickup.localTime,
        name: pickup.personName,
        unlisted: pickup.unlisted,
        recordedBy: pickup.recordedByStaffId,
      },
    });
    const payload = {
      child: child.name,
      date: pickup.date,
      time: pickup.localTime,
      person: pickup.personName,
      link: "/family/pickup",
    };
    await notify(em, child.familyId, "pickup.earlyUndone", payload, at);
    if (pickup.unlisted) {
      const staffPayload = {
        ...payload,
        class: child.className,
        link: `/classes/${child.classId}/day?date=${pickup.date}`,
      };
      if (child.classTeacherId !== null)
        await notifyStaff(em, child.classTeacherId, "pickup.unlistedUndone", staffPayload, at);
      await notifyAdmins(em, "pickup.unlistedUndone", staffPayload, at);
    }
  });
}
