// When an unacknowledged absence alert goes to the admins. Pure.

/** The setting (minutes; owned by the notices' settings page) and its default. */
export const ESCALATE_KEY = "notify.escalateAfterMinutes";
export const DEFAULT_ESCALATE_MINUTES = 15;
// A day is the longest wait that still means "now"; beyond it the setting is a typo.
export const MAX_ESCALATE_MINUTES = 24 * 60;
// Alerts older than this are not escalated at all: a sweep that starts after a long
// outage (or a new install over old data) must not wake the office with yesterday.
export const ESCALATION_LOOKBACK_MS = 12 * 3600 * 1000;

/** The stored setting as minutes: a whole number from 1 to a day, else the default. */
export function escalationMinutes(stored: string | undefined): number {
  if (stored === undefined || !/^\d{1,4}$/.test(stored.trim())) return DEFAULT_ESCALATE_MINUTES;
  const n = Number(stored.trim());
  return n >= 1 && n <= MAX_ESCALATE_MINUTES ? n : DEFAULT_ESCALATE_MINUTES;
}

/** The window of alerts due now: raised at or before `cutoff`, and not before `floor`. */
export function escalationWindow(now: Date, minutes: number): { cutoff: string; floor: string } {
  return {
    cutoff: new Date(now.getTime() - minutes * 60_000).toISOString(),
    floor: new Date(now.getTime() - ESCALATION_LOOKBACK_MS).toISOString(),
  };
}
