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
