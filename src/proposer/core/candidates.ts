// What a club could ever have, before any other club is placed: the facts
// that make a club unplaceable on its own (the reasons given to the admin),
// and the (leader, slots) candidates the complete search walks through.

import type { Problem } from "./problem";
import type { UnplacedReason } from "./types";

export interface Candidate {
  staff: number;
  slots: number[];
}

/** Slots in which `staff` could lead club c if nothing else were placed (fixed slots first). */
export function openSlots(problem: Problem, c: number, staff: number): number[] | null {
  const spec = problem.clubs[c];
  const { nSlots, available } = problem;
  // A slot where every venue the club fits is busy (homework, sport) is as closed as one its leader is away.
  const roomy = (t: number) => spec.venues.some((v) => problem.reservedVenue[t * problem.nVenues + v] !== -2);
  const open = (t: number) =>
    available[staff * nSlots + t] === 1 && (spec.allowed === null || spec.allowed[t] === 1) && roomy(t);
  if (spec.fixedSlots.some((t) => !open(t))) return null;
  const rest: number[] = [];
  for (let t = 0; t < nSlots; t++) if (open(t) && !spec.fixedSlots.includes(t)) rest.push(t);
  return [...spec.fixedSlots, ...rest];
}

/** Why club c cannot be placed in any layout, or null when it can be placed on its own. */
export function staticReason(problem: Problem, c: number): { reason: UnplacedReason; detail: string } | null {
  const spec = problem.clubs[c];
  const club = problem.instance.clubs[c];
  if (club.staff.length === 0) return { reason: "no-eligible-staff", detail: "no member of staff may lead it" };
  if (spec.venues.length === 0)
    return {
      reason: "no-venue",
      detail: `no ${club.venueKind ?? "free"} venue holds its capacity of ${club.capacity}`,
    };
  const slotsPerStaff = spec.staff.map((s) => openSlots(problem, c, s));
  if (spec.fixedSlots.length > 0 && slotsPerStaff.every((s) => s === null))
    return { reason: "fixed-conflict", detail: "no member of its staff is available in all its fixed slots" };
  if (slotsPerStaff.every((s) => s === null || s.length < spec.sessions))
    return {
      reason: "too-few-slots",
      detail: `no member of its staff is available in ${spec.sessions} slots it may meet in with a free venue`,
    };
  return null;
}

/** Every (leader, slots) a club could take, fixed slots included, up to `limit` (in a stable order). */
export function candidates(problem: Problem, c: number, limit: number): Candidate[] {
  const spec = problem.clubs[c];
  const out: Candidate[] = [];
  for (const staff of spec.staff) {
    const open = openSlots(problem, c, staff);
    if (open === null) continue;
    const fixed = open.slice(0, spec.fixedSlots.length);
    const rest = open.slice(spec.fixedSlots.length);
    const need = spec.sessions - fixed.length;
    combinations(rest, need, (chosen) => {
      if (out.length >= limit) return false;
      out.push({ staff, slots: [...fixed, ...chosen] });
      return true;
    });
  }
  return out;
}

/** Calls `visit` with each k-subset of `items` in lexicographic order until it returns false. */
function combinations(items: number[], k: number, visit: (chosen: number[]) => boolean): void {
  const chosen: number[] = [];
  const walk = (from: number): boolean => {
    if (chosen.length === k) return visit(chosen.slice());
    for (let i = from; i <= items.length - (k - chosen.length); i++) {
      chosen.push(items[i]);
      const more = walk(i + 1);
      chosen.pop();
      if (!more) return false;
    }
    return true;
  };
  walk(0);
}
