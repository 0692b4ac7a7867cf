import { clashOf } from "./slot-groups";
import { Clash, ClashContext, Placement } from "./types";

// Allocation may fill a club up to its maxSize, so the room must seat that many
// (a non-club session, or a club not in the context, goes by its expectedSize).
export function clubLargerThanVenue(placements: Placement[], context: Pick<ClashContext, "venues" | "clubs">): Clash[] {
  const capacity = new Map(context.venues.map((v) => [v.id, v.capacity]));
  const maxSize = new Map(context.clubs.map((c) => [c.id, c.maxSize]));
  return placements.flatMap((p) => {
    const room = p.venueId === undefined ? undefined : capacity.get(p.venueId);
    const size = (p.clubId === undefined ? undefined : maxSize.get(p.clubId)) ?? p.expectedSize;
    if (room === undefined || size === undefined || size <= room) return [];
    return [
      clashOf("club-larger-than-venue", [p], {
        venueId: p.venueId as string,
        capacity: room,
        size,
        ...(p.clubId !== undefined && { clubId: p.clubId }),
      }),
    ];
  });
}
