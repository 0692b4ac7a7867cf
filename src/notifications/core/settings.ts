// The notice settings (the `setting` table) and their defaults. The SMTP
// password is write-only: it is stored, never shown back.
export const NOTICE_SETTING_DEFAULTS = {
  "notify.smtp.host": "",
  "notify.smtp.port": "587",
  "notify.smtp.secure": "false",
  "notify.smtp.user": "",
  "notify.smtp.pass": "",
  "notify.smtp.from": "",
  "notify.wecom.webhook": "",
  "notify.dingtalk.webhook": "",
  "notify.dingtalk.secret": "",
  "notify.escalateAfterMinutes": "15",
} as const;

export type NoticeSettingKey = keyof typeof NOTICE_SETTING_DEFAULTS;
export type NoticeSettings = Record<NoticeSettingKey, string>;
export const NOTICE_SETTING_KEYS = Object.keys(NOTICE_SETTING_DEFAULTS) as NoticeSettingKey[];

/** Which delivery channels the school has configured (e-mail needs a host and a sender). */
export function configuredChannels(s: NoticeSettings): { email: boolean; wecom: boolean; dingtalk: boolean } {
  return {
    email: s["notify.smtp.host"] !== "" && s["notify.smtp.from"] !== "",
    wecom: s["notify.wecom.webhook"] !== "",
    dingtalk: s["notify.dingtalk.webhook"] !== "",
  };
}
