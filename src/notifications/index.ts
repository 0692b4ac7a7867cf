// Notifications: a generic inbox per family. Any capability writes one with
// `notify(em, …)` (or `notifyMany`) inside its own transaction, so the family
// sees it the moment the change commits; `kind` picks the i18n text
// (notifications.kinds.<kind>), `payload` fills its placeholders and may carry
// a `link`. What other capabilities may use:
export { Notification, notificationEntities } from "./entities";
export { notify, notifyMany, unreadCount, type NotificationPayload } from "./store";
export { markAllRead } from "./service";
export { notificationRoutes } from "./routes";
// Who gets which notice where (issue 21): a family's e-mail address, each person's settings.
export { FamilyEmail, NoticeOptOut, peopleEntities } from "./people-entities";
export {
  familyEmailOf,
  putFamilyEmail,
  removeFamilyEmail,
  renewFamilyEmailToken,
  usableFamilyEmail,
  verifyFamilyEmail,
  withdrawFamilyEmail,
  type FamilyEmailView,
} from "./family-email-store";
export { optOutsOf } from "./preference-store";
export { preferenceRoutes } from "./preference-routes";
