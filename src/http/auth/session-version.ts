// Ending an account's sessions: each staff member and family has a
// sessionVersion; a session remembers the one it logged in with and the
// per-request check (http/session-check.ts) ends it when they differ. Raising
// the number ends every session of the account at once, on every instance.
import type { EntityManager } from "typeorm";
import { raiseSessionVersion, type AccountKind } from "../store";

export type { AccountKind } from "../store";

export async function endSessionsOf(em: EntityManager, kind: AccountKind, id: number): Promise<number> {
  return raiseSessionVersion(em, kind, id);
}
