// Ending an account's sessions: each staff member and family has a
// sessionVersion; a session remembers the one it logged in with and the
// per-request check (http/session-check.ts) ends it when they differ. Raising
// the number ends every session of the account at once, on every instance.
import type { EntityManager } from "typeorm";
import { Family, Staff } from "../../db";

export type AccountKind = "staff" | "family";

export async function endSessionsOf(em: EntityManager, kind: AccountKind, id: number): Promise<number> {
  const entity = kind === "staff" ? Staff : Family;
  await em.getRepository(entity).increment({ id }, "sessionVersion", 1);
  const row = await em.getRepository(entity).findOne({ select: { id: true, sessionVersion: true }, where: { id } });
  return row?.sessionVersion ?? 0;
}
