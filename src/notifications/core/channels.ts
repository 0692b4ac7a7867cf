// The channels a notice can travel on. "app" is the in-app inbox row; the
// others are outbox deliveries. A recipient is a family, a staff member, or the
// school's staff groups (the WeCom / DingTalk robots).
export const CHANNELS = ["app", "email", "wecom", "dingtalk"] as const;
export type Channel = (typeof CHANNELS)[number];
export type DeliveryChannel = Exclude<Channel, "app">;
export const DELIVERY_CHANNELS: readonly DeliveryChannel[] = ["email", "wecom", "dingtalk"];

export type Recipient = { kind: "family"; id: number } | { kind: "staff"; id: number } | { kind: "group" };

/** One channel a recipient has for a kind; `address` is the e-mail address (null elsewhere). */
export interface ChannelTarget {
  channel: Channel;
  address: string | null;
}

export const isDeliveryChannel = (c: string): c is DeliveryChannel =>
  (DELIVERY_CHANNELS as readonly string[]).includes(c);
