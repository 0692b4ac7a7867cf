// Login throttling kept in the database (it must hold across app instances).
// Growing delays instead of a hard lockout: a classmate who types a family's
// student number wrong ten times must not lock that family out on deadline night.
import type { DataSource } from "typeorm";
import { In } from "typeorm";
import { LoginThrottle } from "../../db/entities";
import { inTransaction } from "../../db/transaction";
import { Actor, recordAudit } from "../../audit/audit-service";

export interface ThrottlePolicy { freeAttempts: number; baseDelayMs: number; maxDelayMs: number }

export const ACCOUNT_POLICY: ThrottlePolicy = { freeAttempts: 5, baseDelayMs: 1000, maxDelayMs: 5 * 60_000 };
export const ADDRESS_POLICY: ThrottlePolicy = { freeAttempts: 30, baseDelayMs: 1000, maxDelayMs: 5 * 60_000 };

// Delay after the n-th failure: none while attempts are free, then doubling up to a cap.
export function delayAfter(failures: number, policy: ThrottlePolicy): number {
  if (failures < policy.freeAttempts) return 0;
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (failures - policy.freeAttempts));
}

export type ThrottleKey = { key: string; policy: ThrottlePolicy };

// Seconds until the next attempt is allowed (0 = go ahead).
export async function waitSeconds(ds: DataSource, keys: ThrottleKey[], now = Date.now()): Promise<number> {
  const rows = await ds.getRepository(LoginThrottle).findBy({ key: In(keys.map((k) => k.key)) });
  const until = Math.max(0, ...rows.map((r) => Date.parse(r.nextAllowedAt)));
  return until > now ? Math.ceil((until - now) / 1000) : 0;
}

export async function recordFailure(ds: DataSource, keys: ThrottleKey[], now = Date.now()): Promise<void> {
  await inTransaction(ds, async (em) => {
    const repo = em.getRepository(LoginThrottle);
    for (const { key, policy } of keys) {
      const row = await repo.findOneBy({ key });
      const failures = (row?.failures ?? 0) + 1;
      const next = new Date(now + delayAfter(failures, policy)).toISOString();
      await repo.save({ key, failures, lastFailureAt: new Date(now).toISOString(), nextAllowedAt: next });
    }
  });
}

export async function clearThrottle(ds: DataSource, keys: string[]): Promise<void> {
  if (keys.length === 0) return;
  await inTransaction(ds, (em) => em.getRepository(LoginThrottle).delete({ key: In(keys) }));
}

// An admin lifts one account's or address's delay at once; the audit log says who.
export async function clearThrottleAsAdmin(ds: DataSource, key: string, actor: Actor): Promise<boolean> {
  return inTransaction(ds, async (em) => {
    const result = await em.getRepository(LoginThrottle).delete({ key });
    if (!result.affected) return false;
    await recordAudit(em, actor, { action: "login.throttle.clear", entity: "login_throttle", entityId: key.slice(0, 40) });
    return true;
  });
}

export async function listThrottles(ds: DataSource): Promise<LoginThrottle[]> {
  return ds.getRepository(LoginThrottle).find({ order: { lastFailureAt: "DESC" }, take: 200 });
}
