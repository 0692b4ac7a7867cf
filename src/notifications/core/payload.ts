// What a notice carries: placeholders for its catalog text, and perhaps a `link`.
export type NotificationPayload = Record<string, string | number | null>;
