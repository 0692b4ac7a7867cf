// The lexicographic objective of the optimal mechanism, and the constraint
// checks every mechanism must pass. An assignment is `taken[o]` over the
// model's options (pins are implied and always held).

import type { Model } from "./model";
import { clubsClash } from "./constraints";

/** (placed children, placements, sum of ranks), pins included. */
export type Objective = [number, number, number];

export function objectiveOf(model: Model, taken: Uint8Array): Objective {
  const { nStudents, optStart, optRank, pinStart, pinClub } = model;
  let placed = 0,
    placements = 0,
    ranks = 0;
  for (let u = 0; u < nStudents; u++) {
    let mine = pinStart[u + 1] - pinStart[u];
    for (let p = pinStart[u]; p < pinStart[u + 1]; p++) ranks += pinRank(model, u, pinClub[p]);
    for (let o = optStart[u]; o < optStart[u + 1]; o++) {
      if (!taken[o]) continue;
      mine++;
      ranks += optRank[o];
    }
    placements += mine;
    if (mine > 0) placed++;
  }
  return [placed, placements, ranks];
}

function pinRank(model: Model, u: number, c: number): number {
  for (let k = model.listStart[u]; k < model.listStart[u + 1]; k++)
    if (model.listClub[k] === c) return k - model.listStart[u] + 1;
  return 0;
}

/** Negative when a is better: more placed, then more placements, then fewer rank points. */
export function compareObjective(a: Objective, b: Objective): number {
  return b[0] - a[0] || b[1] - a[1] || a[2] - b[2];
}

/** Children holding two clubs that meet in a common slot (pins never clash: parse checks them). */
export function clashingStudents(model: Model, taken: Uint8Array): number[] {
  const out: number[] = [];
  const { optStart, optClub } = model;
  for (let u = 0; u < model.nStudents; u++) {
    const held: number[] = [];
    for (let o = optStart[u]; o < optStart[u + 1]; o++) if (taken[o]) held.push(optClub[o]);
    if (held.length < 2) continue; // options never clash with pins by construction
    let clash = false;
    for (let i = 0; i < held.length && !clash; i++)
      for (let j = i + 1; j < held.length; j++)
        if (clubsClash(model, held[i], held[j])) {
          clash = true;
          break;
        }
    if (clash) out.push(u);
  }
  return out;
}

/** Every broken constraint, in words; empty when the assignment is feasible. */
export function violations(model: Model, taken: Uint8Array): string[] {
  const problems: string[] = [];
  const used = new Int32Array(model.nClubs);
  for (let u = 0; u < model.nStudents; u++) {
    let count = 0;
    for (let o = model.optStart[u]; o < model.optStart[u + 1]; o++)
      if (taken[o]) {
        count++;
        used[model.optClub[o]]++;
      }
    if (count > model.room[u]) problems.push(`student ${u} exceeds maxClubs`);
  }
  for (let c = 0; c < model.nClubs; c++)
    if (used[c] > Math.max(0, model.seats[c])) problems.push(`club ${c} over capacity`);
  for (const u of clashingStudents(model, taken)) problems.push(`student ${u} has a clash`);
  return problems;
}
