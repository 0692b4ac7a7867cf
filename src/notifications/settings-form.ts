// The notice settings form: SMTP and the two robots. Messages are i18n keys.
// A blank password (or DingTalk secret) keeps the stored one: secrets are
// never shown back, so the form cannot round-trip them.
import { z } from "zod";
import { plainText } from "../http";

// A host name or an IPv4 address; no scheme, no port, no spaces.
const HOST =
  /^(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;

const optionalHttps = plainText(500).refine((v) => {
  if (v === "") return true;
  try {
    const u = new URL(v);
    return u.protocol === "https:" && u.hostname !== "" && !u.username && !u.password;
  } catch {
    return false;
  }
}, "notifications.settings.httpsUrl");

const checkbox = z.preprocess((v) => v === "1" || v === "on" || v === "true", z.boolean());

export const noticeSettingsForm = z
  .object({
    smtpHost: plainText(200).refine((v) => v === "" || HOST.test(v), "notifications.settings.badHost"),
    smtpPort: z
      .string({ message: "validation.required" })
      .trim()
      .regex(/^\d{1,5}$/, "notifications.settings.badPort")
      .transform(Number)
      .refine((n) => n >= 1 && n <= 65535, "notifications.settings.badPort"),
    smtpSecure: checkbox,
    smtpUser: plainText(200),
    smtpPass: z.string().max(200, "validation.tooLong").optional().default(""),
    smtpPassClear: checkbox,
    smtpFrom: plainText(200).refine(
      (v) => v === "" || z.email().safeParse(v).success,
      "notifications.settings.badFrom",
    ),
    wecomWebhook: optionalHttps,
    dingtalkWebhook: optionalHttps,
    dingtalkSecret: plainText(200),
    dingtalkSecretClear: checkbox,
    escalateAfterMinutes: z
      .string({ message: "validation.required" })
      .trim()
      .regex(/^\d{1,3}$/, "notifications.settings.badMinutes")
      .transform(Number)
      .refine((n) => n >= 1 && n <= 240, "notifications.settings.badMinutes"),
  })
  .refine((d) => d.smtpHost === "" || d.smtpFrom !== "", {
    path: ["smtpFrom"],
    message: "notifications.settings.fromNeeded",
  })
  .refine((d) => d.smtpFrom === "" || d.smtpHost !== "", {
    path: ["smtpHost"],
    message: "notifications.settings.hostNeeded",
  });

export type NoticeSettingsFormData = z.infer<typeof noticeSettingsForm>;

export const TEST_CHANNELS = ["email", "wecom", "dingtalk"] as const;
