// Children leaving the school: archived and their memberships closed in the
// ledger, inside the caller's transaction (the office, for one child
// mid-term); the seats they held are offered to the waitlist at once.
import { type EntityManager, In } from "typeorm";
import { Student } from "../db";
import { recordLeaving } from "../membership";
import { offerFreedSeats } from "./seats-freed";

export async function childrenLeave(em: EntityManager, studentIds: number[], now: Date): Promise<void> {
  if (!studentIds.length) return;
  await em.getRepository(Student).update({ id: In(studentIds) }, { archived: true });
  const freed = await recordLeaving(em, studentIds, now.toISOString());
  await offerFreedSeats(em, freed, now);
}
