// Choosing among optimal assignments. Only moves that keep the objective
// tuple unchanged are ever made (AssignmentState.move / exchange with equal
// rank sums), so tie-breaking can never cost a placement or a rank.
//
// 1. Lottery: in draw order, a child takes a better-ranked club from a child
//    who drew later whenever the two can exchange clubs at no cost to the
//    objective (the later child gets an equally worse club). One pass, in draw
//    order: earlier draws are settled first.
// 2. Siblings: a child not sharing a club with any sibling joins a sibling's
//    club by such a zero-cost move or exchange (with a non-sibling who is not
//    together with a sibling of their own there). Siblings go last so they win.
// Partners for exchanges come from an ExchangeIndex snapshot, so a district
// round is not scanned club by club for every child.

import { AssignmentState } from "./assignment-state";
import { ExchangeIndex } from "./exchange-index";
import type { Model } from "./model";

interface Family {
  /** Members of each sibling group, in draw order; groupOf indexes it (-1: no group). */
  members: number[][];
  groupOf: Int32Array;
  position: Int32Array;
  /** Snapshot of possible exchange partners (null: scan the club instead). */
  index: ExchangeIndex | null;
}

export function breakTies(model: Model, taken: Uint8Array, order: Int32Array, position: Int32Array): number {
  const state = new AssignmentState(model, taken);
  const family = siblingGroups(model, order, position);
  family.index = ExchangeIndex.build(model, taken);
  let moves = 0;
  for (let p = 0; p < order.length; p++) moves += improveByLottery(state, family, order[p]);
  for (const group of family.members) if (group.length > 1) moves += joinSiblings(state, family, group);
  return moves;
}

function siblingGroups(model: Model, order: Int32Array, position: Int32Array): Family {
  const byId = new Map<string, number>();
  const members: number[][] = [];
  const groupOf = new Int32Array(model.nStudents).fill(-1);
  for (const u of order) {
    const g = model.instance.students[u].group;
    if (g === undefined) continue;
    let k = byId.get(g);
    if (k === undefined) {
      byId.set(g, (k = members.length));
      members.push([]);
    }
    members[k].push(u);
    groupOf[u] = k;
  }
  return { members, groupOf, position, index: null };
}

function heldClubs(state: AssignmentState, u: number): number[] {
  const m = state.model;
  const out: number[] = [];
  for (let p = m.pinStart[u]; p < m.pinStart[u + 1]; p++) out.push(m.pinClub[p]);
  for (let o = m.optStart[u]; o < m.optStart[u + 1]; o++) if (state.taken[o]) out.push(m.optClub[o]);
  return out;
}

/** Is u in club c together with a sibling (so moving u out would split them)? */
function together(state: AssignmentState, family: Family, u: number, c: number): boolean {
  const k = family.groupOf[u];
  if (k < 0) return false;
  for (const v of family.members[k]) if (v !== u && state.holds(v, c)) return true;
  return false;
}

function withSibling(state: AssignmentState, family: Family, u: number): boolean {
  return heldClubs(state, u).some((c) => together(state, family, u, c));
}

function improveByLottery(state: AssignmentState, family: Family, x: number): number {
  const m = state.model;
  let moves = 0;
  for (let guard = 0; guard < 64; guard++) {
    let improved = false;
    for (let xa = m.optStart[x]; xa < m.optStart[x + 1] && !improved; xa++) {
      if (!state.taken[xa] || together(state, family, x, m.optClub[xa])) continue;
      for (let xc = m.optStart[x]; xc < xa && !improved; xc++) {
        if (state.taken[xc]) continue;
        const w = exchangePartner(state, family, x, xa, xc, Partner.Later);
        if (w < 0) continue;
        doExchange(state, x, xa, xc, w);
        improved = true;
        moves++;
      }
    }
    if (!improved) break;
  }
  return moves;
}

function joinSiblings(state: AssignmentState, family: Family, group: number[]): number {
  let moves = 0;
  for (const x of group) {
    if (withSibling(state, family, x)) continue;
    search: for (const v of group) {
      if (v === x) continue;
      for (const c of heldClubs(state, v)) {
        if (tryJoin(state, family, x, c)) {
          moves++;
          break search;
        }
      }
    }
  }
  return moves;
}

/** Moves x into club c without changing the objective, if a zero-cost move exists. */
function tryJoin(state: AssignmentState, family: Family, x: number, c: number): boolean {
  const m = state.model;
  const xc = state.optionFor(x, c);
  if (xc < 0 || state.taken[xc]) return false;
  for (let xa = m.optStart[x + 1] - 1; xa >= m.optStart[x]; xa--) {
    if (!state.taken[xa] || !state.fitsWithout(x, c, xa)) continue;
    if (state.hasFreeSeat(c)) {
      if (m.optRank[xa] !== m.optRank[xc]) continue;
      state.move(xa, xc);
      return true;
    }
    const w = exchangePartner(state, family, x, xa, xc, Partner.Outsider);
    if (w < 0) continue;
    doExchange(state, x, xa, xc, w);
    return true;
  }
  return false;
}

/** Who may give up their seat: a child who drew later (lottery pass), or anyone outside x's family (sibling pass). */
const enum Partner {
  Later,
  Outsider,
}

/**
 * A child w in club(xc) who would take club(xa) instead with the same total
 * rank (rank_x(c) + rank_w(a) = rank_x(a) + rank_w(c)); the latest draw wins.
 */
function exchangePartner(
  state: AssignmentState,
  family: Family,
  x: number,
  xa: number,
  xc: number,
  who: Partner,
): number {
  const m = state.model;
  const a = m.optClub[xa],
    c = m.optClub[xc];
  if (state.hasFreeSeat(c) || !state.fitsWithout(x, c, xa)) return -1;
  const { position, groupOf } = family;
  const delta = m.optRank[xa] - m.optRank[xc];
  let best = -1;
  const scan = family.index ? null : state.members[c];
  const [from, to] = family.index ? family.index.range(c, a, delta) : [0, scan!.length];
  for (let i = from; i < to; i++) {
    const wc = scan ? scan[i] : family.index!.option(i);
    const w = state.owner[wc];
    if (w === x || !state.taken[wc]) continue;
    if (who === Partner.Later ? position[w] <= position[x] : groupOf[x] >= 0 && groupOf[w] === groupOf[x]) continue;
    // The rank w must give club a for a zero-cost exchange; check it by list position first.
    const need = m.optRank[wc] + delta;
    const listPos = m.listStart[w] + need - 1;
    if (need < 1 || listPos >= m.listStart[w + 1] || m.listClub[listPos] !== a) continue;
    if (best >= 0 && position[w] < position[best]) continue;
    const wa = state.optionFor(w, a);
    if (wa < 0 || state.taken[wa] || !state.fitsWithout(w, a, wc) || together(state, family, w, c)) continue;
    best = w;
  }
  return best;
}

function doExchange(state: AssignmentState, x: number, xa: number, xc: number, w: number): void {
  const m = state.model;
  const c = m.optClub[xc],
    a = m.optClub[xa];
  state.exchange(xa, xc, state.optionFor(w, c), state.optionFor(w, a));
}
