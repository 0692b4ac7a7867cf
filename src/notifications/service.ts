// "Mark all read": one transaction, audited when anything changed.
import type { DataSource } from "typeorm";
import { inTransaction } from "../db";
import { Actor, recordAudit } from "../audit";
import { markRead } from "./store";

export async function markAllRead(ds: DataSource, familyId: number, actor: Actor): Promise<number> {
  return inTransaction(ds, async (em) => {
    const count = await markRead(em, familyId);
    if (count > 0)
      await recordAudit(em, actor, {
        action: "notifications.read",
        entity: "family",
        entityId: familyId,
        details: { count },
      });
    return count;
  });
}
