// WeCom (企业微信) group robot: POST {"msgtype":"markdown","markdown":{"content":…}}
// to the robot's webhook URL (developer.work.weixin.qq.com/document/path/91770).
// `kehouKey` carries the idempotency key so a relay can drop a repeat.
import { postJson } from "./webhook";
import { DeliveryError, type Sender } from "./types";

// WeCom refuses markdown content over 4096 bytes.
const MAX_BYTES = 4000;

export const sendWecom: Sender = async ({ delivery, settings, group }) => {
  const url = settings["notify.wecom.webhook"];
  if (!url) throw new DeliveryError("WeCom webhook is not configured");
  const message = group();
  await postJson(url, {
    msgtype: "markdown",
    markdown: { content: clip(message.markdown) },
    kehouKey: delivery.idempotencyKey,
  });
};

function clip(s: string): string {
  if (Buffer.byteLength(s) <= MAX_BYTES) return s;
  let out = s;
  while (Buffer.byteLength(out) > MAX_BYTES - 3) out = out.slice(0, -1);
  return `${out}…`;
}
