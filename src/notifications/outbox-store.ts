// The outbox table: deliveries written inside the caller's transaction.
import type { EntityManager } from "typeorm";
import { OutboxDelivery } from "./entities";
import { type DeliveryChannel, type NotificationPayload, newIdempotencyKey } from "./core";

export interface NewDelivery {
  kind: string;
  recipientKind: "family" | "staff" | "group";
  recipientId: number | null;
  channel: DeliveryChannel;
  address: string | null;
  payload: NotificationPayload;
  locale: string;
}

export async function insertDeliveries(em: EntityManager, rows: NewDelivery[], at: string): Promise<void> {
  for (let i = 0; i < rows.length; i += 100) {
    await em.getRepository(OutboxDelivery).insert(
      rows.slice(i, i + 100).map((r) => ({
        ...r,
        idempotencyKey: newIdempotencyKey(),
        status: "pending",
        attempts: 0,
        nextAttemptAt: at,
        lastError: null,
        claimedUntil: null,
        claimedBy: null,
        sentAt: null,
        createdAt: at,
      })),
    );
  }
}
