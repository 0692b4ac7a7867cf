// Successive shortest paths, primal-dual style, on a FlowGraph: the general
// network (children who may take several clubs, group nodes for clashes).
//
// Invariant: node potentials `pi` keep every residual arc's reduced cost
// (cost + pi[u] − pi[v]) non-negative, so the current flow is a minimum-cost
// flow for its value and Dijkstra finds shortest augmenting paths. A phase runs
// one Dijkstra from the source, stopping once the sink is settled, and shifts
// the potentials of settled nodes; every path of zero-reduced-cost arcs is
// then a shortest path, and one depth-first pass pushes flow along as many as
// it finds. Costs are small integers (ranks), so distances take few distinct
// values and phases are few; the first phase is the greedy warm start
// (everyone's best choice at once). `run` stops when no path is left: a
// minimum-cost maximum flow. Children with room for one club are pass-through
// nodes (one residual arc in): Dijkstra settles them inline, off the heap.
// Potentials and distances are float64 holding integers, exact far below 2^53.

import { compactReverseLists, FlowGraph, push } from "./flow-network";
import { NodeHeap } from "./node-heap";

export class MinCostFlow {
  readonly pi: Float64Array;
  phases = 0;
  augmentations = 0;
  private readonly dist: Float64Array;
  private readonly seen: Int32Array;
  /** Stamp of the Dijkstra that settled the node. */
  private readonly settledIn: Int32Array;
  private readonly settled: Int32Array;
  private readonly onPath: Int32Array;
  private readonly dead: Int32Array;
  private readonly visited: Int32Array;
  private readonly blocked: Int32Array;
  private readonly retried: Int32Array;
  private readonly queue: Int32Array;
  private readonly iter: Int32Array;
  private readonly pathArc: Int32Array;
  private readonly heap = new NodeHeap(1024);
  private stamp = 0;

  constructor(
    private readonly g: FlowGraph,
    private readonly s: number,
    private readonly t: number,
    private readonly single: Uint8Array,
  ) {
    const n = g.n;
    this.pi = new Float64Array(n);
    this.dist = new Float64Array(n);
    this.seen = new Int32Array(n);
    this.settledIn = new Int32Array(n);
    this.settled = new Int32Array(n);
    this.onPath = new Int32Array(n);
    this.dead = new Int32Array(n);
    this.visited = new Int32Array(n);
    this.blocked = new Int32Array(n);
    this.retried = new Int32Array(n);
    this.queue = new Int32Array(n);
    this.iter = new Int32Array(n);
    this.pathArc = new Int32Array(n);
  }

  /** Augments to a maximum flow; returns the units pushed by this call. */
  run(): number {
    let pushed = 0;
    while (this.shortestPaths()) {
      this.phases++;
      pushed += this.augmentPass();
      compactReverseLists(this.g);
    }
    return pushed;
  }

  /** Raises the source potential so new arcs out of it have reduced cost ≥ 0. */
  coverSourceArcs(): void {
    const { fStart, fArc, to, cap, cost } = this.g;
    const pi = this.pi;
    for (let k = fStart[this.s]; k < fStart[this.s + 1]; k++) {
      const a = fArc[k];
      if (cap[a] > 0) pi[this.s] = Math.max(pi[this.s], pi[to[a]] - cost[a]);
    }
  }

  /** Dijkstra from the source on reduced costs; false when the sink is unreachable. */
  private shortestPaths(): boolean {
    const { pi, dist, seen, settledIn, settled, heap } = this;
    const stamp = ++this.stamp;
    const s = this.s,
      t = this.t;
    let nSettled = 0;
    heap.clear();
    dist[s] = 0;
    seen[s] = stamp;
    heap.push(0, s);
    let reached = false;
    while (heap.size > 0) {
      const d = heap.topKey();
      const v = heap.pop();
      if (settledIn[v] === stamp || d > dist[v]) continue;
      settledIn[v] = stamp;
      settled[nSettled++] = v;
      if (v === t) {
        reached = true;
        break;
      }
      nSettled = this.relaxFrom(v, stamp, nSettled);
    }
    if (!reached) return false;
    // pi += min(dist, D) - D on settled nodes (0 elsewhere) is the textbook
    // pi += min(dist, D) up to a constant, which reduced costs do not see.
    const D = dist[t];
    for (let i = 0; i < nSettled; i++) {
      const v = settled[i];
      if (dist[v] < D) pi[v] += dist[v] - D;
    }
    return true;
  }

