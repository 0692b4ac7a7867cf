// One phase of the contracted one-club flow after Dijkstra: the arcs that are
// tight (zero reduced cost) are kept in per-node lists, and Dinic rounds (BFS
// levels from S, then a blocking flow by DFS) push flow along them, so each
// augmenting path moves as few children as possible. Moving children adds
// arcs (a child can now move on from their new club): those that are tight
// join the lists at once, so a phase ends only when no zero-cost path is left
// and the next Dijkstra always finds a longer distance.

import type { ClubBuckets } from "./club-buckets";

export class TightRounds {
  rounds = 0;
  augmentations = 0;
  /** Per-node lists of tight pairs: tightHead[i] → tightNext[pair] → … → -1. */
  private readonly tightHead: Int32Array;
  private readonly tightNext: Int32Array;
  private readonly listedIn: Int32Array;
  private phase = 0;
  private readonly level: Int32Array;
  private readonly queue: Int32Array;
  /** Current arc: -1 sink arc next, -2 list head next, -3 exhausted, else a pair id. */
  private readonly iter: Int32Array;
  private readonly path: Int32Array;
  private readonly pathPair: Int32Array;

  constructor(
    private readonly b: ClubBuckets,
    private readonly p: Float64Array,
    private readonly used: Int32Array,
  ) {
    const n = b.nodes;
    this.tightHead = new Int32Array(n);
    this.tightNext = new Int32Array(b.pairTo.length);
    this.listedIn = new Int32Array(b.pairTo.length);
    this.level = new Int32Array(n);
    this.queue = new Int32Array(n);
    this.iter = new Int32Array(n);
    this.path = new Int32Array(n + 1);
    this.pathPair = new Int32Array(n + 1);
  }

  /** Starts a phase with the tight pairs found by Dijkstra. */
  start(pairs: Int32Array, count: number): void {
    this.phase++;
    this.tightHead.fill(-1);
    for (let k = 0; k < count; k++) this.add(pairs[k]);
  }

  /** Rounds until no zero-cost path is left; returns the units pushed. */
  run(): number {
    let total = 0;
    while (this.levels()) {
      this.rounds++;
      const pushed = this.blockingFlow();
      if (pushed === 0) break;
      total += pushed;
    }
    return total;
  }

  private add(q: number): void {
    if (this.listedIn[q] === this.phase || !this.isTight(q)) return;
    const i = this.b.pairFrom[q];
    this.listedIn[q] = this.phase;
    this.tightNext[q] = this.tightHead[i];
    this.tightHead[i] = q;
  }

  private isTight(q: number): boolean {
    const { b, p } = this;
    const m = b.pairMin[q];
    return m < b.W && b.cost(m) + p[b.pairFrom[q]] === p[b.pairTo[q]];
  }

  private hasSeat(i: number): boolean {
    return i < this.b.S && this.used[i] < this.b.model.seats[i] && this.p[i] === this.p[this.b.T];
  }

  /** BFS levels from S over tight arcs; false when T is not reached. */
  private levels(): boolean {
    const { b, level, queue, iter, tightHead, tightNext } = this;
    const S = b.S,
      T = b.T;
    level.fill(-1);
    let head = 0,
      tail = 0;
    queue[tail++] = S;
    level[S] = 0;
    iter[S] = -1;
    let tLevel = -1;
    while (head < tail) {
      const i = queue[head++];
      const next = level[i] + 1;
      if (tLevel >= 0 && next > tLevel) break;
      if (tLevel < 0 && this.hasSeat(i)) tLevel = level[T] = next;
      for (let q = tightHead[i]; q >= 0; q = tightNext[q]) {
        const j = b.pairTo[q];
        if (level[j] >= 0 || !this.isTight(q)) continue;
        level[j] = next;
        iter[j] = -1;
        queue[tail++] = j;
      }
    }
    return tLevel >= 0;
  }

  /** Dinic's blocking flow on the level graph; each hop moves one child. */
  private blockingFlow(): number {
    const { b, level, iter, path, pathPair, tightHead, tightNext } = this;
    const S = b.S,
      T = b.T,
      tLevel = level[T];
    let depth = 0,
      total = 0;
    path[0] = S;
    for (;;) {
      const i = path[depth];
      if (i === T) {
        this.augment(depth);
        total++;
        depth = 0;
        continue;
      }
      const want = level[i] + 1;
      let next = -1;
      if (iter[i] === -1) {
        if (want === tLevel && this.hasSeat(i)) {
          next = T;
          pathPair[depth] = -1;
        } else {
          iter[i] = -2;
        }
      }
      if (next < 0 && want < tLevel && iter[i] !== -3) {
        let q = iter[i] === -2 ? tightHead[i] : iter[i];
        for (; q >= 0; q = tightNext[q]) {
          const j = b.pairTo[q];
          if (level[j] === want && this.isTight(q)) break;
        }
        iter[i] = q >= 0 ? q : -3;
        if (q >= 0) {
          next = b.pairTo[q];
          pathPair[depth] = q;
        }
      }
      if (next >= 0) {
        path[++depth] = next;
        continue;
      }
      level[i] = -2; // dead for this round
      if (depth === 0) return total;
      depth--;
      const parent = path[depth];
      if (iter[parent] >= 0) {
        const after = tightNext[iter[parent]];
        iter[parent] = after >= 0 ? after : -3;
      }
    }
  }

  /** Moves the first child of each hop's cheapest bucket one club along; the last club fills a seat. */
  private augment(depth: number): void {
    const { b, path, pathPair } = this;
    b.touchedCount = 0;
    for (let k = 0; k < depth - 1; k++) {
      const o = b.firstOption(pathPair[k]);
      b.place(b.owner[o], b.model.optClub[o], o);
    }
    this.used[path[depth - 1]]++;
    this.augmentations++;
    for (let k = 0; k < b.touchedCount; k++) this.add(b.touched[k]);
  }
}
