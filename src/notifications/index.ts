// Notifications: a generic inbox per family. Any capability writes one with
// `notify(em, …)` (or `notifyMany`) inside its own transaction, so the family
// sees it the moment the change commits; `kind` picks the i18n text
// (notifications.kinds.<kind>), `payload` fills its placeholders and may carry
// a `link`. What other capabilities may use:
export { Notification, notificationEntities } from "./entities";
export { notify, notifyMany, unreadCount, type NotificationPayload } from "./store";
export { markAllRead } from "./service";
export { notificationRoutes } from "./routes";
