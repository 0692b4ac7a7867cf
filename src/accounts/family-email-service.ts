// A family's optional e-mail address (issue 21): set or change it (consent
// recorded with the privacy notice's version, a verification link sent through
// the outbox to the new address), open the link, withdraw consent, remove it.
// Each change is audited in the same transaction; the address is used for
// notices only once verified and while consent stands (notifications decides).
import { createHash, randomBytes } from "node:crypto";
import type { DataSource, EntityManager } from "typeorm";
import { inTransaction, nowIso } from "../db";
import { type Actor, recordAudit } from "../audit";
import { fieldError } from "../http";
import { PRIVACY_VERSION } from "../privacy";
import {
  emailConfigured,
  familyEmailOf,
  notifyAddress,
  putFamilyEmail,
  removeFamilyEmail,
  renewFamilyEmailToken,
  verifyFamilyEmail,
  withdrawFamilyEmail,
} from "../notifications";

const LINK_HOURS = 24;
// A new link at most once a minute: the form must not become a way to flood someone's mailbox.
const RESEND_AFTER_MS = 60_000;

export const hashToken = (token: string): string => createHash("sha256").update(token, "utf8").digest("hex");
/** 32 random bytes, URL-safe: the link's only secret. Only its hash is stored; opening it clears it. */
const newToken = (): string => randomBytes(32).toString("base64url");
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

interface LinkContext {
  base: string; // the site's public URL, for the absolute link in the e-mail
  locale: string;
}

const expiry = (now: Date) => new Date(now.getTime() + LINK_HOURS * 3_600_000).toISOString();

async function sendLink(
  em: EntityManager,
  familyId: number,
  address: string,
  token: string,
  expiresAt: string,
  ctx: LinkContext,
): Promise<void> {
  const link = `/account/email/verify/${token}`;
  const written = await notifyAddress(
    em,
    address,
    "account.verifyEmail",
    { link, url: `${ctx.base.replace(/\/$/, "")}${link}`, expiresAt, hours: LINK_HOURS },
    ctx.locale,
    { kind: "family", id: familyId },
  );
  // Without the school's SMTP settings no link can arrive: refuse rather than keep an address that can never count.
  if (!written) throw fieldError("address", "notifications.familyEmail.unavailable");
}

export async function setFamilyEmail(
  ds: DataSource,
  familyId: number,
  address: string,
  ctx: LinkContext,
  actor: Actor,
): Promise<void> {
  await inTransaction(ds, async (em) => {
    const before = await familyEmailOf(em, familyId);
    if (before && before.address === address && before.verifiedAt && !before.withdrawnAt)
      throw fieldError("address", "notifications.familyEmail.alreadyVerified");
    const now = new Date();
    const token = newToken();
    const tokenExpiresAt = expiry(now);
    await putFamilyEmail(em, familyId, {
      address,
      consentVersion: PRIVACY_VERSION,
      tokenHash: hashToken(token),
      tokenExpiresAt,
      at: now.toISOString(),
    });
    await sendLink(em, familyId, address, token, tokenExpiresAt, ctx);
    await recordAudit(em, actor, {
      action: before ? "family.email.change" : "family.email.add",
      entity: "family",
      entityId: familyId,
      details: { from: before?.address ?? null, to: address, consentVersion: PRIVACY_VERSION },
    });
  });
}

/** Another link for the unverified address; false when there is none to verify. */
export async function resendFamilyEmailLink(
  ds: DataSource,
  familyId: number,
  ctx: LinkContext,
): Promise<"sent" | "none" | "wait" | "unavailable"> {
  return inTransaction(ds, async (em) => {
    if (!(await emailConfigured(em))) return "unavailable";
    const current = await familyEmailOf(em, familyId);
    if (!current || current.verifiedAt || current.withdrawnAt) return "none";
    const now = new Date();
    if (now.getTime() - Date.parse(current.updatedAt) < RESEND_AFTER_MS) return "wait";
    const token = newToken();
    const tokenExpiresAt = expiry(now);
    await renewFamilyEmailToken(em, familyId, hashToken(token), tokenExpiresAt, now.toISOString());
    await sendLink(em, familyId, current.address, token, tokenExpiresAt, ctx);
    return "sent";
  });
}

/** Opening the link: true when it verified the address (a wrong, used or expired link: false). */
export async function confirmFamilyEmail(
  ds: DataSource,
  familyId: number,
  token: string,
  actor: Actor,
): Promise<boolean> {
  return inTransaction(ds, async (em) => {
    const address = await verifyFamilyEmail(em, familyId, hashToken(token), nowIso());
    if (!address) return false;
    await recordAudit(em, actor, {
      action: "family.email.verify",
      entity: "family",
      entityId: familyId,
      details: { address },
    });
    return true;
  });
}

export async function withdrawFamilyEmailConsent(ds: DataSource, familyId: number, actor: Actor): Promise<boolean> {
  return inTransaction(ds, async (em) => {
    if (!(await withdrawFamilyEmail(em, familyId, nowIso()))) return false;
    await recordAudit(em, actor, { action: "family.email.withdraw", entity: "family", entityId: familyId });
    return true;
  });
}

export async function removeFamilyEmailAddress(ds: DataSource, familyId: number, actor: Actor): Promise<boolean> {
  return inTransaction(ds, async (em) => {
    const before = await familyEmailOf(em, familyId);
    if (!before || !(await removeFamilyEmail(em, familyId))) return false;
    await recordAudit(em, actor, {
      action: "family.email.remove",
      entity: "family",
      entityId: familyId,
      details: { address: before.address },
    });
    return true;
  });
}
