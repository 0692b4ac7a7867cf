// The school-wide offer expiry (hours a family has to answer a waitlist
// offer), set from a round's page; audited.
import type { DataSource } from "typeorm";
import { inTransaction } from "../db";
import { Actor, recordAudit } from "../audit";
import { saveOfferHours } from "./store/runs";
import { OFFER_HOURS_KEY } from "./store/waitlist-context";

export async function setOfferHours(ds: DataSource, hours: number, actor: Actor): Promise<void> {
  await inTransaction(ds, async (em) => {
    await saveOfferHours(em, hours);
    await recordAudit(em, actor, {
      action: "setting.update",
      entity: "setting",
      entityId: OFFER_HOURS_KEY,
      details: { hours },
    });
  });
}
