import { availableAt, windowOn } from "../../../kernel/core";
import { clashOf } from "./slot-groups";
import { Clash, ClashContext, Placement } from "./types";

// Part-time and external instructors come on agreed days only; a session on
// another day has nobody to run it. (Staff missing from the context are not judged.)
export function staffUnavailable(placements: Placement[], context: Pick<ClashContext, "staff">): Clash[] {
  const available = new Map(context.staff.map((s) => [s.id, new Set(s.availableWeekdays)]));
  return placements
    .filter((p) => p.staffId !== undefined && available.get(p.staffId)?.has(p.weekday) === false)
    .map((p) => clashOf("staff-unavailable", [p], { staffId: p.staffId as string }));
}

// On an agreed day some come only for part of it ("Tuesdays from 16:30"): a
// session whose period does not fit in that window has nobody for part of it.
export function staffOutsideHours(placements: Placement[], context: Pick<ClashContext, "staff" | "periods">): Clash[] {
  const staff = new Map(context.staff.map((s) => [s.id, s]));
  const periods = new Map((context.periods ?? []).map((p) => [p.id, p]));
  return placements.flatMap((p) => {
    const who = p.staffId === undefined ? undefined : staff.get(p.staffId);
    const period = periods.get(p.periodId);
    const window = windowOn(who?.hours, p.weekday);
    if (!who || !period || !window || !who.availableWeekdays.includes(p.weekday)) return [];
    if (availableAt(who.availableWeekdays, who.hours, p.weekday, period.start, period.end)) return [];
    return [clashOf("staff-outside-hours", [p], { staffId: who.id, from: window.from, to: window.to })];
  });
}
