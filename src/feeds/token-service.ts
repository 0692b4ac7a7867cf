// Feed tokens: created the first time someone opens a feed's page, replaced
// (and the old URL dead) when its owner regenerates it.
import { randomBytes } from "node:crypto";
import type { DataSource } from "typeorm";
import { nowIso, inTransaction } from "../db";
import { Actor, recordAudit } from "../audit";
import type { Subject } from "./context-store";
import { insertToken, liveTokenOf, revokeLiveToken } from "./store";

// 256 bits from the OS: a URL nobody can guess or enumerate.
export function newToken(): string {
  return randomBytes(32).toString("base64url");
}

/** The feed's live token, made on first use. */
export async function liveToken(ds: DataSource, subject: Subject): Promise<string> {
  const existing = await liveTokenOf(ds, subject);
  if (existing) return existing;
  try {
    const token = newToken();
    await inTransaction(ds, (em) => insertToken(em, subject, token, nowIso()));
    return token;
  } catch (err) {
    // Two first views at once: the unique index let one insert win; use its token.
    const winner = await liveTokenOf(ds, subject);
    if (winner) return winner;
    throw err;
  }
}

/** Revokes the live token (its URL answers 404 from now on) and issues a new one. */
export async function regenerateToken(ds: DataSource, subject: Subject, actor: Actor): Promise<string> {
  return inTransaction(ds, async (em) => {
    const revokedAt = nowIso();
    await revokeLiveToken(em, subject, revokedAt);
    const token = newToken();
    await insertToken(em, subject, token, revokedAt);
    // The token itself is a secret and stays out of the audit log.
    await recordAudit(em, actor, {
      action: "feed.regenerate",
      entity: "feed",
      entityId: `${subject.kind}:${subject.id}`,
      details: { kind: subject.kind, subjectId: subject.id },
    });
    return token;
  });
}
