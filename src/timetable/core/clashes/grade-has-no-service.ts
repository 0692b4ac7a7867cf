import { clashOf } from "./slot-groups";
import { Clash, ClashContext, Placement } from "./types";

// A grade's children are not at school for the service on its off days (say
// grade 1 ends early on Friday), so a session for them that day has nobody to serve.
export function gradeHasNoService(placements: Placement[], context: Pick<ClashContext, "serviceDays">): Clash[] {
  const days = new Map<number, Set<number>>();
  for (const { grade, weekdays } of context.serviceDays) {
    const set = days.get(grade) ?? new Set<number>();
    weekdays.forEach((d) => set.add(d));
    days.set(grade, set);
  }
  return placements.flatMap((p) =>
    [...new Set(p.grades)]
      .filter((grade) => !days.get(grade)?.has(p.weekday))
      .map((grade) => clashOf("grade-has-no-service", [p], { grade })),
  );
}
