// Which channels a recipient has for a kind (issue 21; the people's side owns
// this file). The "app" channel is the inbox row; the others become outbox
// deliveries.
// - Entitlement first: a staff notice that names a child or an absence goes only
//   to class teachers and admins (core/preferences: staffEntitled); anyone else,
//   and a deactivated account, gets nothing, not even the inbox row.
// - A family has the app, and e-mail once its address is verified and its
//   consent not withdrawn; a staff member has the app, and e-mail from the account.
// - E-mail needs the school's SMTP settings; the person's opt-outs drop it per
//   kind, except for the mandatory kinds (an unexcused absence), which go on
//   every channel the person has whatever they chose.
// - The staff groups have whichever robots are configured.
import type { EntityManager } from "typeorm";
import { type ChannelTarget, type Recipient, configuredChannels, isMandatory } from "./core";
import { staffEntitled, wants } from "./core/preferences";
import { noticeSettings } from "./settings";
import { usableFamilyEmail } from "./family-email-store";
import { optOutsOf, staffProfile } from "./preference-store";

type Repos = Pick<EntityManager, "getRepository">;
const APP: ChannelTarget = { channel: "app", address: null };

export async function recipientChannels(db: Repos, recipient: Recipient, kind: string): Promise<ChannelTarget[]> {
  if (recipient.kind === "group") {
    const configured = configuredChannels(await noticeSettings(db));
    const out: ChannelTarget[] = [];
    if (configured.wecom) out.push({ channel: "wecom", address: null });
    if (configured.dingtalk) out.push({ channel: "dingtalk", address: null });
    return out;
  }
  let address: string | null;
  if (recipient.kind === "staff") {
    const staff = await staffProfile(db, recipient.id);
    if (!staff || !staffEntitled(staff, kind)) return [];
    address = staff.email;
  } else {
    address = await usableFamilyEmail(db, recipient.id);
  }
  if (!address || !configuredChannels(await noticeSettings(db)).email) return [APP];
  const optOuts = isMandatory(kind) ? [] : await optOutsOf(db, { kind: recipient.kind, id: recipient.id });
  return wants(optOuts, kind, "email") ? [APP, { channel: "email", address }] : [APP];
}
