// The instance compiled into indices once, so the layout and the search work
// on small integers and typed arrays instead of id strings. Every order here
// is the input's order (stable, hence deterministic).

import type { ProposalInstance } from "./types";

export interface ClubSpec {
  id: string;
  capacity: number;
  sessions: number;
  /** Venues of the club's kind holding its capacity, smallest first (best fit keeps big rooms free). */
  venues: number[];
  /** Eligible staff, the fixed leader alone when one is fixed. */
  staff: number[];
  /** Fixed sessions: slot, venue (-1: chosen) and staff (-1: chosen). */
  fixedSlots: number[];
  fixedVenue: Map<number, number>;
  /** allowed[slot] = 1 when the club may meet in that slot (its grades are free then), or null: every slot. */
  allowed: Uint8Array | null;
  /** The current draft's leader (-1 when none or several), and its venue by slot. */
  currentStaff: number;
  currentVenue: Map<number, number>;
}

export interface Problem {
  instance: ProposalInstance;
  nSlots: number;
  nVenues: number;
  nStaff: number;
  slotIndex: Map<string, number>;
  venueCapacity: Int32Array;
  /** available[staff * nSlots + slot] = 1 when that member of staff can lead a club in that slot. */
  available: Uint8Array;
  clubs: ClubSpec[];
  /** Children who ranked each club and are of an eligible grade, with the rank weight 1/rank. */
  interested: { student: number; weight: number }[][];
  /** stays[student * nSlots + slot] = 1 when the child stays for that slot. */
  stays: Uint8Array;
  /**
   * A fixed session's venue and leader are its club's in that slot: no other
   * club may take them, whichever club happens to be placed first.
   * reservedVenue[slot * nVenues + venue] and reservedStaff[slot * nStaff + staff]: club index, or -1;
   * -2 for a venue busy with another kind of session (venues[].busy).
   */
  reservedVenue: Int32Array;
  reservedStaff: Int32Array;
}

export function compileProblem(instance: ProposalInstance): Problem {
  const slotIndex = new Map(instance.slots.map((s, i) => [s.id, i]));
  const venueIndex = new Map(instance.venues.map((v, i) => [v.id, i]));
  const staffIndex = new Map(instance.staff.map((s, i) => [s.id, i]));
  const nSlots = instance.slots.length;
  const available = new Uint8Array(instance.staff.length * nSlots);
  instance.staff.forEach((s, i) => s.slots.forEach((slot) => (available[i * nSlots + slotIndex.get(slot)!] = 1)));
  const venueOrder = instance.venues
    .map((_, i) => i)
    .sort((a, b) => instance.venues[a].capacity - instance.venues[b].capacity || a - b);
  const clubs = instance.clubs.map((club): ClubSpec => {
    const fixedLeader = club.fixed.find((f) => f.staff !== undefined)?.staff;
    const current = instance.current.filter((e) => e.club === club.id);
    const leaders = new Set(current.map((e) => e.staff));
    return {
      id: club.id,
      capacity: club.capacity,
      sessions: club.sessions,
      venues: venueOrder.filter(
        (v) =>
          (club.venueKind === null || instance.venues[v].kind === club.venueKind) &&
          instance.venues[v].capacity >= club.capacity,
      ),
      allowed: club.slots === undefined ? null : maskOf(club.slots, slotIndex, nSlots),
      staff: fixedLeader !== undefined ? [staffIndex.get(fixedLeader)!] : club.staff.map((s) => staffIndex.get(s)!),
      fixedSlots: club.fixed.map((f) => slotIndex.get(f.slot)!),
      fixedVenue: new Map(
        club.fixed.filter((f) => f.venue !== undefined).map((f) => [slotIndex.get(f.slot)!, venueIndex.get(f.venue!)!]),
      ),
      currentStaff: leaders.size === 1 ? staffIndex.get([...leaders][0])! : -1,
      currentVenue: new Map(current.map((e) => [slotIndex.get(e.slot)!, venueIndex.get(e.venue)!])),
    };
  });
  const clubIndex = new Map(instance.clubs.map((c, i) => [c.id, i]));
  const interested: Problem["interested"] = instance.clubs.map(() => []);
  const stays = new Uint8Array(instance.students.length * nSlots);
  instance.students.forEach((s, u) => {
    s.slots.forEach((slot) => (stays[u * nSlots + slotIndex.get(slot)!] = 1));
    s.choices.forEach((id, r) => {
      const c = clubIndex.get(id)!;
      const grades = instance.clubs[c].grades;
      if (grades === undefined || grades.includes(s.grade)) interested[c].push({ student: u, weight: 1 / (r + 1) });
    });
  });
  const reservedVenue = new Int32Array(nSlots * instance.venues.length).fill(-1);
  const reservedStaff = new Int32Array(nSlots * instance.staff.length).fill(-1);
  // A venue busy with a session that is not a club is nobody's to take (-2: no club owns it).
  instance.venues.forEach((venue, v) =>
    (venue.busy ?? []).forEach((slot) => (reservedVenue[slotIndex.get(slot)! * instance.venues.length + v] = -2)),
  );
  instance.clubs.forEach((club, c) => {
    for (const f of club.fixed) {
      const t = slotIndex.get(f.slot)!;
      if (f.venue !== undefined) reservedVenue[t * instance.venues.length + venueIndex.get(f.venue)!] = c;
      if (f.staff !== undefined) reservedStaff[t * instance.staff.length + staffIndex.get(f.staff)!] = c;
    }
  });
  return {
    instance,
    nSlots,
    nVenues: instance.venues.length,
    nStaff: instance.staff.length,
    slotIndex,
    venueCapacity: Int32Array.from(instance.venues.map((v) => v.capacity)),
    available,
    clubs,
    interested,
    stays,
    reservedVenue,
    reservedStaff,
  };
}

function maskOf(slots: string[], slotIndex: Map<string, number>, nSlots: number): Uint8Array {
  const mask = new Uint8Array(nSlots);
  for (const slot of slots) mask[slotIndex.get(slot)!] = 1;
  return mask;
}
