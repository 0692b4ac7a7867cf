import { clashOf, sameSlotGroups } from "./slot-groups";
import { Clash, Placement } from "./types";

// A room holds one session at a time: two groups in the music room is neither.
export function venueDoubleBooked(placements: Placement[]): Clash[] {
  return sameSlotGroups(placements, (p) => (p.venueId === undefined ? [] : [p.venueId]))
    .filter(({ group }) => group.length > 1)
    .map(({ resource, group }) => clashOf("venue-double-booked", group, { venueId: resource }));
}
