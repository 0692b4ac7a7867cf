// Turns an assignment into the Result every consumer reads (CLI stdout, the
// service, the admin page). Key order is fixed — students and clubs in input
// order, a child's clubs by rank with unlisted pins last — so the same
// assignment always serialises to the same bytes.
//
// Waitlist (design definition): children who ranked the club, are not in it
// and could take it — it is open to them (grade, slots, no clash with a pin)
// and either they have room and a free slot for it, or they ranked it above a
// club they got — ordered by their rank for it, then lottery number.

import { type Model, rankOf } from "./model";
import { clubsClash } from "./constraints";
import type { Metrics, Result, ResultMechanism } from "./types";

export function buildResult(
  model: Model,
  taken: Uint8Array,
  mechanism: ResultMechanism,
  seed: number,
  position: Int32Array,
): Result {
  const { instance } = model;
  const assignments: Record<string, string[]> = {};
  const clubIds = instance.clubs.map((c) => c.id);
  const members = new Int32Array(model.nClubs);
  const rankCounts = new Array<number>(model.longestList).fill(0);
  let placedStudents = 0,
    placements = 0,
    sumOfRanks = 0;
  const { optStart, optClub, optRank, pinStart } = model;
  for (let u = 0; u < model.nStudents; u++) {
    const ids: string[] = [];
    if (pinStart[u + 1] === pinStart[u]) {
      // No pins (the common case): options are already in rank order.
      for (let o = optStart[u]; o < optStart[u + 1]; o++) {
        if (!taken[o]) continue;
        const c = optClub[o],
          r = optRank[o];
        ids.push(clubIds[c]);
        members[c]++;
        rankCounts[r - 1]++;
        sumOfRanks += r;
      }
    } else {
      for (const c of clubsOf(model, taken, u)) {
        ids.push(clubIds[c]);
        members[c]++;
        const r = rankOf(model, u, c);
        if (r > 0) {
          rankCounts[r - 1]++;
          sumOfRanks += r;
        } // an unlisted pin is a placement without a rank
      }
    }
    if (ids.length > 0) placedStudents++;
    placements += ids.length;
    setKey(assignments, instance.students[u].id, ids);
  }
  const underMinClubs = instance.clubs
    .filter((club, c) => club.minSize > 0 && members[c] < club.minSize)
    .map((club) => club.id);
  const metrics: Metrics = {
    students: model.nStudents,
    placedStudents,
    placements,
    rankCounts,
    sumOfRanks,
    underMinClubs,
  };
  return { mechanism, seed, assignments, waitlists: waitlists(model, taken, position), metrics };
}

/** The clubs a child holds, pins included, in result order. */
function clubsOf(model: Model, taken: Uint8Array, u: number): number[] {
  const out: number[] = [];
  for (let o = model.optStart[u]; o < model.optStart[u + 1]; o++) if (taken[o]) out.push(model.optClub[o]);
  const pins = model.pinStart[u + 1] - model.pinStart[u];
  if (pins === 0) return out;
  const keyed = out.map((c) => [rankOf(model, u, c), c]);
  for (let p = model.pinStart[u], i = 0; p < model.pinStart[u + 1]; p++, i++) {
    const c = model.pinClub[p];
    const r = rankOf(model, u, c);
    keyed.push([r > 0 ? r : 1e9 + i, c]);
  }
  keyed.sort((a, b) => a[0] - b[0]);
  return keyed.map((k) => k[1]);
}

function waitlists(model: Model, taken: Uint8Array, position: Int32Array): Record<string, string[]> {
  const { nStudents, nClubs, optStart, optClub, optRank, room } = model;
  // Who waits where: one flag per option, then two passes (count, fill) per club.
  const waits = new Uint8Array(optClub.length);
  const count = new Int32Array(nClubs + 1);
  for (let u = 0; u < nStudents; u++) {
    let held = 0,
      worstRank = 0;
    for (let o = optStart[u]; o < optStart[u + 1]; o++) {
      if (!taken[o]) continue;
      held++;
      worstRank = Math.max(worstRank, optRank[o]);
    }
    const hasRoom = held < room[u];
    for (let o = optStart[u]; o < optStart[u + 1]; o++) {
      if (taken[o]) continue;
      let fits = hasRoom;
      for (let h = optStart[u]; h < optStart[u + 1] && fits; h++)
        fits = !(taken[h] && clubsClash(model, optClub[h], optClub[o]));
      if (optRank[o] < worstRank || fits) {
        waits[o] = 1;
        count[optClub[o] + 1]++;
      }
    }
  }
  for (let c = 0; c < nClubs; c++) count[c + 1] += count[c];
  // rank < 2^21 and position < 2^31 pack into one exact float64 sort key
  const keys = new Float64Array(count[nClubs]);
  const fill = count.slice(0, nClubs);
  for (let u = 0; u < nStudents; u++) {
    for (let o = optStart[u]; o < optStart[u + 1]; o++)
      if (waits[o]) keys[fill[optClub[o]]++] = optRank[o] * 2147483648 + position[u];
  }
  const byPosition = new Int32Array(nStudents);
  for (let u = 0; u < nStudents; u++) byPosition[position[u]] = u;
  const out: Record<string, string[]> = {};
  model.instance.clubs.forEach((club, c) => {
    const list = keys.subarray(count[c], count[c + 1]).sort();
    const ids = new Array<string>(list.length);
    for (let i = 0; i < list.length; i++) ids[i] = model.instance.students[byPosition[list[i] % 2147483648]].id;
    setKey(out, club.id, ids);
  });
  return out;
}

// Ids are data: "__proto__" must become an ordinary key, not a prototype.
function setKey<T>(obj: Record<string, T>, key: string, value: T): void {
  if (key === "__proto__")
    Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  else obj[key] = value;
}
