// Every hard constraint, checked on a timetable as entries, in words; empty
// when all hold. The proposer never needs it (its layout refuses a broken
// placement); tests run it on every proposal, and it tells whether the
// current draft is feasible.

import type { Entry, ProposalInstance } from "./types";

export function violations(instance: ProposalInstance, entries: Entry[]): string[] {
  const problems: string[] = [];
  const clubs = new Map(instance.clubs.map((c) => [c.id, c]));
  const venues = new Map(instance.venues.map((v) => [v.id, v]));
  const staff = new Map(instance.staff.map((s) => [s.id, s]));
  const seen = new Map<string, string>();
  const once = (key: string, what: string, club: string) => {
    const other = seen.get(key);
    if (other !== undefined) problems.push(`${what} double-booked: ${other} and ${club}`);
    seen.set(key, club);
  };
  for (const e of entries) {
    const club = clubs.get(e.club);
    const venue = venues.get(e.venue);
    const member = staff.get(e.staff);
    if (!club || !venue || !member) {
      problems.push(`unknown id in ${JSON.stringify(e)}`);
      continue;
    }
    once(`v|${e.slot}|${e.venue}`, `venue ${e.venue} in ${e.slot}`, e.club);
    once(`s|${e.slot}|${e.staff}`, `staff ${e.staff} in ${e.slot}`, e.club);
    once(`c|${e.slot}|${e.club}`, `club ${e.club} in ${e.slot}`, e.club);
    if (!member.slots.includes(e.slot)) problems.push(`staff ${e.staff} not available in ${e.slot} (${e.club})`);
    if (!club.staff.includes(e.staff)) problems.push(`staff ${e.staff} may not lead ${e.club}`);
    if (venue.busy?.includes(e.slot)) problems.push(`venue ${e.venue} is busy in ${e.slot} (${e.club})`);
    if (club.slots !== undefined && !club.slots.includes(e.slot))
      problems.push(`club ${e.club} may not meet in ${e.slot}`);
    if (club.venueKind !== null && venue.kind !== club.venueKind)
      problems.push(`venue ${e.venue} is not a ${club.venueKind} (${e.club})`);
    if (venue.capacity < club.capacity) problems.push(`venue ${e.venue} too small for ${e.club}`);
  }
  for (const club of instance.clubs) {
    const mine = entries.filter((e) => e.club === club.id);
    if (mine.length === 0) continue;
    if (mine.length !== club.sessions) problems.push(`club ${club.id} has ${mine.length} of ${club.sessions} sessions`);
    if (new Set(mine.map((e) => e.staff)).size > 1) problems.push(`club ${club.id} has more than one leader`);
    for (const f of club.fixed) {
      const kept = mine.some(
        (e) =>
          e.slot === f.slot &&
          (f.venue === undefined || e.venue === f.venue) &&
          (f.staff === undefined || e.staff === f.staff),
      );
      if (!kept) problems.push(`club ${club.id} lost its fixed session in ${f.slot}`);
    }
  }
  return problems;
}
