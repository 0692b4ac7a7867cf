// DingTalk (钉钉) custom robot: POST {"msgtype":"markdown","markdown":{"title","text"}}
// to the webhook; with a signing secret the URL carries &timestamp=…&sign=…,
// sign = urlencode(base64(HMAC-SHA256(secret, timestamp + "\n" + secret))).
import { createHmac } from "node:crypto";
import { postJson } from "./webhook";
import { DeliveryError, type Sender } from "./types";

export function dingtalkSign(secret: string, timestamp: number): string {
  return createHmac("sha256", secret).update(`${timestamp}\n${secret}`).digest("base64");
}

export function signedDingtalkUrl(webhook: string, secret: string, now = Date.now()): string {
  if (!secret) return webhook;
  const sep = webhook.includes("?") ? "&" : "?";
  return `${webhook}${sep}timestamp=${now}&sign=${encodeURIComponent(dingtalkSign(secret, now))}`;
}

export const sendDingtalk: Sender = async ({ delivery, settings, group }) => {
  const url = settings["notify.dingtalk.webhook"];
  if (!url) throw new DeliveryError("DingTalk webhook is not configured");
  const message = group();
  await postJson(signedDingtalkUrl(url, settings["notify.dingtalk.secret"]), {
    msgtype: "markdown",
    markdown: { title: message.title, text: message.markdown },
    kehouKey: delivery.idempotencyKey,
  });
};
