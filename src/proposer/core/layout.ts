// A layout: which slots, venues and leader each club has. It only ever holds
// placements that keep every hard constraint (no staff or venue twice in a
// slot, staff in their available slots, a venue of the club's kind and size,
// distinct slots, one leader, fixed sessions as fixed), because `place`
// refuses anything else: the search can try moves freely and never has to
// check a proposal afterwards.

import type { Problem } from "./problem";

export class Layout {
  /** Club index at [slot * nVenues + venue], or -1. */
  readonly venueAt: Int32Array;
  /** Club index at [slot * nStaff + staff], or -1. */
  readonly staffAt: Int32Array;
  /** Per club: its leader (-1 when unplaced), its slots and, per slot, its venue. */
  readonly leader: Int32Array;
  readonly slots: number[][];
  readonly venues: number[][];

  constructor(readonly problem: Problem) {
    const { nSlots, nVenues, nStaff, clubs } = problem;
    this.venueAt = new Int32Array(nSlots * nVenues).fill(-1);
    this.staffAt = new Int32Array(nSlots * nStaff).fill(-1);
    this.leader = new Int32Array(clubs.length).fill(-1);
    this.slots = clubs.map(() => []);
    this.venues = clubs.map(() => []);
  }

  clone(): Layout {
    const copy = new Layout(this.problem);
    copy.venueAt.set(this.venueAt);
    copy.staffAt.set(this.staffAt);
    copy.leader.set(this.leader);
    this.slots.forEach((s, c) => (copy.slots[c] = s.slice()));
    this.venues.forEach((v, c) => (copy.venues[c] = v.slice()));
    return copy;
  }

  isPlaced(c: number): boolean {
    return this.leader[c] >= 0;
  }

  placedCount(): number {
    let n = 0;
    for (let c = 0; c < this.leader.length; c++) if (this.leader[c] >= 0) n++;
    return n;
  }

  /** The allocation depends only on each club's slots: the judge's cache key. */
  signature(): string {
    return this.slots.map((s) => s.join(",")).join(";");
  }

  /** Can `staff` lead club c in all of `slots` (distinct; fixed slots included) right now? */
  staffFree(c: number, staff: number, slots: number[]): boolean {
    const { nStaff, nSlots, available } = this.problem;
    const allowed = this.problem.clubs[c].allowed;
    for (const t of slots) {
      if (!available[staff * nSlots + t] || (allowed !== null && !allowed[t])) return false;
      const holder = this.staffAt[t * nStaff + staff];
      if (holder !== -1 && holder !== c) return false;
      const owner = this.problem.reservedStaff[t * nStaff + staff];
      if (owner !== -1 && owner !== c) return false;
    }
    return true;
  }

  /**
   * Place unplaced club c with `staff` in `slots`, choosing venues; true when
   * done, false (and nothing changed) when some hard constraint would break.
   */
  place(c: number, staff: number, slots: number[]): boolean {
    const spec = this.problem.clubs[c];
    if (this.leader[c] >= 0 || slots.length !== spec.sessions || !spec.staff.includes(staff)) return false;
    if (new Set(slots).size !== slots.length) return false;
    for (const t of spec.fixedSlots) if (!slots.includes(t)) return false;
    if (!this.staffFree(c, staff, slots)) return false;
    const chosen: number[] = [];
    for (const t of slots) {
      const v = this.freeVenue(c, t);
      if (v < 0) return false;
      chosen.push(v);
    }
    const order = slots.map((_, i) => i).sort((a, b) => slots[a] - slots[b]);
    this.leader[c] = staff;
    this.slots[c] = order.map((i) => slots[i]);
    this.venues[c] = order.map((i) => chosen[i]);
    for (let i = 0; i < slots.length; i++) this.occupy(c, this.slots[c][i], this.venues[c][i], staff);
    return true;
  }

  remove(c: number): void {
    const staff = this.leader[c];
    if (staff < 0) return;
    const { nVenues, nStaff } = this.problem;
    this.slots[c].forEach((t, i) => {
      this.venueAt[t * nVenues + this.venues[c][i]] = -1;
      this.staffAt[t * nStaff + staff] = -1;
    });
    this.leader[c] = -1;
    this.slots[c] = [];
    this.venues[c] = [];
  }

  private occupy(c: number, t: number, v: number, staff: number): void {
    this.venueAt[t * this.problem.nVenues + v] = c;
    this.staffAt[t * this.problem.nStaff + staff] = c;
  }

  /**
   * A venue for club c in slot t: the fixed one, else the current draft's one
   * (fewer changes), else the smallest free one that fits; when none is free,
   * the clubs of that kind already in the slot are re-seated largest first
   * (best fit, which seats everyone whenever any seating does, since bigger
   * venues fit every club a smaller one fits). -1 when the slot has no room.
   */
  private freeVenue(c: number, t: number): number {
    const spec = this.problem.clubs[c];
    const base = t * this.problem.nVenues;
    const fixed = spec.fixedVenue.get(t);
    if (fixed !== undefined) return this.venueAt[base + fixed] === -1 ? fixed : -1;
    const current = spec.currentVenue.get(t);
    if (current !== undefined && spec.venues.includes(current) && this.venueOpen(c, t, current)) return current;
    for (const v of spec.venues) if (this.venueOpen(c, t, v)) return v;
    return this.reseat(c, t);
  }

  /** Venue v is empty in slot t and not kept there for another club's fixed session. */
  venueOpen(c: number, t: number, v: number): boolean {
    const at = t * this.problem.nVenues + v;
    if (this.venueAt[at] !== -1) return false;
    const owner = this.problem.reservedVenue[at];
    return owner === -1 || owner === c;
  }

  private reseat(c: number, t: number): number {
    const { clubs, nVenues, instance } = this.problem;
    const base = t * nVenues;
    const kind = instance.clubs[c].venueKind;
    // Every venue of the kind, not only those c fits: a small club may move down to free a big venue.
    const kindVenues = instance.venues
      .map((_, v) => v)
      .filter((v) => kind === null || instance.venues[v].kind === kind);
    const movable: number[] = [];
    for (const v of kindVenues) {
      const d = this.venueAt[base + v];
      if (d >= 0 && !clubs[d].fixedVenue.has(t)) movable.push(d);
    }
    if (movable.length === 0) return -1;
    const all = [...movable, c].sort((a, b) => clubs[b].capacity - clubs[a].capacity || a - b);
    // Venues kept for a fixed session are not free to re-seat anyone into (their owner sits there already, or will).
    const free = new Set(
      kindVenues.filter(
        (v) =>
          this.problem.reservedVenue[base + v] === -1 &&
          (this.venueAt[base + v] === -1 || movable.includes(this.venueAt[base + v])),
      ),
    );
    const seat = new Map<number, number>();
    for (const d of all) {
      // Smallest free venue fitting d; venues of c's kind that d may use are exactly d's own list.
      const v = clubs[d].venues.find((x) => free.has(x));
      if (v === undefined) return -1;
      free.delete(v);
      seat.set(d, v);
    }
    for (const d of movable) {
      const i = this.slots[d].indexOf(t);
      this.venueAt[base + this.venues[d][i]] = -1;
    }
    for (const d of movable) {
      const i = this.slots[d].indexOf(t);
      this.venues[d][i] = seat.get(d)!;
      this.venueAt[base + seat.get(d)!] = d;
    }
    return seat.get(c)!;
  }
}
