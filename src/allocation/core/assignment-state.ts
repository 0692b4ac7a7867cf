// A mutable view of an assignment for the tie-break passes: who holds which
// club, seats used, and the two moves that never change the objective
// (a child swaps a club for an equally ranked one with a free seat; two
// children exchange clubs with the same total rank). Both keep every
// constraint: seats, maxClubs (club for club) and clashes are checked here.

import type { Model } from "./model";
import { clubsClash } from "./constraints";

export class AssignmentState {
  readonly used: Int32Array;
  /** Taken options per club, unordered. */
  readonly members: number[][];
  /** Student of each option. */
  readonly owner: Int32Array;

  constructor(
    readonly model: Model,
    readonly taken: Uint8Array,
  ) {
    this.used = new Int32Array(model.nClubs);
    this.members = Array.from({ length: model.nClubs }, () => []);
    this.owner = new Int32Array(model.optClub.length);
    for (let u = 0; u < model.nStudents; u++) {
      for (let o = model.optStart[u]; o < model.optStart[u + 1]; o++) {
        this.owner[o] = u;
        if (taken[o]) this.add(o);
      }
    }
  }

  /** The option by which u could hold (or holds) club c, or -1. */
  optionFor(u: number, c: number): number {
    for (let o = this.model.optStart[u]; o < this.model.optStart[u + 1]; o++) if (this.model.optClub[o] === c) return o;
    return -1;
  }

  /** Does u hold club c (as an option or a pin)? */
  holds(u: number, c: number): boolean {
    const m = this.model;
    for (let p = m.pinStart[u]; p < m.pinStart[u + 1]; p++) if (m.pinClub[p] === c) return true;
    const o = this.optionFor(u, c);
    return o >= 0 && this.taken[o] === 1;
  }

  hasFreeSeat(c: number): boolean {
    return this.used[c] < this.model.seats[c];
  }

  /** Could u hold club c after giving up option `except`? (pins never clash with options) */
  fitsWithout(u: number, c: number, except: number): boolean {
    const m = this.model;
    for (let o = m.optStart[u]; o < m.optStart[u + 1]; o++) {
      if (o !== except && this.taken[o] && clubsClash(m, m.optClub[o], c)) return false;
    }
    return true;
  }

  /** u gives up option `from` for option `to` (same child, `to`'s club has a free seat). */
  move(from: number, to: number): void {
    this.remove(from);
    this.add(to);
  }

  /** Child x gives option xa for xc; child w gives wc for wa (xc and wc are the same club, as are xa and wa). */
  exchange(xa: number, xc: number, wc: number, wa: number): void {
    this.remove(xa);
    this.remove(wc);
    this.add(xc);
    this.add(wa);
  }

  private add(o: number): void {
    const c = this.model.optClub[o];
    this.taken[o] = 1;
    this.used[c]++;
    this.members[c].push(o);
  }

  private remove(o: number): void {
    const c = this.model.optClub[o];
    this.taken[o] = 0;
    this.used[c]--;
    const list = this.members[c];
    const i = list.indexOf(o);
    list[i] = list[list.length - 1];
    list.pop();
  }
}
