// The optimal mechanism as a min-cost flow:
//   source → child → [group node] → club → sink
// with arc costs = rank, and the constraints of constraints.ts as capacities:
// child→club ONE_SEAT (one seat per club), club→sink seatsLeft (capacity),
// source→child 1 then room − 1 (clubs per child), a capacity-1 group node per
// set of clashing options (one club per slot; student-groups.ts). Options exist
// only where grade eligibility, the whole club and the pins allow (model.ts).
//
// Why this is exact for the lexicographic objective (1) most children placed,
// (2) most placements, (3) least sum of ranks:
// * Stage 1 gives every unpinned child one unit from the source ("first-unit
//   arc"); SSP reaches a min-cost max flow = most children placed, then least
//   ranks among those. This is the textbook "first-unit bonus": with a bonus
//   -B on that arc and B above any rank sum, a min-cost flow never trades a
//   placed child for ranks, and the bonus is one unit per child because the
//   child's source arcs are parallel and the bonus one is cheaper.
// * Stage 2 opens the remaining maxClubs units (pinned children only have
//   these) and continues SSP to a max flow. An augmenting path never lowers any
//   child's throughput except by ending at the source, which paths do not, so
//   (1) stays optimal while (2) and then (3) are optimised. B never has to be
//   a number: raising the source potential so the new arcs have non-negative
//   reduced cost is exactly what B would do, and no later path uses B.
// Ties: children are numbered and arcs added in lottery order, so the seed
// decides which of equal shortest paths is taken first (and so which optimum),
// deterministically.

import { FlowGraph, FlowGraphBuilder, flowOn, resetFlow, setCapacity } from "./flow-network";
import { MinCostFlow } from "./min-cost-flow";
import type { Model } from "./model";
import { ONE_SEAT, seatsLeft } from "./constraints";
import { groupOptions } from "./student-groups";

export interface FlowModel {
  graph: FlowGraph;
  /** Builder arc carrying option o (a child–club pair). */
  optionArc: Int32Array;
  firstArc: Int32Array;
  extraArc: Int32Array;
  /** Pass-through nodes (children with room for one club): see MinCostFlow. */
  single: Uint8Array;
  /** Children whose clash constraints the network only relaxes. */
  inexact: number[];
  arcCount: number;
}

const SOURCE = 0,
  SINK = 1;

export function buildFlowModel(model: Model, order: Int32Array): FlowModel {
  const { nStudents: n, nClubs, optStart, optClub, optRank, room, seats, pinStart } = model;
  const b = new FlowGraphBuilder(2 + n + nClubs);
  const clubNode = (c: number) => 2 + n + c;
  // Club→sink arcs first, so a club's own adjacency tries a free seat before displacing anyone.
  for (let c = 0; c < nClubs; c++) b.addArc(clubNode(c), SINK, seatsLeft(seats[c]), 0);
  const optionArc = new Int32Array(optClub.length).fill(-1);
  const firstArc = new Int32Array(n).fill(-1);
  const extraArc = new Int32Array(n).fill(-1);
  const inexact: number[] = [];
  const singles: number[] = [];
  for (let p = 0; p < n; p++) {
    const u = order[p];
    const from = optStart[u],
      to = optStart[u + 1];
    if (room[u] === 0 || from === to) continue;
    const node = 2 + p;
    if (room[u] === 1) singles.push(node);
    const pinned = pinStart[u + 1] > pinStart[u];
    firstArc[u] = b.addArc(SOURCE, node, pinned ? 0 : 1, 0);
    if (room[u] > 1 || pinned) extraArc[u] = b.addArc(SOURCE, node, 0, 0);
    const groups = groupOptions(model, u);
    if (!groups.exact) inexact.push(u);
    const groupNode = new Int32Array(groups.count).fill(-1);
    const size = new Int32Array(groups.count);
    for (let k = 0; k < to - from; k++) size[groups.group[k]]++;
    for (let k = 0; k < to - from; k++) {
      const g = groups.group[k];
      let tail = node;
      if (size[g] > 1) {
        if (groupNode[g] < 0) {
          groupNode[g] = b.addNode();
          b.addArc(node, groupNode[g], 1, 0); // one club per slot: the group passes one unit
        }
        tail = groupNode[g];
      }
      optionArc[from + k] = b.addArc(tail, clubNode(optClub[from + k]), ONE_SEAT, optRank[from + k]);
    }
  }
  const arcCount = b.arcCount;
  const graph = b.build();
  const single = new Uint8Array(graph.n);
  for (const v of singles) single[v] = 1;
  return { graph, optionArc, firstArc, extraArc, single, inexact, arcCount };
}

export interface FlowRun {
  taken: Uint8Array;
  phases: number;
  augmentations: number;
  rounds?: number;
}

/**
 * Solves from the empty flow. `banned` options (repairs of a relaxation) get
 * capacity 0. Returns which options carry flow.
 */
export function solveFlow(model: Model, fm: FlowModel, banned?: Uint8Array): FlowRun {
  const g = fm.graph;
  resetFlow(g);
  if (banned)
    for (let o = 0; o < banned.length; o++) if (banned[o] && fm.optionArc[o] >= 0) setCapacity(g, fm.optionArc[o], 0);
  const mcf = new MinCostFlow(g, SOURCE, SINK, fm.single);
  mcf.run();
  // Stage 2: further clubs for placed (or pinned) children. Unplaced children's
  // first-unit arcs are closed: stage 1 proved no path can place them.
  const { room, pinStart, nStudents } = model;
  for (let u = 0; u < nStudents; u++) {
    const first = fm.firstArc[u];
    if (first < 0) continue;
    const pinned = pinStart[u + 1] > pinStart[u];
    const placed = pinned || flowOn(g, first) > 0;
    if (!pinned && !placed) setCapacity(g, first, 0);
    if (fm.extraArc[u] >= 0 && placed) setCapacity(g, fm.extraArc[u], pinned ? room[u] : room[u] - 1);
  }
  mcf.coverSourceArcs();
  mcf.run();
  const taken = new Uint8Array(model.optClub.length);
  for (let o = 0; o < taken.length; o++) if (fm.optionArc[o] >= 0 && flowOn(g, fm.optionArc[o]) > 0) taken[o] = 1;
  return { taken, phases: mcf.phases, augmentations: mcf.augmentations };
}
