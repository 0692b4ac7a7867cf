// How one child's options enter the flow network. The flow can say "at most one
// of these clubs" only by routing them through a shared capacity-1 node, so a
// child's options are split into groups, each a set of pairwise clashing clubs.
//
// Exact: when every connected component of the child's clash graph is a clique,
// the groups are those components and the flow encodes the child's constraints
// exactly (always the case for single-slot clubs: group = slot, and for a child
// who may take one more club at most). Otherwise (e.g. Tue+Thu club, Tue club,
// Thu club: the two single-slot clubs are compatible, the pair is not) no
// grouping is exact; we group each club under one of its slots, which only ever
// drops clash constraints, so the flow becomes a relaxation and its optimum a
// bound. The caller then checks, repairs or hands over to the integer program.

import type { Model } from "./model";
import { clubsClash } from "./constraints";

export interface OptionGroups {
  /** group[k] for the child's k-th option; options sharing a group share a node. */
  group: Int32Array;
  count: number;
  exact: boolean;
}

export function groupOptions(model: Model, u: number): OptionGroups {
  const from = model.optStart[u],
    to = model.optStart[u + 1];
  const k = to - from;
  const group = new Int32Array(k);
  if (model.room[u] <= 1 || k <= 1) {
    for (let i = 0; i < k; i++) group[i] = i;
    return { group, count: k, exact: true };
  }
  const clubs = model.optClub.subarray(from, to);
  const clash = (i: number, j: number) => clubsClash(model, clubs[i], clubs[j]);
  // Components of the clash graph (lists are short: quadratic is fine).
  const comp = new Int32Array(k).fill(-1);
  let nComp = 0;
  const stack: number[] = [];
  for (let i = 0; i < k; i++) {
    if (comp[i] >= 0) continue;
    comp[i] = nComp;
    stack.push(i);
    while (stack.length) {
      const x = stack.pop()!;
      for (let y = 0; y < k; y++)
        if (comp[y] < 0 && clash(x, y)) {
          comp[y] = nComp;
          stack.push(y);
        }
    }
    nComp++;
  }
  let exact = true;
  for (let i = 0; i < k && exact; i++)
    for (let j = i + 1; j < k; j++)
      if (comp[i] === comp[j] && !clash(i, j)) {
        exact = false;
        break;
      }
  if (exact) return { group: comp, count: nComp, exact };
  return { ...designatedSlotGroups(model, clubs), exact: false };
}

// Relaxation: each club joins the group of its slot shared by most of the
// child's options (so most clashes stay enforced); clubs in one group always
// share that slot, so no compatible pair is ever forbidden.
function designatedSlotGroups(model: Model, clubs: Int32Array): { group: Int32Array; count: number } {
  const { clubSlotStart: st, clubSlot: sl } = model;
  const freq = new Map<number, number>();
  for (const c of clubs) for (let a = st[c]; a < st[c + 1]; a++) freq.set(sl[a], (freq.get(sl[a]) ?? 0) + 1);
  const groupOfSlot = new Map<number, number>();
  const group = new Int32Array(clubs.length);
  clubs.forEach((c, i) => {
    let best = sl[st[c]];
    for (let a = st[c] + 1; a < st[c + 1]; a++) {
      const f = freq.get(sl[a])!,
        fb = freq.get(best)!;
      if (f > fb || (f === fb && sl[a] < best)) best = sl[a];
    }
    let g = groupOfSlot.get(best);
    if (g === undefined) groupOfSlot.set(best, (g = groupOfSlot.size));
    group[i] = g;
  });
  return { group, count: groupOfSlot.size };
}
