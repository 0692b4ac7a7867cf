// The admin's outbox actions: retry a delivery now, save the notice settings,
// and send a test on one channel at once. Each is audited; secrets never
// reach the audit log.
import type { DataSource } from "typeorm";
import { inTransaction, nowIso } from "../db";
import { type Actor, recordAudit } from "../audit";
import { fieldError } from "../http";
import { type DeliveryChannel, type NoticeSettings, newIdempotencyKey, renderEmail, renderGroup } from "./core";
import { SENDERS, type Senders } from "./channels";
import { requeue } from "./outbox-admin-store";
import { saveSettings, staffContacts } from "./recipient-store";
import { noticeSettings } from "./settings";
import type { NoticeSettingsFormData } from "./settings-form";
import { renderTools, schoolFacts } from "./message";
import { wakeDispatcher } from "./wake";

export async function retryNow(ds: DataSource, id: number, actor: Actor): Promise<boolean> {
  const done = await inTransaction(ds, async (em) => {
    const changed = await requeue(em, id, nowIso());
    if (changed) await recordAudit(em, actor, { action: "outbox.retry", entity: "outbox", entityId: id });
    return changed;
  });
  if (done) wakeDispatcher();
  return done;
}

export async function saveNoticeSettings(ds: DataSource, d: NoticeSettingsFormData, actor: Actor): Promise<void> {
  await inTransaction(ds, async (em) => {
    const values: Record<string, string | null> = {
      "notify.smtp.host": d.smtpHost || null,
      "notify.smtp.port": String(d.smtpPort),
      "notify.smtp.secure": d.smtpSecure ? "true" : "false",
      "notify.smtp.user": d.smtpUser || null,
      "notify.smtp.from": d.smtpFrom || null,
      "notify.wecom.webhook": d.wecomWebhook || null,
      "notify.dingtalk.webhook": d.dingtalkWebhook || null,
      "notify.escalateAfterMinutes": String(d.escalateAfterMinutes),
    };
    // Blank keeps the stored secret; "clear" removes it.
    if (d.smtpPassClear) values["notify.smtp.pass"] = null;
    else if (d.smtpPass !== "") values["notify.smtp.pass"] = d.smtpPass;
    if (d.dingtalkSecretClear) values["notify.dingtalk.secret"] = null;
    else if (d.dingtalkSecret !== "") values["notify.dingtalk.secret"] = d.dingtalkSecret;
    await saveSettings(em, values);
    await recordAudit(em, actor, {
      action: "notifications.settings",
      entity: "setting",
      entityId: "notify",
      details: {
        smtpHost: d.smtpHost,
        smtpPort: d.smtpPort,
        smtpSecure: d.smtpSecure,
        smtpUser: d.smtpUser,
        smtpFrom: d.smtpFrom,
        smtpPassword: d.smtpPassClear ? "cleared" : d.smtpPass !== "" ? "changed" : "kept",
        wecom: d.wecomWebhook !== "",
        dingtalk: d.dingtalkWebhook !== "",
        dingtalkSecret: d.dingtalkSecretClear ? "cleared" : d.dingtalkSecret !== "" ? "changed" : "kept",
        escalateAfterMinutes: d.escalateAfterMinutes,
      },
    });
  });
}

export type TestOutcome = { ok: true; to: string | null } | { ok: false; error: string };

/**
 * Sends a test notice on one channel now, outside the outbox, so the admin sees
 * at once whether the settings work: e-mail goes to the admin's own address.
 */
export async function sendTest(
  ds: DataSource,
  channel: DeliveryChannel,
  actor: Actor,
  siteUrl: string,
  senders: Senders = SENDERS,
): Promise<TestOutcome> {
  const settings: NoticeSettings = await noticeSettings(ds);
  const me = actor.id === null ? undefined : (await staffContacts(ds, [actor.id])).get(actor.id);
  const address = channel === "email" ? (me?.email ?? null) : null;
  if (channel === "email" && !address) throw fieldError("channel", "notifications.settings.noOwnEmail");
  const locale = me?.locale ?? "zh-CN";
  const tools = renderTools(locale, await schoolFacts(ds), siteUrl);
  const kind = "notice.test";
  const payload = { link: "/admin/outbox" };
  let outcome: TestOutcome;
  try {
    await senders[channel]({
      delivery: { idempotencyKey: newIdempotencyKey(), channel, address, kind },
      settings,
      email: () => renderEmail(kind, payload, tools),
      group: () => renderGroup(kind, payload, tools),
    });
    outcome = { ok: true, to: address };
  } catch (err) {
    outcome = { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
  await inTransaction(ds, (em) =>
    recordAudit(em, actor, {
      action: "notifications.test",
      entity: "setting",
      entityId: channel,
      details: outcome.ok ? { ok: true } : { ok: false, error: outcome.error.slice(0, 200) },
    }),
  );
  return outcome;
}
