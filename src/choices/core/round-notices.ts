// When a round's notices are due (issue 21). Pure; instants are ISO UTC
// strings, which compare as text.

// Families who have not answered hear once, this long before the deadline.
export const DEADLINE_REMINDER_HOURS = 48;

type Window = { opensAt: string; closesAt: string };

/** "round.opened" is due once the round is open and until it closes (a round opened late still announces). */
export const openingDue = (round: Window, now: string): boolean => round.opensAt <= now && now < round.closesAt;

/**
 * "round.deadline" is due in the last DEADLINE_REMINDER_HOURS before closing, and only if the
 * round was open before that window began: a round open for less than that has just been
 * announced with its deadline, so a reminder would only repeat it.
 */
export function deadlineReminderDue(round: Window, now: string, hours = DEADLINE_REMINDER_HOURS): boolean {
  const from = new Date(Date.parse(round.closesAt) - hours * 3_600_000).toISOString();
  return now >= from && now < round.closesAt && round.opensAt < from;
}
