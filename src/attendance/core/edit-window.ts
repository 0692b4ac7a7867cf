// How long after the day a register may still be changed (a setting, default 3
// days): late corrections are normal (a note from home arrives the next day),
// but a register that can change forever is no record at all.
import { addDays } from "../../kernel/core";

export const EDIT_DAYS_KEY = "attendance.editDays";
export const DEFAULT_EDIT_DAYS = 3;
export const MAX_EDIT_DAYS = 30;

/** The window from the setting's stored text: the default when unset or not a number of days, never past the maximum. */
export function editDaysOf(raw: string | undefined): number {
  const n = raw !== undefined && /^\d{1,2}$/.test(raw) ? Number(raw) : DEFAULT_EDIT_DAYS;
  return Math.min(MAX_EDIT_DAYS, n);
}

export type WindowState = "open" | "late" | "future" | "closed";

// The day itself is "open"; the following `days` days are "late" (allowed, flagged in the audit);
// before the day nothing can be marked, and after the window the register is closed.
export function windowState(date: string, today: string, days: number): WindowState {
  if (date > today) return "future";
  if (date === today) return "open";
  return date >= addDays(today, -days) ? "late" : "closed";
}

/** The first date that can still be changed today. */
export function earliestEditable(today: string, days: number): string {
  return addDays(today, -days);
}
