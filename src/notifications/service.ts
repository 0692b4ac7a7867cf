// "Mark all read": one transaction, audited when anything changed.
import type { DataSource } from "typeorm";
import { inTransaction, nowIso } from "../db";
import { Actor, recordAudit } from "../audit";
import { type InboxOwner, markRead } from "./store";

export async function markAllRead(ds: DataSource, owner: InboxOwner, actor: Actor): Promise<number> {
  return inTransaction(ds, async (em) => {
    const count = await markRead(em, owner, nowIso());
    if (count > 0)
      await recordAudit(em, actor, {
        action: "notifications.read",
        entity: owner.kind,
        entityId: owner.id,
        details: { count },
      });
    return count;
  });
}
