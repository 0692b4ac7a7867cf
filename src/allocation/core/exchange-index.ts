// Who could take part in a zero-cost exchange, found without scanning a whole
// club: every held option wc (child w in club c) is indexed under each other
// option of w as (c, a, rank_w(a) - rank_w(c)). An exchange with child x
// (x leaves a for c, w leaves c for a) costs nothing exactly when w sits in
// bucket (c, a, rank_x(a) - rank_x(c)). Keys are packed into one float64 and
// sorted natively; the index is a snapshot, so callers re-check candidates
// (and a club that fills up later is simply not searched).

import type { Model } from "./model";

export class ExchangeIndex {
  private readonly keys: Float64Array;
  private readonly span: number;
  private readonly shift: number;
  /** Keys of club c's members are keys[clubStart[c] .. clubStart[c+1]): searches stay in that block. */
  private readonly clubStart: Int32Array;

  /** Null when packed keys would not stay exact below 2^53 (then callers scan clubs). */
  static build(model: Model, taken: Uint8Array): ExchangeIndex | null {
    const span = 2 * model.longestList + 1;
    const buckets = model.nClubs * model.nClubs * span;
    const shift = 2 ** Math.ceil(Math.log2(model.optClub.length + 1));
    return buckets * shift >= 2 ** 53 ? null : new ExchangeIndex(model, taken, span, shift);
  }

  private constructor(
    private readonly model: Model,
    taken: Uint8Array,
    span: number,
    shift: number,
  ) {
    this.span = span;
    this.shift = shift;
    const { nStudents, optStart, optClub, optRank, seats } = model;
    // Exchanges only happen in full clubs (with a free seat, a move would be
    // strictly better for the objective), so only their members are indexed.
    const used = new Int32Array(model.nClubs);
    for (let o = 0; o < optClub.length; o++) if (taken[o]) used[optClub[o]]++;
    const full = (c: number) => used[c] >= seats[c];
    let count = 0;
    for (let u = 0; u < nStudents; u++) {
      const k = optStart[u + 1] - optStart[u];
      for (let o = optStart[u]; o < optStart[u + 1]; o++) if (taken[o] && full(optClub[o])) count += k - 1;
    }
    const keys = new Float64Array(count);
    let n = 0;
    for (let u = 0; u < nStudents; u++) {
      for (let wc = optStart[u]; wc < optStart[u + 1]; wc++) {
        if (!taken[wc] || !full(optClub[wc])) continue;
        for (let wa = optStart[u]; wa < optStart[u + 1]; wa++) {
          if (wa === wc) continue;
          keys[n++] = this.bucket(optClub[wc], optClub[wa], optRank[wa] - optRank[wc]) * shift + wc;
        }
      }
    }
    this.keys = keys.sort();
    const C = model.nClubs,
      perClub = C * span * shift;
    this.clubStart = new Int32Array(C + 1);
    let c = 0;
    for (let i = 0; i < n; i++) {
      const club = Math.floor(this.keys[i] / perClub);
      while (c < club) this.clubStart[++c] = i;
    }
    while (c < C) this.clubStart[++c] = n;
  }

  /** Options wc (members of c) whose child ranks a exactly `delta` below c, as keys[from..to). */
  range(c: number, a: number, delta: number): [number, number] {
    if (Math.abs(delta) > this.model.longestList) return [0, 0];
    const lo = this.bucket(c, a, delta) * this.shift;
    const from = this.clubStart[c],
      to = this.clubStart[c + 1];
    return [this.lowerBound(lo, from, to), this.lowerBound(lo + this.shift, from, to)];
  }

  option(i: number): number {
    return this.keys[i] % this.shift;
  }

  private bucket(c: number, a: number, delta: number): number {
    return (c * this.model.nClubs + a) * this.span + delta + this.model.longestList;
  }

  private lowerBound(x: number, lo: number, hi: number): number {
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.keys[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
