// When a failed delivery is tried again: 30 s, 2 min, 10 min, 30 min, then
// every hour, so a receiver that is down for a while is not hammered and one
// that blipped is retried soon. After MAX_ATTEMPTS the row is "failed" for
// good (an admin may still retry it from the outbox page).
export const RETRY_DELAYS_MS: readonly number[] = [30_000, 120_000, 600_000, 1_800_000, 3_600_000];
export const MAX_ATTEMPTS = 8;

/** The delay before the next try after `attempts` failed tries (1-based). */
export function retryDelayMs(attempts: number): number {
  const i = Math.max(0, Math.min(attempts - 1, RETRY_DELAYS_MS.length - 1));
  return RETRY_DELAYS_MS[i];
}

export type AfterFailure = { status: "pending"; nextAttemptAt: string } | { status: "failed"; nextAttemptAt: string };

/** What a row becomes after its `attempts`-th try failed at `now`. */
export function afterFailure(attempts: number, now: Date, maxAttempts = MAX_ATTEMPTS): AfterFailure {
  const next = new Date(now.getTime() + retryDelayMs(attempts)).toISOString();
  return attempts >= maxAttempts
    ? { status: "failed", nextAttemptAt: next }
    : { status: "pending", nextAttemptAt: next };
}
