// Feed tokens: created the first time someone opens a feed's page, replaced
// (and the old URL dead) when its owner regenerates it.
import { randomBytes } from "node:crypto";
import { type DataSource, IsNull } from "typeorm";
import { nowIso, inTransaction } from "../db";
import { Actor, recordAudit } from "../audit/audit-service";
import type { Subject } from "./context-store";
import { FeedToken } from "./entities";

// 256 bits from the OS: a URL nobody can guess or enumerate.
export function newToken(): string {
  return randomBytes(32).toString("base64url");
}

const live = (s: Subject) => ({ kind: s.kind, subjectId: s.id, revokedAt: IsNull() });

/** The feed's live token, made on first use. */
export async function liveToken(ds: DataSource, subject: Subject): Promise<string> {
  const existing = await ds.getRepository(FeedToken).findOneBy(live(subject));
  if (existing) return existing.token;
  try {
    const token = newToken();
    await inTransaction(ds, (em) => em.getRepository(FeedToken).insert({ kind: subject.kind, subjectId: subject.id, token, createdAt: nowIso(), revokedAt: null }));
    return token;
  } catch (err) {
    // Two first views at once: the unique index let one insert win; use its token.
    const winner = await ds.getRepository(FeedToken).findOneBy(live(subject));
    if (winner) return winner.token;
    throw err;
  }
}

/** Revokes the live token (its URL answers 404 from now on) and issues a new one. */
export async function regenerateToken(ds: DataSource, subject: Subject, actor: Actor): Promise<string> {
  return inTransaction(ds, async (em) => {
    const repo = em.getRepository(FeedToken);
    const revokedAt = nowIso();
    await repo.update(live(subject), { revokedAt });
    const token = newToken();
    await repo.insert({ kind: subject.kind, subjectId: subject.id, token, createdAt: revokedAt, revokedAt: null });
    // The token itself is a secret and stays out of the audit log.
    await recordAudit(em, actor, { action: "feed.regenerate", entity: "feed", entityId: `${subject.kind}:${subject.id}`, details: { kind: subject.kind, subjectId: subject.id } });
    return token;
  });
}
