// The fast exact path when every child may take one more club at most (the
// usual "one club each" round, any size). It is the same min-cost flow as
// flow-model.ts — stage 1 places the most children with the least rank sum,
// stage 2 lets pinned children take the club their pin left room for — solved
// by successive shortest paths on the residual graph contracted onto clubs
// (ClubBuckets): Dijkstra and the augmenting rounds visit ~2,000 clubs instead
// of 100,000 children, which is what makes a district-sized round fast.
// Contraction is exact: a child's node potential equals their club's minus
// their rank there, so reduced costs and shortest paths are unchanged.
// Each phase: Dijkstra from the source S (stopping at the sink T), potentials
// shifted, then Dinic rounds (BFS levels + DFS) over the arcs that are tight
// after the shift, so each augmenting path moves as few children as possible.

import { ClubBuckets } from "./club-buckets";
import type { FlowRun } from "./flow-model";
import type { Model } from "./model";
import { NodeHeap } from "./node-heap";

export function canUseClubFlow(model: Model): boolean {
  for (let u = 0; u < model.nStudents; u++) if (model.room[u] > 1) return false;
  return true;
}

/** Null when the contracted graph would be too large (very long lists): use the general network. */
export function solveClubFlow(model: Model, order: Int32Array): FlowRun | null {
  const b = ClubBuckets.create(model);
  if (b === null) return null;
  const { room, pinStart, optStart } = model;
  const pinned = (u: number) => pinStart[u + 1] > pinStart[u];
  const active = (u: number) => room[u] === 1 && optStart[u + 1] > optStart[u];
  for (const u of order) if (active(u) && !pinned(u)) b.place(u, b.S, -1);
  const solver = new ClubFlowSolver(b);
  solver.run();
  // Stage 2: children still at the source cannot be placed (stage 1 proved
  // it); pinned children may now take the club their pin left room for.
  for (const u of order) {
    if (b.at[u] === b.S) b.place(u, -1, -1);
    else if (active(u) && pinned(u)) b.place(u, b.S, -1);
  }
  solver.coverSource();
  solver.run();
  const taken = new Uint8Array(model.optClub.length);
  for (let u = 0; u < model.nStudents; u++) if (b.held[u] >= 0) taken[b.held[u]] = 1;
  return { taken, phases: solver.phases, augmentations: solver.augmentations, rounds: solver.rounds };
}

class ClubFlowSolver {
  phases = 0;
  augmentations = 0;
  rounds = 0;
  private readonly p: Float64Array;
  private readonly dist: Float64Array;
  private readonly seen: Int32Array;
  private readonly done: Int32Array;
  private readonly settled: Int32Array;
  private readonly used: Int32Array;
  private readonly heap = new NodeHeap(256);
  /** Arcs tight after this phase's shift: tight[tightStart[i] .. tightStart[i+1]) are pair ids. */
  private readonly tightStart: Int32Array;
  private tight = new Int32Array(1024);
  private readonly level: Int32Array;
  private readonly queue: Int32Array;
  /** Current arc per node: index into its tight range; -1 while the sink arc is still to try. */
  private readonly iter: Int32Array;
  private readonly path: Int32Array;
  private readonly pathPair: Int32Array;
  private stamp = 0;

  constructor(private readonly b: ClubBuckets) {
    const n = b.nodes;
    this.p = new Float64Array(n);
    this.dist = new Float64Array(n);
    this.seen = new Int32Array(n);
    this.done = new Int32Array(n);
    this.settled = new Int32Array(n);
    this.used = new Int32Array(b.model.nClubs);
    this.tightStart = new Int32Array(n + 1);
    this.level = new Int32Array(n);
    this.queue = new Int32Array(n);
    this.iter = new Int32Array(n);
    this.path = new Int32Array(n + 1);
    this.pathPair = new Int32Array(n + 1);
  }

  run(): void {
    while (this.shortestPaths()) {
      this.phases++;
      this.collectTightArcs();
      while (this.levels()) {
        this.rounds++;
        if (this.blockingFlow() === 0) break;
      }
    }
  }

  /** Raises the source potential so arcs of children who just joined it have reduced cost ≥ 0. */
  coverSource(): void {
    const { b, p } = this;
    for (let q = b.pairStart[b.S]; q < b.pairStart[b.S + 1]; q++) {
      if (b.pairMin[q] < b.W) p[b.S] = Math.max(p[b.S], p[b.pairTo[q]] - b.cost(b.pairMin[q]));
    }
  }

  private hasSeat(i: number): boolean {
    return i < this.b.S && this.used[i] < this.b.model.seats[i];
  }

  private isTight(i: number, q: number): boolean {
    const b = this.b;
    const m = b.pairMin[q];
    return m < b.W && b.cost(m) + this.p[i] - this.p[b.pairTo[q]] === 0;
  }

