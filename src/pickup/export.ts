// A child's pick-up data for the family's copy (PIPL export): the family's list
// (it is about who collects this child) and the child's early pick-ups. Deleting
// the child deletes the pick-ups, deleting the family the list (foreign keys cascade).
import type { DataSource } from "typeorm";
import { earlyPickupsOfChild, peopleOf } from "./store";

export async function pickupOfChild(
  ds: DataSource,
  studentId: number,
  familyId: number,
): Promise<Record<string, unknown>> {
  const [people, early] = await Promise.all([peopleOf(ds, familyId), earlyPickupsOfChild(ds, studentId)]);
  return {
    pickupPeople: people.map((p) => ({
      name: p.name,
      relation: p.relation,
      relationOther: p.relationOther,
      phone: p.phone,
      createdAt: p.createdAt,
      updatedAt: p.updatedAt,
    })),
    earlyPickups: early
      .slice()
      .reverse()
      .map((e) => ({
        date: e.date,
        time: e.localTime,
        person: e.personName,
        relation: e.relation,
        relationOther: e.relationOther,
        unlisted: e.unlisted,
        recordedAt: e.recordedAt,
      })),
  };
}
