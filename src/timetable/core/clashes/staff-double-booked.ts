import { clashOf, sameSlotGroups } from "./slot-groups";
import { Clash, Placement } from "./types";

// A teacher cannot be in two rooms at once; external instructors included.
export function staffDoubleBooked(placements: Placement[]): Clash[] {
  return sameSlotGroups(placements, (p) => (p.staffId === undefined ? [] : [p.staffId]))
    .filter(({ group }) => group.length > 1)
    .map(({ resource, group }) => clashOf("staff-double-booked", group, { staffId: resource }));
}
