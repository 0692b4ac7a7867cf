// A residual network on typed arrays. Arc i of the builder is stored as two
// slots: 2i (forward) and 2i+1 (its reverse), so `a ^ 1` is the reverse of
// `a` and `to[a ^ 1]` its tail. A node's forward arcs form a static CSR range
// (`fStart[v]..fStart[v+1]` in `fArc`, insertion order: that is how the
// lottery order reaches the solver). Its reverse arcs are kept in a dynamic
// list of only those with residual capacity: a popular club was ranked by
// thousands of children but holds fifty, and scans must cost fifty.

export interface FlowGraph {
  n: number;
  to: Int32Array;
  /** Residual capacity per arc slot, changed by the solver. */
  cap: Int32Array;
  cost: Int32Array;
  fStart: Int32Array;
  fArc: Int32Array;
  /** Node v's reverse arcs with cap > 0: rList[rStart[v] .. rStart[v] + rCount[v]). */
  rStart: Int32Array;
  rCount: Int32Array;
  rList: Int32Array;
  /** Position of reverse slot 2i+1 in rList, or -1. */
  rPos: Int32Array;
  initialCap: Int32Array;
}

export class FlowGraphBuilder {
  private tail = new Int32Array(1024);
  private head = new Int32Array(1024);
  private capacity = new Int32Array(1024);
  private weight = new Int32Array(1024);
  private m = 0;

  constructor(public n: number) {}

  addNode(): number {
    return this.n++;
  }

  /** Adds u→v and returns the arc id i (slots 2i and 2i+1). */
  addArc(u: number, v: number, cap: number, cost: number): number {
    if (this.m === this.tail.length) this.grow();
    this.tail[this.m] = u;
    this.head[this.m] = v;
    this.capacity[this.m] = cap;
    this.weight[this.m] = cost;
    return this.m++;
  }

  get arcCount(): number {
    return this.m;
  }

  build(): FlowGraph {
    const { n, m } = this;
    const fStart = new Int32Array(n + 1);
    const rStart = new Int32Array(n + 1);
    for (let i = 0; i < m; i++) {
      fStart[this.tail[i] + 1]++;
      rStart[this.head[i] + 1]++;
    }
    for (let v = 0; v < n; v++) {
      fStart[v + 1] += fStart[v];
      rStart[v + 1] += rStart[v];
    }
    const fill = fStart.slice(0, n);
    const fArc = new Int32Array(m);
    const to = new Int32Array(2 * m);
    const cap = new Int32Array(2 * m);
    const cost = new Int32Array(2 * m);
    for (let i = 0; i < m; i++) {
      to[2 * i] = this.head[i];
      to[2 * i + 1] = this.tail[i];
      cap[2 * i] = this.capacity[i];
      cost[2 * i] = this.weight[i];
      cost[2 * i + 1] = -this.weight[i];
      fArc[fill[this.tail[i]]++] = 2 * i;
    }
    return {
      n,
      to,
      cap,
      cost,
      fStart,
      fArc,
      rStart,
      rCount: new Int32Array(n),
      rList: new Int32Array(m),
      rPos: new Int32Array(m).fill(-1),
      initialCap: cap.slice(),
    };
  }

  private grow(): void {
    const size = this.tail.length * 2;
    const copy = (a: Int32Array) => {
      const b = new Int32Array(size);
      b.set(a);
      return b;
    };
    this.tail = copy(this.tail);
    this.head = copy(this.head);
    this.capacity = copy(this.capacity);
    this.weight = copy(this.weight);
  }
}

/**
 * Moves `units` along arc slot a. A reverse arc that gains capacity joins its
 * node's list; one that loses it stays listed (scans skip cap 0) until
 * `compactReverseLists`, so a depth-first pass never sees a list shuffled
 * under its current-arc pointer.
 */
export function push(g: FlowGraph, a: number, units: number): void {
  g.cap[a] -= units;
  g.cap[a ^ 1] += units;
  if ((a & 1) === 0 && g.rPos[a >> 1] < 0) {
    const r = a ^ 1;
    const v = g.to[a];
    const pos = g.rStart[v] + g.rCount[v]++;
    g.rList[pos] = r;
    g.rPos[a >> 1] = pos;
  }
}

/** Drops listed reverse arcs that have no capacity left (between passes). */
export function compactReverseLists(g: FlowGraph): void {
  const { rStart, rCount, rList, rPos, cap } = g;
  for (let v = 0; v < g.n; v++) {
    const begin = rStart[v];
    let w = begin;
    for (let k = begin, end = begin + rCount[v]; k < end; k++) {
      const r = rList[k];
      if (cap[r] > 0) {
        rList[w] = r;
        rPos[r >> 1] = w++;
      } else {
        rPos[r >> 1] = -1;
      }
    }
    rCount[v] = w - begin;
  }
}

/** Units of flow on builder arc i. */
export function flowOn(g: FlowGraph, arc: number): number {
  return g.cap[2 * arc + 1];
}

/** Sets the capacity of builder arc i, keeping its current flow. */
export function setCapacity(g: FlowGraph, arc: number, cap: number): void {
  g.cap[2 * arc] = cap - g.cap[2 * arc + 1];
}

/** Back to the empty flow with the original capacities. */
export function resetFlow(g: FlowGraph): void {
  g.cap.set(g.initialCap);
  g.rCount.fill(0);
  g.rPos.fill(-1);
}
