// The notices API. Every call writes inside the caller's transaction (`em`):
// the in-app inbox row when the recipient has the app channel, and one outbox
// delivery per further channel, so a notice exists exactly when the change it
// announces commits. The dispatcher delivers the outbox afterwards; callers
// never send anything themselves.
import type { EntityManager } from "typeorm";
import { nowIso } from "../db";
import { DEFAULT_LOCALE } from "../http";
import { type ChannelTarget, type NotificationPayload, assertGroupPayload, isDeliveryChannel } from "./core";
import { type InboxRow, insertNotifications } from "./store";
import { type NewDelivery, insertDeliveries } from "./outbox-store";
import { activeAdminIds, familyLocales, staffContacts } from "./recipient-store";
import { recipientChannels } from "./recipient-channels";
import { wakeDispatcher } from "./wake";

type PersonKind = "family" | "staff";

const deliveriesFor = (
  targets: ChannelTarget[],
  who: { recipientKind: NewDelivery["recipientKind"]; recipientId: number | null; locale: string },
  kind: string,
  payload: NotificationPayload,
): NewDelivery[] =>
  targets.flatMap((t) =>
    isDeliveryChannel(t.channel) ? [{ ...who, kind, payload, channel: t.channel, address: t.address }] : [],
  );

async function notifyPeople(
  em: EntityManager,
  personKind: PersonKind,
  rows: { id: number; kind: string; payload: NotificationPayload }[],
  at: string,
): Promise<void> {
  const inboxRows: InboxRow[] = [];
  const pending: { id: number; kind: string; payload: NotificationPayload; targets: ChannelTarget[] }[] = [];
  const cache = new Map<string, ChannelTarget[]>();
  for (const r of rows) {
    const cacheKey = `${r.id}\u0000${r.kind}`;
    let targets = cache.get(cacheKey);
    if (!targets) {
      targets = await recipientChannels(em, { kind: personKind, id: r.id }, r.kind);
      cache.set(cacheKey, targets);
    }
    if (targets.some((t) => t.channel === "app"))
      inboxRows.push({
        familyId: personKind === "family" ? r.id : null,
        staffId: personKind === "staff" ? r.id : null,
        kind: r.kind,
        payload: r.payload,
      });
    if (targets.some((t) => isDeliveryChannel(t.channel))) pending.push({ ...r, targets });
  }
  await insertNotifications(em, inboxRows, at);
  if (!pending.length) return;
  const ids = [...new Set(pending.map((p) => p.id))];
  const locales =
    personKind === "family"
      ? await familyLocales(em, ids)
      : new Map([...(await staffContacts(em, ids))].map(([id, s]) => [id, s.locale]));
  await insertDeliveries(
    em,
    pending.flatMap((p) =>
      deliveriesFor(
        p.targets,
        { recipientKind: personKind, recipientId: p.id, locale: locales.get(p.id) ?? DEFAULT_LOCALE },
        p.kind,
        p.payload,
      ),
    ),
    at,
  );
  wakeDispatcher();
}

/** A family's notice: its inbox row and a delivery per further channel it has for the kind. */
export async function notify(
  em: EntityManager,
  familyId: number,
  kind: string,
  payload: NotificationPayload,
  at = nowIso(),
): Promise<void> {
  await notifyPeople(em, "family", [{ id: familyId, kind, payload }], at);
}

/** Many families at once (e.g. a publication). */
export async function notifyMany(
  em: EntityManager,
  rows: { familyId: number; kind: string; payload: NotificationPayload }[],
  at = nowIso(),
): Promise<void> {
  await notifyPeople(
    em,
    "family",
    rows.map((r) => ({ id: r.familyId, kind: r.kind, payload: r.payload })),
    at,
  );
}

/** A staff member's notice: their inbox row and deliveries to their channels (e-mail from their account). */
export async function notifyStaff(
  em: EntityManager,
  staffId: number,
  kind: string,
  payload: NotificationPayload,
  at = nowIso(),
): Promise<void> {
  await notifyPeople(em, "staff", [{ id: staffId, kind, payload }], at);
}

/** Every active admin. */
export async function notifyAdmins(
  em: EntityManager,
  kind: string,
  payload: NotificationPayload,
  at = nowIso(),
): Promise<void> {
  const ids = await activeAdminIds(em);
  await notifyPeople(
    em,
    "staff",
    ids.map((id) => ({ id, kind, payload })),
    at,
  );
}

/**
 * The school's staff groups (WeCom and DingTalk robots, whichever are
 * configured): a summary with no child's name. Throws ChildNameInGroupNotice
 * for a payload key that names a person, before writing anything.
 */
export async function notifyStaffGroup(
  em: EntityManager,
  kind: string,
  payload: NotificationPayload,
  at = nowIso(),
): Promise<void> {
  assertGroupPayload(payload);
  const targets = await recipientChannels(em, { kind: "group" }, kind);
  const rows = deliveriesFor(
    targets,
    { recipientKind: "group", recipientId: null, locale: DEFAULT_LOCALE },
    kind,
    payload,
  );
  if (!rows.length) return;
  await insertDeliveries(em, rows, at);
  wakeDispatcher();
}
