// Admin: the outbox status page ("通知发送": every delivery, its status and
// last error, "retry now" for a failed one) and the notice settings (SMTP and
// the two group robots, with "send a test" per channel).
import { type Response, Router } from "express";
import type { DataSource } from "typeorm";
import {
  type FieldErrors,
  FormError,
  HttpError,
  formBody,
  idParam,
  pageCount,
  pageOf,
  scope,
  siteBase,
  submit,
} from "../http";
import { actorOf } from "../audit";
import { formatStored, schoolZone } from "../kernel";
import { DELIVERY_CHANNELS, type DeliveryChannel, configuredChannels, isDeliveryChannel } from "./core";
import { deliveryById, listDeliveries, outboxKinds, statusCounts } from "./outbox-admin-store";
import { retryNow, saveNoticeSettings, sendTest } from "./outbox-service";
import { noticeSettingsForm } from "./settings-form";
import { noticeSettings } from "./settings";

const STATUSES = ["pending", "sent", "failed"];
const oneOf = (list: readonly string[], v: unknown): string | null =>
  typeof v === "string" && list.includes(v) ? v : null;

export function outboxRoutes(ds: DataSource): Router {
  const router = Router();

  router.get("/admin/outbox", scope.admin("the school's notice deliveries"), async (req, res) => {
    const page = pageOf(req.query, 30);
    const kinds = await outboxKinds(ds);
    const filter = {
      status: oneOf(STATUSES, req.query.status),
      channel: oneOf(DELIVERY_CHANNELS, req.query.channel),
      kind: oneOf(kinds, req.query.kind),
    };
    const [rows, total] = await listDeliveries(ds, filter, page.skip, page.size);
    const zone = await schoolZone(ds);
    res.locals.when = (iso: string | null | undefined) => formatStored(iso, zone);
    const extra = Object.entries(filter)
      .filter(([, v]) => v)
      .map(([k, v]) => `&${k}=${encodeURIComponent(v!)}`)
      .join("");
    res.render("notifications/outbox", {
      title: res.locals.t("notifications.outbox.title"),
      rows,
      total,
      counts: await statusCounts(ds),
      kinds,
      statuses: STATUSES,
      channels: DELIVERY_CHANNELS,
      filter,
      extra,
      page: page.page,
      pages: pageCount(total, page.size),
    });
  });

  router.post("/admin/outbox/:id/retry", scope.admin("retrying a notice delivery"), async (req, res) => {
    const id = idParam(req.params.id);
    if (!(await deliveryById(ds, id))) throw new HttpError(404, "errors.notFound");
    const ok = await retryNow(ds, id, actorOf(req.session.user));
    req.session.flash = ok
      ? { kind: "ok", key: "notifications.outbox.retried", params: { id } }
      : { kind: "error", key: "notifications.outbox.notRetried", params: { id } };
    res.redirect(safeBack(req.body) ?? "/admin/outbox");
  });

  const form = async (res: Response, status: number, values: Record<string, unknown> | null, errors: FieldErrors) => {
    const s = await noticeSettings(ds);
    res.status(status).render("notifications/settings", {
      title: res.locals.t("notifications.settings.title"),
      form: values ?? {
        smtpHost: s["notify.smtp.host"],
        smtpPort: s["notify.smtp.port"],
        smtpSecure: s["notify.smtp.secure"] === "true" ? "1" : "",
        smtpUser: s["notify.smtp.user"],
        smtpFrom: s["notify.smtp.from"],
        wecomWebhook: s["notify.wecom.webhook"],
        dingtalkWebhook: s["notify.dingtalk.webhook"],
        escalateAfterMinutes: s["notify.escalateAfterMinutes"],
      },
      // Secrets are never shown back: only whether one is stored.
      hasPassword: s["notify.smtp.pass"] !== "",
      hasSecret: s["notify.dingtalk.secret"] !== "",
      configured: configuredChannels(s),
      channels: DELIVERY_CHANNELS,
      errors,
    });
  };

  router.get("/admin/settings/notices", scope.admin("the notice channels' settings"), (_req, res) =>
    form(res, 200, null, {}),
  );

  router.post("/admin/settings/notices", scope.admin("the notice channels' settings"), async (req, res) => {
    const body = formBody(req);
    const ok = await submit(
      noticeSettingsForm,
      body,
      (data) => saveNoticeSettings(ds, data, actorOf(req.session.user)),
      (errors) => form(res, 400, { ...body, smtpPass: "", dingtalkSecret: "" }, errors),
    );
    if (!ok) return;
    req.session.flash = { kind: "ok", key: "notifications.settings.saved" };
    res.redirect("/admin/settings/notices");
  });

  router.post("/admin/settings/notices/test", scope.admin("sending a test notice"), async (req, res) => {
    const channel = formBody(req).channel;
    if (typeof channel !== "string" || !isDeliveryChannel(channel))
      return form(res, 400, null, { channel: { key: "notifications.settings.badChannel" } });
    if (!configuredChannels(await noticeSettings(ds))[channel]) {
      const label = res.locals.t(`notifications.channel.${channel}`);
      req.session.flash = { kind: "error", key: "notifications.settings.notConfigured", params: { channel: label } };
      return res.redirect("/admin/settings/notices");
    }
    let outcome: Awaited<ReturnType<typeof sendTest>>;
    try {
      outcome = await sendTest(ds, channel satisfies DeliveryChannel, actorOf(req.session.user), siteBase(req));
    } catch (err) {
      // The admin's own account has no e-mail address to test with.
      if (err instanceof FormError) return form(res, 400, null, err.errors);
      throw err;
    }
    const label = res.locals.t(`notifications.channel.${channel}`);
    req.session.flash = outcome.ok
      ? outcome.to
        ? { kind: "ok", key: "notifications.settings.testSentTo", params: { to: outcome.to } }
        : { kind: "ok", key: "notifications.settings.testSent", params: { channel: label } }
      : { kind: "error", key: "notifications.settings.testFailed", params: { channel: label, error: outcome.error } };
    res.redirect("/admin/settings/notices");
  });

  return router;
}

// The page to go back to after a retry: the filtered list the admin was on.
function safeBack(body: unknown): string | null {
  const back = (body as { back?: unknown } | undefined)?.back;
  return typeof back === "string" && /^\/admin\/outbox(\?[\w=&%.-]*)?$/.test(back) ? back : null;
}
