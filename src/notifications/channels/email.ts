// E-mail over SMTP with nodemailer: the school's sender, the recipient's
// language, plain text and HTML. The idempotency key travels as the
// Message-ID (<key@kehou>) and an X-Kehou-Key header, so a mail system (or a
// person) can tell a repeat from a new notice. One pooled transport per SMTP
// configuration, closed when the dispatcher stops.
import nodemailer, { type Transporter } from "nodemailer";
import { messageIdOf, type NoticeSettings } from "../core";
import { DeliveryError, type Sender } from "./types";

const transports = new Map<string, Transporter>();

function transportFor(s: NoticeSettings): Transporter {
  const id = JSON.stringify([
    s["notify.smtp.host"],
    s["notify.smtp.port"],
    s["notify.smtp.secure"],
    s["notify.smtp.user"],
    s["notify.smtp.pass"],
  ]);
  let t = transports.get(id);
  if (!t) {
    t = nodemailer.createTransport({
      pool: true,
      maxConnections: 2,
      host: s["notify.smtp.host"],
      port: Number(s["notify.smtp.port"]) || 587,
      secure: s["notify.smtp.secure"] === "true",
      auth: s["notify.smtp.user"] ? { user: s["notify.smtp.user"], pass: s["notify.smtp.pass"] } : undefined,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 20_000,
    });
    transports.set(id, t);
  }
  return t;
}

export function closeEmailTransports(): void {
  for (const t of transports.values()) t.close();
  transports.clear();
}

export const sendEmail: Sender = async ({ delivery, settings, email }) => {
  if (!settings["notify.smtp.host"] || !settings["notify.smtp.from"])
    throw new DeliveryError("SMTP is not configured (host and sender address)");
  if (!delivery.address) throw new DeliveryError("no e-mail address");
  const message = email();
  try {
    await transportFor(settings).sendMail({
      from: settings["notify.smtp.from"],
      to: delivery.address,
      subject: message.subject,
      text: message.text,
      html: message.html,
      messageId: messageIdOf(delivery.idempotencyKey),
      headers: { "X-Kehou-Key": delivery.idempotencyKey, "X-Kehou-Kind": delivery.kind },
    });
  } catch (err) {
    throw new DeliveryError(err instanceof Error ? err.message : String(err));
  }
};
