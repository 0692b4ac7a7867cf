// What a channel is handed: one delivery (its key travels with the message),
// the school's notice settings, and the rendered words.
import type { DeliveryChannel, EmailMessage, GroupMessage, NoticeSettings } from "../core";

export interface OutgoingDelivery {
  idempotencyKey: string;
  channel: DeliveryChannel;
  address: string | null;
  kind: string;
}

export interface SendInput {
  delivery: OutgoingDelivery;
  settings: NoticeSettings;
  email: () => EmailMessage;
  group: () => GroupMessage;
}

/** Sends one delivery; resolves when the receiver accepted it, throws (with words) when not. */
export type Sender = (input: SendInput) => Promise<void>;
export type Senders = Record<DeliveryChannel, Sender>;

/** A failure worth recording as the row's last error. */
export class DeliveryError extends Error {}
