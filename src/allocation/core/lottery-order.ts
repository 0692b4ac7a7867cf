// The seeded lottery. A child's draw is a hash of (seed, child id) only, so a
// family cannot move their number by changing their list, and the same seed
// always gives the same order on every machine (no Math.random, no locale).
// Siblings (same `group`) take consecutive turns: a group draws with its best
// member's number and its members follow in their own draw order.
// Changing this hash changes every published lottery: treat it as a contract.

import type { Instance } from "./types";

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function hashId(id: string, init: number): number {
  let h = init >>> 0;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return fmix32(h ^ id.length);
}

/** A 53-bit draw: smaller draws earlier. Exported for tests and explanations. */
export function lotteryDraw(seed: number, id: string): number {
  const lo = seed >>> 0;
  const hi = Math.floor(seed / 4294967296) >>> 0;
  const a = hashId(id, fmix32(lo ^ 0x9e3779b9) ^ hi);
  const b = hashId(id, fmix32((hi + 0x7f4a7c15) >>> 0) ^ lo);
  return a * 2097152 + (b >>> 11);
}

export interface LotteryOrder {
  /** Student indices in turn order. */
  order: Int32Array;
  /** position[studentIndex] = 0-based lottery number. */
  position: Int32Array;
}

export function lotteryOrder(instance: Instance, seed: number): LotteryOrder {
  const students = instance.students;
  const n = students.length;
  const draw = new Float64Array(n);
  for (let i = 0; i < n; i++) draw[i] = lotteryDraw(seed, students[i].id);
  // A group's turn comes at its best member's draw.
  const groupDraw = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const g = students[i].group;
    if (g === undefined) continue;
    const best = groupDraw.get(g);
    if (best === undefined || draw[i] < best) groupDraw.set(g, draw[i]);
  }
  const turn = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const g = students[i].group;
    turn[i] = g === undefined ? draw[i] : groupDraw.get(g)!;
  }
  const idx = Array.from({ length: n }, (_, i) => i);
  idx.sort(
    (a, b) =>
      turn[a] - turn[b] ||
      compareStrings(groupKey(students[a].group, a, students), groupKey(students[b].group, b, students)) ||
      draw[a] - draw[b] ||
      (students[a].id < students[b].id ? -1 : 1),
  );
  const order = Int32Array.from(idx);
  const position = new Int32Array(n);
  for (let p = 0; p < n; p++) position[order[p]] = p;
  return { order, position };
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// Only reached when two groups share a draw (a 53-bit collision): keep groups whole.
function groupKey(group: string | undefined, i: number, students: Instance["students"]): string {
  return group === undefined ? `\u0000${students[i].id}` : `\u0001${group}`;
}
