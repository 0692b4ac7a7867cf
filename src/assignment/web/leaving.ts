// Children leaving the school: archived and their memberships closed in the
// ledger, inside the caller's transaction (the next-term page's leavers, or
// the office for one child mid-term).
import type { EntityManager } from "typeorm";
import { In } from "typeorm";
import { Student } from "../../db/entities";
import { recordLeaving } from "../../membership";

export async function childrenLeave(em: EntityManager, studentIds: number[], now: Date): Promise<void> {
  if (!studentIds.length) return;
  await em.getRepository(Student).update({ id: In(studentIds) }, { archived: true });
  await recordLeaving(em, studentIds, now.toISOString());
}
