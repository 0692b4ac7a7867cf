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
// shifted, then Dinic rounds over the arcs that are tight (club-rounds.ts).

import { ClubBuckets } from "./club-buckets";
import type { FlowRun } from "./flow-model";
import type { Model } from "./model";
import { TightRounds } from "./club-rounds";
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
  const solver = new ClubFlowSolver(b);
  let greedy = 0;
  // Greedy warm start, exactly the first phase of SSP: in draw order, a child
  // whose best option is a rank-1 choice takes it while seats last. Every
  // unit then costs 1, the least possible, so this flow is min-cost for its
  // value and zero potentials keep every reduced cost non-negative.
  for (const u of order) {
    if (!active(u) || pinned(u)) continue;
    const o = optStart[u],
      c = model.optClub[o];
    if (model.optRank[o] === 1 && solver.used[c] < model.seats[c]) {
      solver.used[c]++;
      greedy++;
      b.place(u, c, o);
    } else {
      b.place(u, b.S, -1);
    }
  }
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
  return { taken, phases: solver.phases, augmentations: greedy + solver.augmentations, rounds: solver.roundCount };
}

class ClubFlowSolver {
  phases = 0;
  private readonly p: Float64Array;
  private readonly dist: Float64Array;
  private readonly seen: Int32Array;
  private readonly done: Int32Array;
  private readonly settled: Int32Array;
  /** Seats taken per club (the greedy start fills some before the first phase). */
  readonly used: Int32Array;
  private readonly heap = new NodeHeap(256);
  /** Pairs found tight after this phase's shift (tight[0 .. tightCount)). */
  private readonly tight: Int32Array;
  private tightCount = 0;
  private readonly rounds: TightRounds;
  /** Candidate tight arcs of a phase: at most one per pair, so sized once. */
  private readonly candPair: Int32Array;
  private readonly candDist: Float64Array;
  private stamp = 0;

  constructor(private readonly b: ClubBuckets) {
    const n = b.nodes;
    this.p = new Float64Array(n);
    this.dist = new Float64Array(n);
    this.seen = new Int32Array(n);
    this.done = new Int32Array(n);
    this.settled = new Int32Array(n);
    this.used = new Int32Array(b.model.nClubs);
    this.rounds = new TightRounds(b, this.p, this.used);
    this.candPair = new Int32Array(b.pairTo.length);
    this.candDist = new Float64Array(b.pairTo.length);
    this.tight = new Int32Array(b.pairTo.length);
  }

  run(): void {
    this.b.watch = true;
    while (this.shortestPaths()) {
      this.phases++;
      this.rounds.start(this.tight, this.tightCount);
      this.rounds.run();
    }
    this.b.watch = false;
  }

  get augmentations(): number {
    return this.rounds.augmentations;
  }

  get roundCount(): number {
    return this.rounds.rounds;
  }

  /** Raises the source potential so arcs of children who just joined it have reduced cost ≥ 0. */
  coverSource(): void {
    const { b, p } = this;
    for (let q = b.pairStart[b.S]; q < b.pairStart[b.S + 1]; q++) {
      if (b.pairMin[q] < b.W) p[b.S] = Math.max(p[b.S], p[b.pairTo[q]] - b.cost(b.pairMin[q]));
    }
  }

  /**
   * Dijkstra from S to T (distance D), then the potential shift. Arcs scanned
   * within distance D are kept as candidates and filtered into this phase's
   * tight lists, so no second pass over all pairs is needed.
   */
  private shortestPaths(): boolean {
    const { b, p, dist, seen, done, settled, heap, used } = this;
    const { pairStart, pairMin, pairTo, W } = b;
    const shift = b.cost(0);
    const seats = b.model.seats;
    const stamp = ++this.stamp;
    const S = b.S,
      T = b.T;
    let nSettled = 0,
      nCand = 0;
    const { candPair, candDist } = this;
    heap.clear();
    dist[S] = 0;
    seen[S] = stamp;
    heap.push(0, S);
    // After T (distance D) the nodes tied at D are settled and expanded too:
    // shortest paths often run through them.
    let D = Infinity;
    while (heap.size > 0) {
      const d = heap.topKey();
      if (d > D) break;
      const i = heap.pop();
      if (done[i] === stamp || d > dist[i]) continue;
      done[i] = stamp;
      settled[nSettled++] = i;
      if (i === T) {
        D = d;
        continue;
      }
      const base = d + p[i];
      if (i < S && used[i] < seats[i] && done[T] !== stamp) {
        const nd = base - p[T];
        if (seen[T] !== stamp || nd < dist[T]) {
          seen[T] = stamp;
          dist[T] = nd;
          heap.push(nd, T);
        }
      }
      const bound = seen[T] === stamp ? dist[T] : Infinity;
      const baseShift = base + shift;
      for (let q = pairStart[i], end = pairStart[i + 1]; q < end; q++) {
        const m = pairMin[q];
        if (m === W) continue;
        const j = pairTo[q];
        const nd = baseShift + m - p[j];
        if (nd <= bound) {
          candPair[nCand] = q;
          candDist[nCand++] = nd;
        }
        if (done[j] === stamp || (seen[j] === stamp && nd >= dist[j])) continue;
        seen[j] = stamp;
        dist[j] = nd;
        heap.push(nd, j);
      }
    }
    if (D === Infinity) return false;
    for (let k = 0; k < nSettled; k++) {
      const v = settled[k];
      if (dist[v] < D) p[v] += dist[v] - D;
    }
    this.collectTightArcs(nCand, D, stamp);
    return true;
  }

  /** A candidate arc i→j is tight after the shift when it lies on a shortest path: d_i + rc = min(d_j, D). */
  private collectTightArcs(nCand: number, D: number, stamp: number): void {
    const { b, dist, seen, candPair, candDist } = this;
    let kept = 0;
    for (let k = 0; k < nCand; k++) {
      const j = b.pairTo[candPair[k]];
      const dj = seen[j] === stamp ? Math.min(dist[j], D) : D;
      if (candDist[k] === dj) this.tight[kept++] = candPair[k];
    }
    this.tightCount = kept;
  }
}
