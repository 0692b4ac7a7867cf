// The compiled model every mechanism works on: ids become indices and lists
// become typed arrays (CSR: `xStart[i]..xStart[i+1]` indexes `x`), so solvers
// never touch strings. An *option* is a choice the child may be given by the
// engine: grade eligible, every slot of the club among the child's slots, not
// already pinned, and no shared slot with a pinned club. Ineligible choices keep
// their rank (position in the list as submitted) but are never options. The
// constraints themselves (which pairs are options, seats and room net of pins,
// clashes) are named in constraints.ts; this file only compiles them.

import type { Instance } from "./types";
import { attendsWholeClub, clubsLeft, gradeEligible, seatsAfterPins } from "./constraints";

export { clubsClash } from "./constraints";

export interface Model {
  instance: Instance;
  nStudents: number;
  nClubs: number;
  nSlots: number;
  clubIndex: Map<string, number>;
  clubSlotStart: Int32Array;
  clubSlot: Int32Array;
  /** Seats left once pinned children are seated. */
  seats: Int32Array;
  pinStart: Int32Array;
  pinClub: Int32Array;
  /** maxClubs minus pins: how many clubs the engine may still give. */
  room: Int32Array;
  /** Every choice as submitted (club index), rank = position + 1. */
  listStart: Int32Array;
  listClub: Int32Array;
  optStart: Int32Array;
  optClub: Int32Array;
  optRank: Int32Array;
  longestList: number;
}

export function compileModel(instance: Instance): Model {
  const { clubs, students } = instance;
  const nClubs = clubs.length;
  const nStudents = students.length;
  const clubIndex = new Map<string, number>();
  clubs.forEach((c, i) => clubIndex.set(c.id, i));

  const slotIndex = new Map<string, number>();
  const intern = (slot: string): number => {
    let id = slotIndex.get(slot);
    if (id === undefined) slotIndex.set(slot, (id = slotIndex.size));
    return id;
  };
  const clubSlotStart = new Int32Array(nClubs + 1);
  const clubSlotList: number[] = [];
  clubs.forEach((c, i) => {
    for (const s of c.slots) clubSlotList.push(intern(s));
    clubSlotStart[i + 1] = clubSlotList.length;
  });
  const clubSlot = Int32Array.from(clubSlotList);
  const slotsOfClubs = { clubSlotStart, clubSlot };
  const gradeSets = clubs.map((c) => (c.grades ? new Set(c.grades) : null));

  const seats = new Int32Array(nClubs);
  const pinsIn = new Int32Array(nClubs);
  for (const s of students) for (const clubId of s.pinned) pinsIn[clubIndex.get(clubId)!]++;
  clubs.forEach((c, i) => (seats[i] = seatsAfterPins(c.capacity, pinsIn[i])));
  const pinStart = new Int32Array(nStudents + 1);
  const listStart = new Int32Array(nStudents + 1);
  const optStart = new Int32Array(nStudents + 1);
  let totalPins = 0;
  let totalList = 0;
  let longestList = 0;
  for (let u = 0; u < nStudents; u++) {
    totalPins += students[u].pinned.length;
    totalList += students[u].choices.length;
    longestList = Math.max(longestList, students[u].choices.length);
  }
  const pinClub = new Int32Array(totalPins);
  const listClub = new Int32Array(totalList);
  const optClubBuf = new Int32Array(totalList);
  const optRankBuf = new Int32Array(totalList);
  const room = new Int32Array(nStudents);

  // Stamps avoid a Set per child: mark[slot] === stamp means "true for this child".
  const attends = new Int32Array(slotIndex.size + 1);
  const pinnedSlot = new Int32Array(slotIndex.size + 1);
  const pinnedClub = new Int32Array(nClubs);
  let p = 0,
    l = 0,
    o = 0;
  for (let u = 0; u < nStudents; u++) {
    const s = students[u];
    const stamp = u + 1;
    const free = (slot: number) => attends[slot] === stamp && pinnedSlot[slot] !== stamp;
    for (const slot of s.slots) {
      const id = slotIndex.get(slot);
      if (id !== undefined) attends[id] = stamp;
    }
    for (const clubId of s.pinned) {
      const c = clubIndex.get(clubId)!;
      pinClub[p++] = c;
      pinnedClub[c] = stamp;
      for (let k = clubSlotStart[c]; k < clubSlotStart[c + 1]; k++) pinnedSlot[clubSlot[k]] = stamp;
    }
    pinStart[u + 1] = p;
    room[u] = clubsLeft(s.maxClubs, s.pinned.length);
    for (let r = 0; r < s.choices.length; r++) {
      const c = clubIndex.get(s.choices[r])!;
      listClub[l++] = c;
      if (pinnedClub[c] === stamp) continue;
      if (!gradeEligible(gradeSets[c], s.grade)) continue;
      if (!attendsWholeClub(slotsOfClubs, c, free)) continue;
      optClubBuf[o] = c;
      optRankBuf[o++] = r + 1;
    }
    listStart[u + 1] = l;
    optStart[u + 1] = o;
  }
  return {
    instance,
    nStudents,
    nClubs,
    nSlots: slotIndex.size,
    clubIndex,
    clubSlotStart,
    clubSlot,
    seats,
    pinStart,
    pinClub,
    room,
    listStart,
    listClub,
    optStart,
    optClub: optClubBuf.slice(0, o),
    optRank: optRankBuf.slice(0, o),
    longestList,
  };
}

/** 1-based rank of club c in student u's list, 0 when unlisted (e.g. a pin). */
export function rankOf(model: Model, u: number, c: number): number {
  for (let k = model.listStart[u]; k < model.listStart[u + 1]; k++)
    if (model.listClub[k] === c) return k - model.listStart[u] + 1;
  return 0;
}
