// Notifications: one pipeline for every notice (issue 21). Any capability
// writes a notice with `notify` / `notifyMany` (a family), `notifyStaff`,
// `notifyAdmins` or `notifyStaffGroup` inside its own transaction: the in-app
// inbox row and one outbox delivery per further channel (e-mail, WeCom,
// DingTalk) exist exactly when the change commits, and the dispatcher delivers
// them afterwards. `kind` picks the i18n text (notifications.kinds.<kind>),
// `payload` fills its placeholders and may carry a `link`.
export { Notification, OutboxDelivery, notificationEntities } from "./entities";
export { notify, notifyMany, notifyStaff, notifyAdmins, notifyStaffGroup } from "./notify";
export { unreadCount, unreadIn, type InboxOwner } from "./store";
export { markAllRead } from "./service";
export { recipientChannels } from "./recipient-channels";
export { noticeSetting, noticeSettings, escalateAfterMinutes } from "./settings";
export {
  type NotificationPayload,
  type Channel,
  type ChannelTarget,
  type Recipient,
  type NoticeSettingKey,
  ChildNameInGroupNotice,
  MANDATORY_KINDS,
  isMandatory,
} from "./core";
export { notificationRoutes } from "./routes";
export { outboxRoutes } from "./outbox-routes";
export { startDispatcher, dispatchOnce, dispatchAll, type RunningDispatcher } from "./dispatcher";
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
export { emailConfigured, notifyAddress } from "./notify-address";
