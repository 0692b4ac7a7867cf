// Login throttling kept in the database (it must hold across app instances).
// An attempt is claimed before the slow password check, in one write
// transaction: a burst of concurrent guesses is counted one by one, so only
// the free attempts get an answer before the rest must wait.
import { type DataSource, type EntityManager, In, MoreThan } from "typeorm";
import { LoginThrottle, inTransaction } from "../db";
import { Actor, recordAudit } from "../audit";
import { decayedFailures, delayAfter, ThrottlePolicy } from "./core/throttle-rules";

export { ACCOUNT_POLICY, ADDRESS_POLICY, accountKey, delayAfter } from "./core/throttle-rules";
export type { ThrottlePolicy } from "./core/throttle-rules";

// checked: false when the delay is waived for this attempt (the account's
// own device); the attempt still counts.
export type ThrottleKey = { key: string; policy: ThrottlePolicy; checked?: boolean };

const EPOCH = new Date(0).toISOString();

// While attempts are free nothing is due: the epoch, not "now", so no clock
// skew between instances (or a stamp a few ms ahead) can make anyone wait.
const noDelayOr = (from: number, delayMs: number): string =>
  delayMs > 0 ? new Date(from + delayMs).toISOString() : EPOCH;

// The keys' rows, created if missing and, on PostgreSQL, locked until the
// transaction ends (in key order, so two claims never deadlock). SQLite
// writes already run one at a time (db/transaction.ts).
async function lockRows(em: EntityManager, keys: string[]): Promise<Map<string, LoginThrottle>> {
  const repo = em.getRepository(LoginThrottle);
  const sorted = [...new Set(keys)].sort();
  await repo
    .createQueryBuilder()
    .insert()
    .values(sorted.map((key) => ({ key, failures: 0, lastFailureAt: EPOCH, nextAllowedAt: EPOCH })))
    .orIgnore()
    .execute();
  const postgres = em.connection.options.type === "postgres";
  const rows = await repo.find({
    where: { key: In(sorted) },
    order: { key: "ASC" },
    ...(postgres && { lock: { mode: "pessimistic_write" as const } }),
  });
  return new Map(rows.map((r) => [r.key, r]));
}

// Seconds to wait (nothing counted), or 0: the attempt is counted as a
// failure until settleSuccess says otherwise.
export async function claimAttempt(ds: DataSource, keys: ThrottleKey[], at?: number): Promise<number> {
  return inTransaction(ds, async (em) => {
    const rows = await lockRows(
      em,
      keys.map((k) => k.key),
    );
    // The time is read once the rows are ours: read before waiting for the lock,
    // it could lie before the stamp another login just wrote, and a login
    // with no delay due would be told to wait.
    const now = at ?? Date.now();
    const until = Math.max(
      0,
      ...keys.filter((k) => k.checked !== false).map((k) => Date.parse(rows.get(k.key)!.nextAllowedAt)),
    );
    if (until > now) {
      // Refused before anything is counted: leave no row behind for a name
      // that was never tried (random names must not grow the table).
      await em.getRepository(LoginThrottle).delete({ key: In(keys.map((k) => k.key)), failures: 0 });
      return Math.ceil((until - now) / 1000);
    }
    for (const { key, policy } of keys) {
      const row = rows.get(key)!;
      const failures = decayedFailures(row.failures, Date.parse(row.lastFailureAt), now, policy) + 1;
      await em.getRepository(LoginThrottle).update(
        { key },
        {
          failures,
          lastFailureAt: new Date(now).toISOString(),
          nextAllowedAt: noDelayOr(now, delayAfter(failures, policy)),
        },
      );
    }
    return 0;
  });
}

// A right password: the account starts afresh, and the address gets back
// the attempt it was charged (a school's shared address is not slowed by
// families who log in fine).
export async function settleSuccess(
  ds: DataSource,
  account: string,
  address: ThrottleKey,
  now = Date.now(),
): Promise<void> {
  await inTransaction(ds, async (em) => {
    const repo = em.getRepository(LoginThrottle);
    await repo.delete({ key: account });
    const row = await repo.findOneBy({ key: address.key });
    if (!row) return;
    const failures = Math.max(0, decayedFailures(row.failures, Date.parse(row.lastFailureAt), now, address.policy) - 1);
    if (failures === 0) return void (await repo.delete({ key: address.key }));
    await repo.update(
      { key: address.key },
      { failures, nextAllowedAt: noDelayOr(Date.parse(row.lastFailureAt), delayAfter(failures, address.policy)) },
    );
  });
}

// An admin lifts one account's or address's delay at once; the audit log says who.
export async function clearThrottleAsAdmin(ds: DataSource, key: string, actor: Actor): Promise<boolean> {
  return (await clearThrottles(ds, [key], actor)) > 0;
}

// Lifts the given keys' delays (all of them when keys is null), audit-logged.
export async function clearThrottles(ds: DataSource, keys: string[] | null, actor: Actor): Promise<number> {
  return inTransaction(ds, async (em) => {
    const repo = em.getRepository(LoginThrottle);
    const result = keys ? await repo.delete({ key: In(keys) }) : await repo.delete({ failures: MoreThan(-1) });
    if (!result.affected) return 0;
    await recordAudit(em, actor, {
      action: "login.throttle.clear",
      entity: "login_throttle",
      entityId: keys ? keys.join(",").slice(0, 40) : "*",
    });
    return result.affected;
  });
}

// Rows with failures (an attempt claimed and settled leaves none behind).
export async function listThrottles(ds: DataSource): Promise<LoginThrottle[]> {
  return ds
    .getRepository(LoginThrottle)
    .find({ where: { failures: MoreThan(0) }, order: { lastFailureAt: "DESC" }, take: 200 });
}
