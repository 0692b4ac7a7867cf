// The local search's moves. Each works on a copy and returns it, or null when
// the move would break a hard constraint (the layout refuses such a
// placement). Which club and slot to try is drawn with weights from the last
// allocation: clubs that children wanted and did not get, slots where those
// children stay. Clubs with fixed sessions keep them and are never ejected.

import { candidates } from "./candidates";
import { placeByDemand } from "./construct";
import type { Judgement } from "./judge";
import type { Layout } from "./layout";
import type { Prng } from "./prng";
import type { Surrogate } from "./surrogate";

export interface MoveContext {
  prng: Prng;
  surrogate: Surrogate;
  /** Clubs some layout could place (no static reason). */
  placeable: boolean[];
}

export function neighbour(layout: Layout, judgement: Judgement, ctx: MoveContext): Layout | null {
  const unplaced = ctx.placeable.map((ok, c) => (ok && !layout.isPlaced(c) ? 1 : 0));
  const r = ctx.prng.next();
  if (unplaced.some((x) => x > 0) && r < 0.3) return insert(layout, ctx.prng.weighted(unplaced), ctx);
  const c = pickClub(layout, judgement, ctx.prng);
  if (c < 0) return null;
  return r < 0.75 ? relocate(layout, c, judgement, ctx.prng) : swap(layout, c, ctx.prng);
}

/** A placed club with a session that may move, weighted by the children who wanted it and missed it (less when it is full). */
function pickClub(layout: Layout, judgement: Judgement, prng: Prng): number {
  const weights = layout.problem.clubs.map((spec, c) =>
    layout.isPlaced(c) && spec.sessions > spec.fixedSlots.length
      ? judgement.wanting[c] * (judgement.full[c] ? 0.2 : 1) + 1
      : 0,
  );
  return prng.weighted(weights);
}

function movableSlots(layout: Layout, c: number): number[] {
  const fixed = layout.problem.clubs[c].fixedSlots;
  return layout.slots[c].filter((t) => !fixed.includes(t));
}

/** Move one session of club c to another slot, keeping its leader when possible. */
function relocate(layout: Layout, c: number, judgement: Judgement, prng: Prng): Layout | null {
  const { nSlots } = layout.problem;
  const from = movableSlots(layout, c);
  const out = from[prng.below(from.length)];
  const weights = Array.from({ length: nSlots }, (_, t) =>
    layout.slots[c].includes(t) ? 0 : judgement.wantSlots[c * nSlots + t] + 1,
  );
  const to = prng.weighted(weights);
  if (to < 0) return null;
  const copy = layout.clone();
  return replace(
    copy,
    c,
    layout.slots[c].map((t) => (t === out ? to : t)),
    layout.leader[c],
  )
    ? copy
    : null;
}

/** Exchange one session's slot between club c and another club. */
function swap(layout: Layout, c: number, prng: Prng): Layout | null {
  const others = layout.problem.clubs.map((_, d) =>
    d !== c && layout.isPlaced(d) && movableSlots(layout, d).length > 0 ? 1 : 0,
  );
  const d = prng.weighted(others);
  if (d < 0) return null;
  const a = movableSlots(layout, c).filter((t) => !layout.slots[d].includes(t));
  const b = movableSlots(layout, d).filter((t) => !layout.slots[c].includes(t));
  if (a.length === 0 || b.length === 0) return null;
  const ta = a[prng.below(a.length)];
  const tb = b[prng.below(b.length)];
  const copy = layout.clone();
  const leaders = [layout.leader[c], layout.leader[d]];
  copy.remove(d);
  if (
    !replace(
      copy,
      c,
      layout.slots[c].map((t) => (t === ta ? tb : t)),
      leaders[0],
    )
  )
    return null;
  return placeWithAnyLeader(
    copy,
    d,
    layout.slots[d].map((t) => (t === tb ? ta : t)),
    leaders[1],
  )
    ? copy
    : null;
}

/** Place an unplaced club: where it fits, else in a random candidate, ejecting what blocks it and re-placing those. */
function insert(layout: Layout, c: number, ctx: MoveContext): Layout | null {
  const copy = layout.clone();
  if (placeByDemand(copy, c, ctx.surrogate)) return copy;
  const options = candidates(layout.problem, c, 500);
  if (options.length === 0) return null;
  const option = options[ctx.prng.below(options.length)];
  const { nStaff, nVenues, clubs } = layout.problem;
  const ejected = new Set<number>();
  for (const t of option.slots) {
    const holder = copy.staffAt[t * nStaff + option.staff];
    if (holder >= 0) ejected.add(holder);
    const kindVenues = clubs[c].venues;
    if (kindVenues.every((v) => copy.venueAt[t * nVenues + v] >= 0)) {
      const fixedVenue = clubs[c].fixedVenue.get(t);
      ejected.add(copy.venueAt[t * nVenues + (fixedVenue ?? kindVenues[ctx.prng.below(kindVenues.length)])]);
    }
  }
  for (const d of ejected) if (clubs[d].fixedSlots.length > 0) return null;
  for (const d of ejected) copy.remove(d);
  if (!copy.place(c, option.staff, option.slots)) return null;
  for (const d of ejected) placeByDemand(copy, d, ctx.surrogate);
  return copy;
}

/** Re-place placed club c in `slots`: with `leader` if free, else another of its staff. */
function replace(layout: Layout, c: number, slots: number[], leader: number): boolean {
  layout.remove(c);
  return placeWithAnyLeader(layout, c, slots, leader);
}

function placeWithAnyLeader(layout: Layout, c: number, slots: number[], leader: number): boolean {
  if (layout.place(c, leader, slots)) return true;
  return layout.problem.clubs[c].staff.some((s) => s !== leader && layout.place(c, s, slots));
}
