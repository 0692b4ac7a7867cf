import { Clash, ClashKind, Placement } from "./types";

// Placements that share a slot and some resource (a teacher, a room, a grade).
export function sameSlotGroups<K>(
  placements: Placement[],
  resourcesOf: (p: Placement) => K[],
): { resource: K; group: Placement[] }[] {
  const groups = new Map<string, { resource: K; group: Placement[] }>();
  for (const p of placements) {
    for (const resource of resourcesOf(p)) {
      const key = JSON.stringify([p.weekday, p.periodId, resource]);
      const entry = groups.get(key) ?? { resource, group: [] };
      entry.group.push(p);
      groups.set(key, entry);
    }
  }
  return [...groups.values()];
}

export function clashOf(kind: ClashKind, group: Placement[], params: Clash["params"]): Clash {
  return {
    kind,
    weekday: group[0].weekday,
    periodId: group[0].periodId,
    entryIds: group.map((p) => p.entryId).sort(),
    params,
  };
}
