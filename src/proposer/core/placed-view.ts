// A proposal's entries read back into a layout, with the questions the
// binding-constraint explanations ask of it: how many children who want a
// club stay for its slots, where more of them stay, whether the club could
// move there, and if not, what is in the way. Feasibility is the layout's own
// (`place` refuses what breaks a hard constraint), so the explanations can
// never claim a move is blocked when the solver could have made it.

import { Layout } from "./layout";
import type { Problem } from "./problem";
import type { Entry } from "./types";

export interface Blocker {
  kind: "staff-away" | "staff-busy" | "fixed-pins" | "venue-only-of-kind" | "kind-full-in-slot";
  other?: number;
  staff?: number;
  venue?: number;
}

export interface Move {
  slots: number[];
  to: number;
  /** More children who want the club and stay for all its slots (up to its capacity). */
  gain: number;
}

export class PlacedView {
  readonly layout: Layout;
  private readonly movable = new Map<number, boolean>();

  constructor(
    private readonly problem: Problem,
    entries: Entry[],
  ) {
    const { instance, nVenues, nStaff, slotIndex } = problem;
    const layout = (this.layout = new Layout(problem));
    const clubIndex = new Map(instance.clubs.map((c, i) => [c.id, i]));
    const venueIndex = new Map(instance.venues.map((v, i) => [v.id, i]));
    const staffIndex = new Map(instance.staff.map((s, i) => [s.id, i]));
    const sessions = entries
      .map((e) => ({ c: clubIndex.get(e.club)!, t: slotIndex.get(e.slot)!, v: venueIndex.get(e.venue)!, s: e.staff }))
      .sort((a, b) => a.c - b.c || a.t - b.t);
    for (const { c, t, v, s } of sessions) {
      const staff = staffIndex.get(s)!;
      layout.leader[c] = staff;
      layout.slots[c].push(t);
      layout.venues[c].push(v);
      layout.venueAt[t * nVenues + v] = c;
      layout.staffAt[t * nStaff + staff] = c;
    }
  }

  slotsOf(c: number): number[] | null {
    return this.layout.isPlaced(c) ? this.layout.slots[c] : null;
  }

  leaderOf(c: number): number {
    return this.layout.leader[c];
  }

  /** Children who want club c and stay for all of `slots`, up to its capacity. */
  reach(c: number, slots: number[]): number {
    const { stays, nSlots, interested, clubs } = this.problem;
    let n = 0;
    outer: for (const { student } of interested[c]) {
      for (const t of slots) if (!stays[student * nSlots + t]) continue outer;
      n++;
    }
    return Math.min(n, clubs[c].capacity);
  }

  /** The one-session move of club c that reaches the most more children (the first on ties), or null. */
  bestMove(c: number, movable: number[]): Move | null {
    const slots = this.layout.slots[c];
    const here = this.reach(c, slots);
    let best: Move | null = null;
    for (const out of movable)
      for (let to = 0; to < this.problem.nSlots; to++) {
        if (slots.includes(to)) continue;
        const moved = slots.map((t) => (t === out ? to : t));
        const gain = this.reach(c, moved) - here;
        if (gain > (best?.gain ?? 0)) best = { slots: moved, to, gain };
      }
    return best;
  }

  /** Could club c meet in `slots` with everything else as it is (any of its staff, venues re-seated)? */
  fits(c: number, slots: number[]): boolean {
    const without = this.layout.clone();
    without.remove(c);
    return this.problem.clubs[c].staff.some((s) => without.clone().place(c, s, slots));
  }

  /** What keeps club c from meeting in `slots` (which adds slot `to`), or null when nothing does. */
  blocker(c: number, slots: number[], to: number): Blocker | null {
    if (this.fits(c, slots)) return null;
    const { clubs, available, nSlots, nStaff, nVenues, reservedStaff, reservedVenue } = this.problem;
    const spec = clubs[c];
    const without = this.layout.clone();
    without.remove(c);
    const able = spec.staff.filter((s) => slots.every((t) => available[s * nSlots + t]));
    if (able.length === 0) return { kind: "staff-away" };
    if (!able.some((s) => without.staffFree(c, s, slots))) {
      const s = able.includes(this.layout.leader[c]) ? this.layout.leader[c] : able[0];
      const held = without.staffAt[to * nStaff + s];
      const other = held >= 0 ? held : reservedStaff[to * nStaff + s];
      if (other < 0 || other === c) return null;
      return { kind: clubs[other].fixedSlots.includes(to) ? "fixed-pins" : "staff-busy", other, staff: s };
    }
    const holders = spec.venues.map((v) => {
      const held = without.venueAt[to * nVenues + v];
      return held >= 0 ? held : reservedVenue[to * nVenues + v];
    });
    if (holders.some((d) => d < 0 || d === c)) return null;
    const pinned = holders.findIndex((d, i) => clubs[d].fixedVenue.get(to) === spec.venues[i]);
    if (pinned >= 0) return { kind: "fixed-pins", other: holders[pinned], venue: spec.venues[pinned] };
    if (spec.venues.length === 1) return { kind: "venue-only-of-kind", other: holders[0], venue: spec.venues[0] };
    return { kind: "kind-full-in-slot" };
  }

  /** Can club c's session in slot t meet in some other slot, everything else as it is? */
  canMove(c: number, t: number): boolean {
    const key = c * this.problem.nSlots + t;
    let found = this.movable.get(key);
    if (found === undefined) {
      const slots = this.layout.slots[c];
      found = false;
      if (!this.problem.clubs[c].fixedSlots.includes(t))
        for (let to = 0; to < this.problem.nSlots && !found; to++)
          if (!slots.includes(to))
            found = this.fits(
              c,
              slots.map((x) => (x === t ? to : x)),
            );
      this.movable.set(key, found);
    }
    return found;
  }

  /**
   * Pairs of clubs meeting in the same slot that children ranked both, where
   * neither club could meet anywhere else: their children must choose.
   */
  sharedSlots(): { club: number; other: number; slot: number; children: number }[] {
    const { nSlots, stays, interested } = this.problem;
    const out: { club: number; other: number; slot: number; children: number }[] = [];
    const n = this.layout.slots.length;
    for (let t = 0; t < nSlots; t++) {
      const here: number[] = [];
      for (let c = 0; c < n; c++) if (this.layout.slots[c].includes(t)) here.push(c);
      for (let i = 0; i < here.length; i++)
        for (let j = i + 1; j < here.length; j++) {
          const [c, d] = [here[i], here[j]];
          const children = both(interested[c], interested[d], (u) => stays[u * nSlots + t] === 1);
          if (children > 0 && !this.canMove(c, t) && !this.canMove(d, t))
            out.push({ club: c, other: d, slot: t, children });
        }
    }
    return out;
  }
}

/** Children in both lists (each in student order) passing `keep`. */
function both(a: { student: number }[], b: { student: number }[], keep: (u: number) => boolean): number {
  let n = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if (a[i].student < b[j].student) i++;
    else if (a[i].student > b[j].student) j++;
    else {
      if (keep(a[i].student)) n++;
      i++;
      j++;
    }
  }
  return n;
}
