import { clashOf, sameSlotGroups } from "./slot-groups";
import { Clash, Placement } from "./types";

// A class can only be in one session per slot. Clubs are the exception: a
// grade's children are split across the clubs that meet in a slot (each child
// is allocated to one of them), so several clubs for grade 3 on Thursday
// period 2 is the normal pattern. Any other session is for whole classes, so
// it clashes with anything else the same classes have in that slot, except that
// a grade-wide activity beside clubs is the supervised place (自主活动/托管) for the
// children of the grade with no club in that slot: its roster is theirs.
export function gradeDoubleBooked(placements: Placement[]): Clash[] {
  return sameSlotGroups(placements, (p) => [...new Set(p.grades)]).flatMap(({ resource: grade, group }) =>
    conflictingSets(group).map((set) => clashOf("grade-double-booked", set, { grade })),
  );
}

function conflicts(a: Placement, b: Placement): boolean {
  if (a.kind === "club" && b.kind === "club") return false;
  const wholeGrade = (p: Placement) => !p.classIds || p.classIds.length === 0;
  const care = (p: Placement) => p.kind === "activity" && wholeGrade(p);
  if ((a.kind === "club" && care(b)) || (care(a) && b.kind === "club")) return false;
  return wholeGrade(a) || wholeGrade(b) || (a.classIds ?? []).some((c) => b.classIds?.includes(c));
}

// Placements joined by conflicts, one set per connected group, so two unrelated
// pairs in one slot (3-1 and 3-2 each double-booked) are two clashes.
function conflictingSets(group: Placement[]): Placement[][] {
  const component = group.map((_, i) => i);
  const root = (i: number): number => (component[i] === i ? i : (component[i] = root(component[i])));
  for (let i = 0; i < group.length; i++) {
    for (let j = i + 1; j < group.length; j++) {
      if (conflicts(group[i], group[j])) component[root(j)] = root(i);
    }
  }
  const sets = new Map<number, Placement[]>();
  group.forEach((p, i) => sets.set(root(i), [...(sets.get(root(i)) ?? []), p]));
  return [...sets.values()].filter((set) => set.length > 1);
}
