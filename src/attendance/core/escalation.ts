// When an unacknowledged absence alert goes to the admins. Pure.

// The delay itself is the notices' setting (notify.escalateAfterMinutes, default 15),
// read through src/notifications' escalateAfterMinutes.

// Alerts older than this are not escalated at all: a sweep that starts after a long
// outage (or a new install over old data) must not wake the office with yesterday.
export const ESCALATION_LOOKBACK_MS = 12 * 3600 * 1000;

/** The window of alerts due now: raised at or before `cutoff`, and not before `floor`. */
export function escalationWindow(now: Date, minutes: number): { cutoff: string; floor: string } {
  return {
    cutoff: new Date(now.getTime() - minutes * 60_000).toISOString(),
    floor: new Date(now.getTime() - ESCALATION_LOOKBACK_MS).toISOString(),
  };
}
