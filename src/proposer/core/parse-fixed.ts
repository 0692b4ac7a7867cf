// Fixed sessions are the admin's decisions, kept as they are; like the
// allocation's pins, fixed sessions that cannot all hold are bad input and the
// message names the one that breaks them.

import { InstanceError } from "../../allocation/core";
import type { ProposalInstance } from "./types";

export function checkFixed(instance: ProposalInstance): void {
  const venues = new Map(instance.venues.map((v) => [v.id, v]));
  const staff = new Map(instance.staff.map((s) => [s.id, s]));
  const venueTaken = new Map<string, string>();
  const staffTaken = new Map<string, string>();
  instance.clubs.forEach((club, i) => {
    let leader: string | undefined;
    const slots = new Set<string>();
    club.fixed.forEach((f, j) => {
      const field = `clubs[${i}].fixed[${j}]`;
      if (slots.has(f.slot)) throw new InstanceError(field, `slot ${JSON.stringify(f.slot)} is fixed twice`);
      slots.add(f.slot);
      if (club.slots !== undefined && !club.slots.includes(f.slot))
        throw new InstanceError(`${field}.slot`, `${JSON.stringify(f.slot)} is not among the club's slots`);
      if (f.venue !== undefined) {
        const venue = venues.get(f.venue)!;
        if (venue.busy?.includes(f.slot))
          throw new InstanceError(
            `${field}.venue`,
            `venue ${JSON.stringify(venue.id)} is busy in ${JSON.stringify(f.slot)}`,
          );
        if (club.venueKind !== null && venue.kind !== club.venueKind)
          throw new InstanceError(
            `${field}.venue`,
            `venue ${JSON.stringify(venue.id)} is a ${venue.kind}, not a ${club.venueKind}`,
          );
        if (venue.capacity < club.capacity)
          throw new InstanceError(
            `${field}.venue`,
            `venue ${JSON.stringify(venue.id)} holds ${venue.capacity}, fewer than capacity ${club.capacity}`,
          );
        claim(
          venueTaken,
          `${f.slot}|${f.venue}`,
          club.id,
          `${field}.venue`,
          `venue ${JSON.stringify(f.venue)}`,
          f.slot,
        );
      }
      if (f.staff !== undefined) {
        if (!club.staff.includes(f.staff))
          throw new InstanceError(`${field}.staff`, `${JSON.stringify(f.staff)} is not in the club's staff list`);
        if (leader !== undefined && leader !== f.staff)
          throw new InstanceError(
            `${field}.staff`,
            `a club has one leader, but ${JSON.stringify(leader)} leads another fixed session`,
          );
        leader = f.staff;
        if (!staff.get(f.staff)!.slots.includes(f.slot))
          throw new InstanceError(
            `${field}.staff`,
            `${JSON.stringify(f.staff)} is not available in slot ${JSON.stringify(f.slot)}`,
          );
        claim(
          staffTaken,
          `${f.slot}|${f.staff}`,
          club.id,
          `${field}.staff`,
          `staff member ${JSON.stringify(f.staff)}`,
          f.slot,
        );
      }
    });
  });
}

function claim(taken: Map<string, string>, key: string, club: string, field: string, what: string, slot: string): void {
  const other = taken.get(key);
  if (other !== undefined)
    throw new InstanceError(
      field,
      `${what} is already fixed for club ${JSON.stringify(other)} in slot ${JSON.stringify(slot)}`,
    );
  taken.set(key, club);
}
