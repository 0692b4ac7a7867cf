// The login throttle's arithmetic. Pure: no express, no typeorm.
// Growing delays instead of a hard lockout, and failures that fade when
// quiet: a family that mistyped last week starts afresh.
export interface ThrottlePolicy {
  freeAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  halfLifeMs: number;
}

const MINUTE_MS = 60_000;
export const ACCOUNT_POLICY: ThrottlePolicy = {
  freeAttempts: 5,
  baseDelayMs: 1000,
  maxDelayMs: 5 * MINUTE_MS,
  halfLifeMs: 15 * MINUTE_MS,
};
export const ADDRESS_POLICY: ThrottlePolicy = {
  freeAttempts: 30,
  baseDelayMs: 1000,
  maxDelayMs: 5 * MINUTE_MS,
  halfLifeMs: 15 * MINUTE_MS,
};

// Delay after the n-th failure: none while attempts are free, then doubling up to a cap.
export function delayAfter(failures: number, policy: ThrottlePolicy): number {
  if (failures < policy.freeAttempts) return 0;
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (failures - policy.freeAttempts));
}

// Failures still counted now: halved for every quiet half-life since the last one.
export function decayedFailures(failures: number, lastFailureAt: number, now: number, policy: ThrottlePolicy): number {
  const halvings = Math.max(0, Math.floor((now - lastFailureAt) / policy.halfLifeMs));
  return halvings >= 31 ? 0 : Math.floor(failures / 2 ** halvings);
}

// The throttle key of a login name: an email is a staff account, anything
// else a child's student number (how the family logs in).
export function accountKey(login: string): string {
  const name = login.trim();
  return name.includes("@") ? `staff:${name.toLowerCase()}` : `family:${name}`;
}