  /** Relaxes v's residual arcs, settling pass-through nodes inline. */
  private relaxFrom(v: number, stamp: number, nSettled: number): number {
    const { fStart, fArc, rStart, rCount, rList, to, cap, cost } = this.g;
    const { pi, dist, seen, settledIn: done, settled, single, queue: inline, heap } = this;
    let top = 0;
    for (let cur = v; ; cur = inline[--top]) {
      const base = dist[cur] + pi[cur];
      const fEnd = fStart[cur + 1],
        rBegin = rStart[cur],
        rEnd = rBegin + rCount[cur];
      for (let k = fStart[cur]; ; k++) {
        let a: number;
        if (k < fEnd) a = fArc[k];
        else if (k - fEnd + rBegin < rEnd) a = rList[k - fEnd + rBegin];
        else break;
        if (cap[a] <= 0) continue;
        const w = to[a];
        if (done[w] === stamp) continue;
        const nd = base + cost[a] - pi[w];
        if (single[w] === 1) {
          done[w] = stamp;
          dist[w] = nd;
          settled[nSettled++] = w;
          inline[top++] = w;
          continue;
        }
        if (seen[w] === stamp && nd >= dist[w]) continue;
        seen[w] = stamp;
        dist[w] = nd;
        heap.push(nd, w);
      }
      if (top === 0) return nSettled;
    }
  }

  /**
   * One depth-first pass over zero-reduced-cost arcs, augmenting every path it
   * finds; returns the units pushed. A node whose arcs all fail is dead for the
   * pass, except when some failed only because they led back into the current
   * path: such a node may be alive via another route, so it is forgotten once
   * (re-entered later with a fresh scan) before being declared dead. The cap
   * keeps a pass linear; a path still missed is found by the next phase.
   */
  private augmentPass(): number {
    const g = this.g;
    const { fStart, fArc, rStart, rCount, rList, to, cap, cost } = g;
    const { pi, iter, pathArc, onPath, dead, visited, blocked, retried } = this;
    const stamp = ++this.stamp;
    const s = this.s,
      t = this.t;
    let depth = 0,
      v = s,
      total = 0;
    onPath[s] = stamp;
    visited[s] = stamp;
    iter[s] = 0;
    for (;;) {
      if (v === t) {
        let bottleneck = cap[pathArc[0]];
        for (let i = 1; i < depth; i++) bottleneck = Math.min(bottleneck, cap[pathArc[i]]);
        let cut = -1;
        for (let i = 0; i < depth; i++) {
          push(g, pathArc[i], bottleneck);
          if (cut < 0 && cap[pathArc[i]] === 0) cut = i;
        }
        for (let i = cut; i < depth; i++) onPath[to[pathArc[i]]] = 0;
        total += bottleneck;
        this.augmentations++;
        depth = cut;
        v = depth === 0 ? s : to[pathArc[depth - 1]];
        continue;
      }
      const fBegin = fStart[v],
        fDeg = fStart[v + 1] - fBegin,
        rBegin = rStart[v];
      const pv = pi[v];
      let k = iter[v];
      for (; ; k++) {
        let a: number;
        if (k < fDeg) a = fArc[fBegin + k];
        else if (k - fDeg < rCount[v]) a = rList[rBegin + k - fDeg];
        else {
          k = -1;
          break;
        }
        if (cap[a] <= 0) continue;
        const w = to[a];
        if (dead[w] === stamp || cost[a] + pv - pi[w] !== 0) continue;
        if (onPath[w] === stamp) {
          blocked[v] = stamp;
          continue;
        }
        iter[v] = k;
        pathArc[depth++] = a;
        onPath[w] = stamp;
        if (visited[w] !== stamp) {
          visited[w] = stamp;
          iter[w] = 0;
          blocked[w] = 0;
        }
        v = w;
        break;
      }
      if (k >= 0) continue;
      const forget = blocked[v] === stamp && retried[v] !== stamp;
      if (forget) {
        retried[v] = stamp;
        visited[v] = 0;
      } else dead[v] = stamp;
      onPath[v] = 0;
      if (depth === 0) return total;
      depth--;
      v = depth === 0 ? s : to[pathArc[depth - 1]];
      if (forget) blocked[v] = stamp;
      iter[v]++;
    }
  }
}
