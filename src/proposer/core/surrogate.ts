// A fast guess at how good a slot is for a club, used to build the first
// layout and to pick which moves to try; the allocation engine stays the only
// judge of what is kept. Demand: the children who ranked the club (weighted
// 1/rank) and stay for all its slots so far. Clash: children who ranked both
// this club and one already in the slot, since they must choose between them.

import type { Layout } from "./layout";
import type { Problem } from "./problem";

export class Surrogate {
  /** overlap[c * nClubs + d]: Σ over children who ranked both of the smaller of the two weights. */
  private readonly overlap: Float64Array;
  private readonly nClubs: number;

  constructor(private readonly problem: Problem) {
    const n = (this.nClubs = problem.clubs.length);
    this.overlap = new Float64Array(n * n);
    const byStudent = new Map<number, { club: number; weight: number }[]>();
    problem.interested.forEach((list, c) =>
      list.forEach(({ student, weight }) => {
        const mine = byStudent.get(student) ?? [];
        mine.push({ club: c, weight });
        byStudent.set(student, mine);
      }),
    );
    for (const list of byStudent.values())
      for (const a of list)
        for (const b of list) if (a.club !== b.club) this.overlap[a.club * n + b.club] += Math.min(a.weight, b.weight);
  }

  /** Weighted demand for club c among children staying for every slot in `slots`, capped at its capacity. */
  demand(c: number, slots: number[]): number {
    const { stays, nSlots, clubs } = this.problem;
    let sum = 0;
    outer: for (const { student, weight } of this.problem.interested[c]) {
      for (const t of slots) if (!stays[student * nSlots + t]) continue outer;
      sum += weight;
    }
    return Math.min(sum, clubs[c].capacity);
  }

  /** Clash with the clubs other than c that meet in slot t in this layout. */
  clash(layout: Layout, c: number, t: number): number {
    let sum = 0;
    for (let d = 0; d < this.nClubs; d++)
      if (d !== c && layout.slots[d].includes(t)) sum += this.overlap[c * this.nClubs + d];
    return sum;
  }

  /** How good `slots` are for club c in this layout: demand kept minus clashes. */
  score(layout: Layout, c: number, slots: number[]): number {
    let clash = 0;
    for (const t of slots) clash += this.clash(layout, c, t);
    return this.demand(c, slots) - clash;
  }
}
