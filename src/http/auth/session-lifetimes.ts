// How long a login lasts, per kind of account: idle (no request for that
// long ends it) and absolute (it ends that long after login, however busy).
// Families log in from paper codes on a phone and rarely; admins can change
// everything, so theirs is shortest. Settings may override the defaults.
// Pure: no express, no typeorm.
export type LifetimeRole = "family" | "staff" | "admin";
export interface Lifetime {
  idleMs: number;
  absoluteMs: number;
}

const HOUR_MS = 3600 * 1000;
const DAY_MS = 24 * HOUR_MS;

export const DEFAULT_LIFETIMES: Record<LifetimeRole, Lifetime> = {
  family: { idleMs: 30 * DAY_MS, absoluteMs: 90 * DAY_MS },
  staff: { idleMs: 12 * HOUR_MS, absoluteMs: 7 * DAY_MS },
  admin: { idleMs: 2 * HOUR_MS, absoluteMs: 12 * HOUR_MS },
};

// Setting keys, in hours: session.<role>.idleHours and session.<role>.absoluteHours.
export const LIFETIME_SETTING_PREFIX = "session.";

export function lifetimeRole(user: { kind: "staff"; role: string } | { kind: "family" }): LifetimeRole {
  if (user.kind === "family") return "family";
  return user.role === "admin" ? "admin" : "staff";
}

// A setting that is not a positive number of hours keeps the default; idle
// never exceeds absolute.
export function lifetimeFor(role: LifetimeRole, settings: ReadonlyMap<string, string>): Lifetime {
  const hours = (name: string, fallback: number) => {
    const value = Number(settings.get(`${LIFETIME_SETTING_PREFIX}${role}.${name}`));
    return Number.isFinite(value) && value > 0 ? value * HOUR_MS : fallback;
  };
  const absoluteMs = hours("absoluteHours", DEFAULT_LIFETIMES[role].absoluteMs);
  return { idleMs: Math.min(hours("idleHours", DEFAULT_LIFETIMES[role].idleMs), absoluteMs), absoluteMs };
}

// When a session seen now expires: after the idle time, but never past the absolute end.
export function sessionExpiry(life: { idleMs: number; until: number }, now: number): number {
  return Math.min(now + life.idleMs, life.until);
}
