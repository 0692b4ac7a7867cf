// First layouts. `demand` is the proposer's start: clubs most constrained
// first (fixed sessions, then fewest open slots), each given the leader and
// slots the surrogate likes best. `first` (every club in the first slots that
// fit) and `random` are the benchmark's baselines. `fromCurrent` keeps the
// current draft's sessions wherever they still hold.

import { openSlots } from "./candidates";
import { Layout } from "./layout";
import type { Prng } from "./prng";
import type { Problem } from "./problem";
import type { Surrogate } from "./surrogate";

export type Construction = "demand" | "first" | "random";

export interface ConstructOptions {
  surrogate?: Surrogate;
  prng?: Prng;
  /** Clubs already placed here are kept; the rest are added. */
  start?: Layout;
}

export function constructLayout(problem: Problem, mode: Construction, options: ConstructOptions = {}): Layout {
  const layout = options.start?.clone() ?? new Layout(problem);
  const order =
    mode === "random" ? options.prng!.shuffle(problem.clubs.map((_, c) => c)) : mostConstrainedFirst(problem);
  for (const c of order) {
    if (layout.isPlaced(c)) continue;
    if (mode === "demand") placeByDemand(layout, c, options.surrogate!);
    else placeFirst(layout, c, mode === "random" ? options.prng : undefined);
  }
  return layout;
}

/** The current draft's clubs, each kept when all its sessions still hold with one leader. */
export function fromCurrent(problem: Problem): Layout {
  const layout = new Layout(problem);
  problem.clubs.forEach((spec, c) => {
    if (spec.currentStaff < 0 || spec.currentVenue.size !== spec.sessions) return;
    layout.place(c, spec.currentStaff, [...spec.currentVenue.keys()]);
  });
  return layout;
}

/** Fixed clubs first, then those with the fewest open slots per session, then the biggest. */
export function mostConstrainedFirst(problem: Problem): number[] {
  const room = problem.clubs.map((spec, c) => {
    let open = 0;
    for (const s of spec.staff) open += openSlots(problem, c, s)?.length ?? 0;
    return open / spec.sessions;
  });
  return problem.clubs
    .map((_, c) => c)
    .sort(
      (a, b) =>
        problem.clubs[b].fixedSlots.length - problem.clubs[a].fixedSlots.length ||
        room[a] - room[b] ||
        problem.clubs[b].capacity - problem.clubs[a].capacity ||
        a - b,
    );
}

/** Slots where `staff` could lead club c now (staff free, a venue free), fixed slots first; null if a fixed one is taken. */
export function freeSlots(layout: Layout, c: number, staff: number): number[] | null {
  const open = openSlots(layout.problem, c, staff);
  if (open === null) return null;
  const spec = layout.problem.clubs[c];
  const { nVenues } = layout.problem;
  const out: number[] = [];
  for (const t of open) {
    const fixedVenue = spec.fixedVenue.get(t);
    const venueFree =
      fixedVenue !== undefined
        ? layout.venueAt[t * nVenues + fixedVenue] === -1
        : spec.venues.some((v) => layout.venueOpen(c, t, v));
    const ok = venueFree && layout.staffFree(c, staff, [t]);
    if (!ok && spec.fixedSlots.includes(t)) return null;
    if (ok) out.push(t);
  }
  return out;
}

function placeFirst(layout: Layout, c: number, prng?: Prng): boolean {
  const spec = layout.problem.clubs[c];
  const staffOrder = prng ? prng.shuffle(spec.staff.slice()) : spec.staff;
  for (const staff of staffOrder) {
    const free = freeSlots(layout, c, staff);
    if (free === null || free.length < spec.sessions) continue;
    const nFixed = spec.fixedSlots.length;
    const rest = free.slice(nFixed);
    const chosen = prng ? prng.shuffle(rest).slice(0, spec.sessions - nFixed) : rest.slice(0, spec.sessions - nFixed);
    if (layout.place(c, staff, [...spec.fixedSlots, ...chosen])) return true;
  }
  return false;
}

/** Each leader's best slots by the surrogate, one session at a time; the best leader wins (the current one on ties). */
export function placeByDemand(layout: Layout, c: number, surrogate: Surrogate, banned = -1): boolean {
  const spec = layout.problem.clubs[c];
  let best: { staff: number; slots: number[]; score: number } | null = null;
  for (const staff of spec.staff) {
    const free = freeSlots(layout, c, staff)?.filter((t) => t !== banned);
    if (free === undefined || free.length < spec.sessions) continue;
    const chosen = spec.fixedSlots.slice();
    while (chosen.length < spec.sessions) {
      let pick = -1;
      let pickScore = -Infinity;
      for (const t of free) {
        if (chosen.includes(t)) continue;
        const score = surrogate.score(layout, c, [...chosen, t]) + (spec.currentVenue.has(t) ? 1e-6 : 0);
        if (score > pickScore) [pick, pickScore] = [t, score];
      }
      chosen.push(pick);
    }
    const score = surrogate.score(layout, c, chosen) + (staff === spec.currentStaff ? 1e-6 : 0);
    if (best === null || score > best.score) best = { staff, slots: chosen, score };
  }
  return best !== null && layout.place(c, best.staff, best.slots);
}