  private shortestPaths(): boolean {
    const { b, p, dist, seen, done, settled, heap } = this;
    const { pairStart, pairMin, pairTo } = b;
    const stamp = ++this.stamp;
    const S = b.S, T = b.T, W = b.W;
    const shift = 1 - W / 2;
    let nSettled = 0;
    heap.clear();
    dist[S] = 0;
    seen[S] = stamp;
    heap.push(0, S);
    while (heap.size > 0) {
      const d = heap.topKey();
      const i = heap.pop();
      if (done[i] === stamp || d > dist[i]) continue;
      done[i] = stamp;
      settled[nSettled++] = i;
      if (i === T) break;
      const base = d + p[i];
      if (this.hasSeat(i) && done[T] !== stamp) {
        const nd = base - p[T];
        if (seen[T] !== stamp || nd < dist[T]) { seen[T] = stamp; dist[T] = nd; heap.push(nd, T); }
      }
      const baseShift = base + shift;
      for (let q = pairStart[i], end = pairStart[i + 1]; q < end; q++) {
        const m = pairMin[q];
        if (m === W) continue;
        const j = pairTo[q];
        if (done[j] === stamp) continue;
        const nd = baseShift + m - p[j];
        if (seen[j] === stamp && nd >= dist[j]) continue;
        seen[j] = stamp;
        dist[j] = nd;
        heap.push(nd, j);
      }
    }
    if (done[T] !== stamp) return false;
    const D = dist[T];
    for (let k = 0; k < nSettled; k++) {
      const v = settled[k];
      if (dist[v] < D) p[v] += dist[v] - D;
    }
    return true;
  }

  /** Lists each node's tight arcs once per phase; rounds then never scan the rest. */
  private collectTightArcs(): void {
    const { b, tightStart, p } = this;
    const { pairStart, pairMin, pairTo, W } = b;
    const shift = 1 - W / 2; // cost(d) = d + shift
    let tight = this.tight;
    let k = 0;
    for (let i = 0; i < b.nodes; i++) {
      tightStart[i] = k;
      const pi = p[i] + shift;
      for (let q = pairStart[i], end = pairStart[i + 1]; q < end; q++) {
        const m = pairMin[q];
        if (m === W || m + pi !== p[pairTo[q]]) continue;
        if (k === tight.length) {
          const grown = new Int32Array(k * 2);
          grown.set(tight);
          tight = this.tight = grown;
        }
        tight[k++] = q;
      }
    }
    tightStart[b.nodes] = k;
  }

  /** BFS levels from S over tight arcs with room; false when T is not reached. */
  private levels(): boolean {
    const { b, p, level, queue, tight, tightStart, iter } = this;
    const S = b.S, T = b.T;
    level.fill(-1);
    let head = 0, tail = 0;
    queue[tail++] = S;
    level[S] = 0;
    while (head < tail) {
      const i = queue[head++];
      iter[i] = -1;
      if (level[T] >= 0 && level[i] >= level[T]) break;
      if (level[T] < 0 && this.hasSeat(i) && p[i] === p[T]) {
        level[T] = level[i] + 1;
        queue[tail++] = T;
      }
      for (let k = tightStart[i]; k < tightStart[i + 1]; k++) {
        const q = tight[k], j = b.pairTo[q];
        if (level[j] >= 0 || !this.isTight(i, q)) continue;
        level[j] = level[i] + 1;
        queue[tail++] = j;
      }
    }
    return level[T] >= 0;
  }

  /** Dinic's blocking flow on the level graph; each hop moves one child. */
  private blockingFlow(): number {
    const { b, p, level, tight, tightStart, iter, path, pathPair } = this;
    const S = b.S, T = b.T;
    let depth = 0;
    path[0] = S;
    let total = 0;
    for (;;) {
      const i = path[depth];
      if (i === T) {
        this.augment(depth);
        total++;
        depth = 0;
        continue;
      }
      let next = -1;
      if (iter[i] === -1) {
        if (level[T] === level[i] + 1 && this.hasSeat(i) && p[i] === p[T]) {
          next = T;
          pathPair[depth] = -1;
        } else {
          iter[i] = tightStart[i];
        }
      }
      while (next < 0 && iter[i] >= 0 && iter[i] < tightStart[i + 1]) {
        const q = tight[iter[i]], j = b.pairTo[q];
        if (level[j] === level[i] + 1 && this.isTight(i, q)) {
          next = j;
          pathPair[depth] = q;
        } else {
          iter[i]++;
        }
      }
      if (next >= 0) {
        path[++depth] = next;
        continue;
      }
      level[i] = -2; // dead for this round
      if (depth === 0) return total;
      depth--;
      if (iter[path[depth]] >= 0) iter[path[depth]]++;
    }
  }

  /** Moves the first child of each hop's cheapest bucket one club along; the last club fills a seat. */
  private augment(depth: number): void {
    const { b, path, pathPair } = this;
    for (let k = 0; k < depth - 1; k++) {
      const o = b.firstOption(pathPair[k]);
      b.place(b.owner[o], b.model.optClub[o], o);
    }
    this.used[path[depth - 1]]++;
    this.augmentations++;
  }
}
