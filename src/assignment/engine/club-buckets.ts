// The residual graph of the one-club flow, contracted onto clubs. A child who
// may take one more club is a pass-through node (one arc in, from the source
// or back from their club), so each of their other options becomes a parallel
// arc "from the node they are at to that club" of cost rank(new) - rank(now)
// (rank 0 at the source). Arcs are bucketed by (from, to, cost) in FIFO lists
// of options, so the cheapest arc of a club pair and a child to move along it
// are found in O(1); a child who moves is re-bucketed (≤ list length updates).
// Every pair a child could ever need is created up front, numbered so that a
// node's pairs are contiguous: scans over them read memory sequentially.

import type { Model } from "./model";

/** Bucket slots beyond this (pairs × costs) fall back to the general network. */
const MAX_SLOTS = 40_000_000;

export class ClubBuckets {
  /** Contracted nodes: clubs 0..C-1, then the source S and the sink T. */
  readonly S: number;
  readonly T: number;
  readonly nodes: number;
  /** Node each child is at (club, S) or -1 when out of the flow. */
  readonly at: Int32Array;
  /** Option held (-1 at S or out). */
  readonly held: Int32Array;
  readonly owner: Int32Array;
  /** Node i's pairs are pairStart[i] .. pairStart[i+1]; pairTo is their head node. */
  readonly pairStart: Int32Array;
  readonly pairTo: Int32Array;
  /** Index (cost + L - 1) of the cheapest non-empty bucket; W when empty. */
  readonly pairMin: Int32Array;
  /** Buckets per pair: costs 1-L .. L. */
  readonly W: number;
  private readonly L: number;
  private readonly lookup: (from: number, to: number) => number;
  /** Bucket heads/tails hold option + 1 (0 = empty), so fresh zeroed memory needs no fill. */
  private readonly head: Int32Array;
  private readonly tail: Int32Array;
  private readonly next: Int32Array;
  private readonly prev: Int32Array;
  private readonly slotOf: Int32Array;

  /** Null when the instance would need more bucket memory than we allow. */
  static create(model: Model): ClubBuckets | null {
    const index = indexPairs(model);
    const W = 2 * Math.max(1, model.longestList);
    return index.count * W > MAX_SLOTS ? null : new ClubBuckets(model, index, W);
  }

  private constructor(readonly model: Model, index: PairIndex, W: number) {
    const { nClubs, nStudents, optStart, optClub } = model;
    this.S = nClubs;
    this.T = nClubs + 1;
    this.nodes = nClubs + 2;
    this.W = W;
    this.L = W / 2;
    this.at = new Int32Array(nStudents).fill(-1);
    this.held = new Int32Array(nStudents).fill(-1);
    this.owner = new Int32Array(optClub.length);
    for (let u = 0; u < nStudents; u++) for (let o = optStart[u]; o < optStart[u + 1]; o++) this.owner[o] = u;
    this.pairStart = index.start;
    this.pairTo = index.to;
    this.lookup = index.lookup;
    this.pairMin = new Int32Array(index.count).fill(W);
    this.head = new Int32Array(index.count * W);
    this.tail = new Int32Array(index.count * W);
    this.next = new Int32Array(optClub.length);
    this.prev = new Int32Array(optClub.length);
    this.slotOf = new Int32Array(optClub.length).fill(-1);
  }

  /** Puts child u at node `node` holding option `option` (-1 at S, or out when node < 0). */
  place(u: number, node: number, option: number): void {
    const { optStart, optClub, optRank } = this.model;
    for (let o = optStart[u]; o < optStart[u + 1]; o++) if (this.slotOf[o] >= 0) this.unlist(o);
    this.at[u] = node;
    this.held[u] = option;
    if (node < 0) return;
    const base = option >= 0 ? optRank[option] : 0;
    for (let o = optStart[u]; o < optStart[u + 1]; o++) {
      if (o !== option) this.list(o, this.lookup(node, optClub[o]), optRank[o] - base + this.L - 1);
    }
  }

  /** The first child's option in the cheapest bucket of pair p. */
  firstOption(p: number): number {
    return this.head[p * this.W + this.pairMin[p]] - 1;
  }

  /** Cost of bucket index d. */
  cost(d: number): number {
    return d - this.L + 1;
  }

  private list(o: number, p: number, d: number): void {
    const slot = p * this.W + d;
    const last = this.tail[slot] - 1;
    this.prev[o] = last;
    this.next[o] = -1;
    if (last >= 0) this.next[last] = o; else this.head[slot] = o + 1;
    this.tail[slot] = o + 1;
    this.slotOf[o] = slot;
    if (d < this.pairMin[p]) this.pairMin[p] = d;
  }

  private unlist(o: number): void {
    const slot = this.slotOf[o];
    const a = this.prev[o], b = this.next[o];
    if (a >= 0) this.next[a] = b; else this.head[slot] = b + 1;
    if (b >= 0) this.prev[b] = a; else this.tail[slot] = a + 1;
    this.slotOf[o] = -1;
    const p = (slot / this.W) | 0;
    if (this.head[slot] === 0 && slot - p * this.W === this.pairMin[p]) {
      let d = this.pairMin[p] + 1;
      while (d < this.W && this.head[p * this.W + d] === 0) d++;
      this.pairMin[p] = d;
    }
  }
}

interface PairIndex {
  count: number;
  start: Int32Array;
  to: Int32Array;
  lookup: (from: number, to: number) => number;
}

// Every (node a child can be at → club of one of their options): (S → c) and
// (c → c') for two options of one child. Ids are grouped by `from` node.
function indexPairs(model: Model): PairIndex {
  const { nClubs, nStudents, optStart, optClub } = model;
  const N = nClubs + 2, S = nClubs;
  const forEachPair = (visit: (from: number, to: number) => void) => {
    for (let u = 0; u < nStudents; u++) {
      for (let a = optStart[u]; a < optStart[u + 1]; a++) {
        visit(S, optClub[a]);
        for (let b = optStart[u]; b < optStart[u + 1]; b++) if (b !== a) visit(optClub[a], optClub[b]);
      }
    }
  };
  const table: Int32Array | Map<number, number> = N * N <= 16_777_216 ? new Int32Array(N * N) : new Map<number, number>();
  const get = (k: number) => (table instanceof Map ? table.get(k) ?? 0 : table[k]);
  const set = (k: number, v: number) => (table instanceof Map ? table.set(k, v) : (table[k] = v));
  const start = new Int32Array(N + 1);
  let count = 0;
  forEachPair((from, to) => {
    const k = from * N + to;
    if (get(k) !== 0) return;
    set(k, -1);
    start[from + 1]++;
    count++;
  });
  for (let i = 0; i < N; i++) start[i + 1] += start[i];
  const fill = start.slice(0, N);
  const to = new Int32Array(count);
  forEachPair((from, head) => {
    const k = from * N + head;
    if (get(k) > 0) return;
    const id = fill[from]++;
    to[id] = head;
    set(k, id + 1);
  });
  return { count, start, to, lookup: (from, head) => get(from * N + head) - 1 };
}
