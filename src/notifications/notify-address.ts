// A notice to an address that is nobody's channel yet: the link that verifies a
// family's new e-mail address (account.verifyEmail). E-mail only, one outbox
// delivery, written in the caller's transaction like every notice; no inbox row
// and no preferences (the family asked for this message a moment ago).
import type { EntityManager } from "typeorm";
import { nowIso } from "../db";
import { type NotificationPayload, configuredChannels } from "./core";
import { insertDeliveries } from "./outbox-store";
import { noticeSettings } from "./settings";
import { wakeDispatcher } from "./wake";

type Repos = Pick<EntityManager, "getRepository">;

/** Whether the school has set up e-mail (without it an address cannot be verified). */
export async function emailConfigured(db: Repos): Promise<boolean> {
  return configuredChannels(await noticeSettings(db)).email;
}

/**
 * Writes the delivery; `owner` names the family the address is for, so the
 * admin's delivery list shows whose it is. Returns false (nothing written) when
 * the school has no e-mail set up.
 */
export async function notifyAddress(
  em: EntityManager,
  address: string,
  kind: string,
  payload: NotificationPayload,
  locale: string,
  owner: { kind: "family" | "staff"; id: number } | null = null,
  at = nowIso(),
): Promise<boolean> {
  if (!(await emailConfigured(em))) return false;
  await insertDeliveries(
    em,
    [
      {
        kind,
        recipientKind: owner?.kind ?? "family",
        recipientId: owner?.id ?? null,
        channel: "email",
        address,
        payload,
        locale,
      },
    ],
    at,
  );
  wakeDispatcher();
  return true;
}
