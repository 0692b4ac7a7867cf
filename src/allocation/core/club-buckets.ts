// The residual graph of the one-club flow, contracted onto clubs. A child who
// may take one more club is a pass-through node (one arc in, from the source
// or back from their club), so each of their other options becomes a parallel
// arc "from the node they are at to that club" of cost rank(new) − rank(now)
// (rank 0 at the source S). Arcs with the same (from, to) form a *pair*; all
// pairs a child could ever need are numbered up front so that a node's pairs
// are contiguous (Dijkstra reads them sequentially). Within a pair, arcs are
// bucketed by cost in FIFO lists of options: the cheapest arc between two
// clubs, and a child to move along it, are found in O(1), and moving a child
// re-files only their other options (≤ list length).

import { ClubPairs, indexPairs, PairTable } from "./club-pairs";
import type { Model } from "./model";

/** Bucket cells (pairs × costs) beyond this fall back to the general network. */
const MAX_CELLS = 40_000_000;

export class ClubBuckets {
  readonly S: number;
  readonly T: number;
  readonly nodes: number;
  /** Node i's pairs are pairStart[i] .. pairStart[i+1]. */
  readonly pairStart: Int32Array;
  readonly pairFrom: Int32Array;
  readonly pairTo: Int32Array;
  /** Index d (cost d − L + 1) of each pair's cheapest non-empty bucket; W when it has no arc now. */
  readonly pairMin: Int32Array;
  readonly W: number;
  /** Node each child is at (club, S) or -1 when out of the flow. */
  readonly at: Int32Array;
  /** Option held (-1 at S or out). */
  readonly held: Int32Array;
  readonly owner: Int32Array;
  /** Pairs that gained an arc since the solver last looked (only while `watch` is on). */
  touched: Int32Array = new Int32Array(1024);
  touchedCount = 0;
  watch = false;
  private readonly L: number;
  private readonly table: PairTable;
  /** Bucket heads/tails hold option + 1 (0 = empty), so fresh zeroed memory needs no fill. */
  private readonly head: Int32Array;
  private readonly tail: Int32Array;
  private readonly next: Int32Array;
  private readonly prev: Int32Array;
  private readonly slotOf: Int32Array;

  /** Null when the buckets would be too large (very long lists): use the general network. */
  static create(model: Model): ClubBuckets | null {
    const W = 2 * Math.max(1, model.longestList);
    const pairs = indexPairs(model);
    return pairs.pairTo.length * W > MAX_CELLS ? null : new ClubBuckets(model, pairs, W);
  }

  private constructor(
    readonly model: Model,
    pairs: ClubPairs,
    W: number,
  ) {
    const { nClubs, nStudents, optStart, optClub } = model;
    this.S = nClubs;
    this.T = nClubs + 1;
    this.nodes = nClubs + 2;
    this.W = W;
    this.L = W / 2;
    this.pairStart = pairs.pairStart;
    this.pairFrom = pairs.pairFrom;
    this.pairTo = pairs.pairTo;
    this.table = pairs.table;
    const count = pairs.pairTo.length;
    this.pairMin = new Int32Array(count).fill(W);
    this.at = new Int32Array(nStudents).fill(-1);
    this.held = new Int32Array(nStudents).fill(-1);
    this.owner = new Int32Array(optClub.length);
    for (let u = 0; u < nStudents; u++) this.owner.fill(u, optStart[u], optStart[u + 1]);
    this.head = new Int32Array(count * W);
    this.tail = new Int32Array(count * W);
    this.next = new Int32Array(optClub.length);
    this.prev = new Int32Array(optClub.length);
    this.slotOf = new Int32Array(optClub.length).fill(-1);
  }

  /** Cost of bucket index d. */
  cost(d: number): number {
    return d - this.L + 1;
  }

  /** Puts child u at `node` holding `option` (-1 at S), or takes them out of the flow (node < 0). */
  place(u: number, node: number, option: number): void {
    const { optStart, optClub, optRank } = this.model;
    const { head, tail, next, prev, slotOf, pairMin, W } = this;
    const from = optStart[u],
      end = optStart[u + 1];
    // Take the child's other options out of their buckets.
    for (let o = from; o < end; o++) {
      const slot = slotOf[o];
      if (slot < 0) continue;
      const a = prev[o],
        b = next[o];
      if (a >= 0) next[a] = b;
      else head[slot] = b + 1;
      if (b >= 0) prev[b] = a;
      else tail[slot] = a + 1;
      slotOf[o] = -1;
      const q = (slot / W) | 0;
      if (head[slot] === 0 && slot - q * W === pairMin[q]) {
        let d = pairMin[q] + 1;
        while (d < W && head[q * W + d] === 0) d++;
        pairMin[q] = d;
      }
    }
    this.at[u] = node;
    this.held[u] = option;
    if (node < 0) return;
    // File them again from the new position: cost rank(o) − rank(held).
    const shift = this.L - 1 - (option >= 0 ? optRank[option] : 0);
    const { flat, map, nodes } = this.table;
    const row = node * nodes;
    for (let o = from; o < end; o++) {
      if (o === option) continue;
      const key = row + optClub[o];
      const q = (flat !== null ? flat[key] : map!.get(key)!) - 1;
      const d = optRank[o] + shift;
      const slot = q * W + d;
      const last = tail[slot] - 1;
      prev[o] = last;
      next[o] = -1;
      if (last >= 0) next[last] = o;
      else head[slot] = o + 1;
      tail[slot] = o + 1;
      slotOf[o] = slot;
      if (d < pairMin[q]) pairMin[q] = d;
      if (this.watch) this.touch(q);
    }
  }

  private touch(q: number): void {
    if (this.touchedCount === this.touched.length) {
      const grown = new Int32Array(this.touched.length * 2);
      grown.set(this.touched);
      this.touched = grown;
    }
    this.touched[this.touchedCount++] = q;
  }

  /** The first child's option in the cheapest bucket of pair q. */
  firstOption(q: number): number {
    return this.head[q * this.W + this.pairMin[q]] - 1;
  }
}
