// Which channels a recipient has for a kind of notice. A first version:
// a family has the app; a staff member has the app, and e-mail when the
// account has an address and the school has set up SMTP; the staff groups
// have whichever robots are configured. Mandatory kinds (core/mandatory) go on
// every channel the recipient has, so preferences (added later) never drop them.
// The "app" channel is the inbox row; the others become outbox deliveries.
import type { EntityManager } from "typeorm";
import { type ChannelTarget, type Recipient, configuredChannels } from "./core";
import { staffContacts } from "./recipient-store";
import { noticeSettings } from "./settings";

type Repos = Pick<EntityManager, "getRepository">;

export async function recipientChannels(db: Repos, recipient: Recipient, kind: string): Promise<ChannelTarget[]> {
  void kind; // per-kind preferences come with the people's own choices; every kind is on today
  if (recipient.kind === "family") return [{ channel: "app", address: null }];
  const configured = configuredChannels(await noticeSettings(db));
  if (recipient.kind === "group") {
    const out: ChannelTarget[] = [];
    if (configured.wecom) out.push({ channel: "wecom", address: null });
    if (configured.dingtalk) out.push({ channel: "dingtalk", address: null });
    return out;
  }
  const out: ChannelTarget[] = [{ channel: "app", address: null }];
  const staff = (await staffContacts(db, [recipient.id])).get(recipient.id);
  if (staff?.active && staff.email && configured.email) out.push({ channel: "email", address: staff.email });
  return out;
}
