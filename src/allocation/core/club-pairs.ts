// Numbers every (from, to) pair the contracted one-club flow can need: (S → c)
// for each option c, and (c → c') for two options of one child. Ids are
// grouped by `from` node so that each node's pairs are one contiguous range.
// A flat nodes² table (a Map beyond 64 MB) maps (from, to) to the pair id:
// one array read when a child moves. (Tried: sorted ranges with binary search
// — slower both to build and to look up on a 100k-child round.)

import type { Model } from "./model";

export interface PairTable {
  nodes: number;
  /** (from · nodes + to) → pair id + 1 (0 = none). */
  flat: Int32Array | null;
  map: Map<number, number> | null;
}

export interface ClubPairs {
  /** Node i's pairs are pairStart[i] .. pairStart[i+1]. */
  pairStart: Int32Array;
  pairFrom: Int32Array;
  pairTo: Int32Array;
  table: PairTable;
}

export function indexPairs(model: Model): ClubPairs {
  const N = model.nClubs + 2;
  const flat = N * N <= 16_777_216 ? new Int32Array(N * N) : null;
  const table: PairTable = { nodes: N, flat, map: flat ? null : new Map<number, number>() };
  const pairStart = countPairs(model, table);
  const pairTo = numberPairs(model, table, pairStart);
  const pairFrom = new Int32Array(pairTo.length);
  for (let i = 0; i < N; i++) pairFrom.fill(i, pairStart[i], pairStart[i + 1]);
  return { pairStart, pairFrom, pairTo, table };
}

// Each pass is its own function so V8 optimises each loop for its one job.
function countPairs(model: Model, { nodes: N, flat, map }: PairTable): Int32Array {
  const { nClubs, nStudents, optStart, optClub } = model;
  const pairStart = new Int32Array(N + 1);
  for (let u = 0; u < nStudents; u++) {
    const from = optStart[u],
      end = optStart[u + 1];
    for (let a = from - 1; a < end; a++) {
      // a = from − 1 stands for the source
      const source = a < from ? nClubs : optClub[a];
      for (let b = from; b < end; b++) {
        if (b === a) continue;
        const key = source * N + optClub[b];
        if (flat) {
          if (flat[key] !== 0) continue;
          flat[key] = -1;
        } else {
          if (map!.has(key)) continue;
          map!.set(key, -1);
        }
        pairStart[source + 1]++;
      }
    }
  }
  for (let i = 0; i < N; i++) pairStart[i + 1] += pairStart[i];
  return pairStart;
}

function numberPairs(model: Model, { nodes: N, flat, map }: PairTable, pairStart: Int32Array): Int32Array {
  const { nClubs, nStudents, optStart, optClub } = model;
  const pairTo = new Int32Array(pairStart[N]);
  const fill = pairStart.slice(0, N);
  for (let u = 0; u < nStudents; u++) {
    const from = optStart[u],
      end = optStart[u + 1];
    for (let a = from - 1; a < end; a++) {
      const source = a < from ? nClubs : optClub[a];
      for (let b = from; b < end; b++) {
        if (b === a) continue;
        const key = source * N + optClub[b];
        if ((flat ? flat[key] : map!.get(key)!) > 0) continue;
        const id = fill[source]++;
        pairTo[id] = optClub[b];
        if (flat) flat[key] = id + 1;
        else map!.set(key, id + 1);
      }
    }
  }
  return pairTo;
}
