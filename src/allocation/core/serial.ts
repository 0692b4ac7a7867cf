// Serial mechanisms: children take turns and each takes their best option
// that still has a seat and does not clash with what they hold.
// * lottery: turns in seeded lottery order, round by round (one club per child
//   per round) up to maxClubs, so a second club never beats someone's first.
//   With one club per child this is serial dictatorship: strategy-proof, since
//   the order ignores the lists and each child simply gets their best left.
// * first come, first served: submission order, each child takes all their
//   clubs at once — the rush the admin page contrasts with the optimum.

import { InstanceError } from "./instance-error";
import type { Model } from "./model";
import { clubsClash } from "./constraints";

export function serialAssignment(model: Model, turns: Int32Array, roundByRound: boolean): Uint8Array {
  const taken = new Uint8Array(model.optClub.length);
  const seats = Int32Array.from(model.seats, (s) => Math.max(0, s));
  const given = new Int32Array(model.nStudents);
  if (!roundByRound) {
    for (const u of turns) while (given[u] < model.room[u] && takeBest(model, taken, seats, u)) given[u]++;
    return taken;
  }
  let rounds = 0;
  for (const u of turns) rounds = Math.max(rounds, model.room[u]);
  for (let round = 0; round < rounds; round++) {
    for (const u of turns) if (given[u] < model.room[u] && takeBest(model, taken, seats, u)) given[u]++;
  }
  return taken;
}

function takeBest(model: Model, taken: Uint8Array, seats: Int32Array, u: number): boolean {
  const { optStart, optClub } = model;
  for (let o = optStart[u]; o < optStart[u + 1]; o++) {
    const c = optClub[o];
    if (taken[o] || seats[c] === 0) continue;
    let clash = false;
    for (let h = optStart[u]; h < optStart[u + 1] && !clash; h++)
      clash = taken[h] === 1 && clubsClash(model, optClub[h], c);
    if (clash) continue;
    taken[o] = 1;
    seats[c]--;
    return true;
  }
  return false;
}

/**
 * Submission order as student indices: listed ids first (a repeated id keeps
 * its first submission), then children who never submitted, in input order.
 */
export function submissionOrder(model: Model, order: string[]): Int32Array {
  const index = new Map<string, number>();
  model.instance.students.forEach((s, i) => index.set(s.id, i));
  const seen = new Uint8Array(model.nStudents);
  const out: number[] = [];
  for (let i = 0; i < order.length; i++) {
    const u = index.get(order[i]);
    if (u === undefined) throw new InstanceError(`order[${i}]`, `unknown student ${JSON.stringify(order[i])}`);
    if (seen[u]) continue;
    seen[u] = 1;
    out.push(u);
  }
  for (let u = 0; u < model.nStudents; u++) if (!seen[u]) out.push(u);
  return Int32Array.from(out);
}
