// Children leaving the school: archived and their memberships closed in the
// ledger, inside the caller's transaction (the office, for one child
// mid-term); the seats they held are offered to the waitlist at once.
import type { EntityManager } from "typeorm";
import { archiveStudents } from "./store/school";
import { recordLeaving } from "../membership";
import { offerFreedSeats } from "./seats-freed";

export async function childrenLeave(em: EntityManager, studentIds: number[], now: Date): Promise<void> {
  if (!studentIds.length) return;
  await archiveStudents(em, studentIds);
  const freed = await recordLeaving(em, studentIds, now.toISOString());
  await offerFreedSeats(em, freed, now);
}
