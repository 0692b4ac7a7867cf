// Slot ids (a weekday + period, e.g. `thu-2`): the weekday's short English
// name and the period's 1-based place in the day, the same ids the policy
// facts use. The engine compares them only by equality; people read labels.
import type { Period } from "../db";

export const SLOT_DAYS = ["", "mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/** Periods in the order of the day: position, then start time. */
export function dayOrder(periods: Period[]): Period[] {
  return [...periods].sort((a, b) => a.position - b.position || a.startTime.localeCompare(b.startTime) || a.id - b.id);
}

/** (weekday, periodId) → slot id, or undefined for an unknown period or weekday. */
export function slotsByPeriod(periods: Period[]): (weekday: number, periodId: number) => string | undefined {
  const index = new Map(dayOrder(periods).map((p, i) => [p.id, i + 1]));
  return (weekday, periodId) => {
    const k = index.get(periodId);
    return k === undefined || !SLOT_DAYS[weekday] ? undefined : `${SLOT_DAYS[weekday]}-${k}`;
  };
}

export function parseSlot(slot: string): { weekday: number; index: number } | null {
  const m = /^([a-z]{3})-(\d+)$/.exec(slot);
  const weekday = m ? SLOT_DAYS.indexOf(m[1]) : -1;
  return m && weekday > 0 ? { weekday, index: Number(m[2]) } : null;
}

/** Monday first, then by period. */
export function slotOrder(a: string, b: string): number {
  const x = parseSlot(a);
  const y = parseSlot(b);
  if (!x || !y) return a < b ? -1 : a > b ? 1 : 0;
  return x.weekday - y.weekday || x.index - y.index;
}

/** A slot id as a weekday (the view translates it) and the period's times. */
export function slotParts(slot: string, periods: Period[]): { weekday: number; time: string } {
  const parsed = parseSlot(slot);
  if (!parsed) return { weekday: 0, time: slot };
  const period = dayOrder(periods)[parsed.index - 1];
  return { weekday: parsed.weekday, time: period ? `${period.startTime}–${period.endTime}` : `#${parsed.index}` };
}
