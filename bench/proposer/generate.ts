// A generated school for the proposer's benchmark: grades 1–6, two club
// periods a day (10 slots over the week), children staying 2–5 days (fewer
// on Friday), teachers free most slots and external instructors on one or two
// set days, venue kinds with few special rooms, clubs meeting once or twice a
// week, and demand skewed toward a few popular clubs (Zipf-like). `current`
// is the draft an admin might make by hand: each club in turn in the
// least-used slots where a leader and a room are free.

import type { Entry, ProposalInstance } from "../../src/proposer/core";

export interface SchoolShape {
  students: number;
  clubs: number;
  seed: number;
}

const DAYS = ["mon", "tue", "wed", "thu", "fri"];
const KINDS: { kind: string; venues: number; capacity: number; share: number }[] = [
  { kind: "classroom", venues: 14, capacity: 45, share: 0.5 },
  { kind: "gym", venues: 2, capacity: 60, share: 0.15 },
  { kind: "field", venues: 2, capacity: 80, share: 0.1 },
  { kind: "music", venues: 2, capacity: 45, share: 0.1 },
  { kind: "art", venues: 2, capacity: 40, share: 0.1 },
  { kind: "lab", venues: 1, capacity: 36, share: 0.05 },
];

export function generateSchool(shape: SchoolShape): ProposalInstance {
  const rand = mulberry32(shape.seed);
  const pick = <T>(items: T[]): T => items[Math.floor(rand() * items.length)];
  const slots = DAYS.flatMap((d, i) => [1, 2].map((p) => ({ id: `${d}-${p}`, weekday: i + 1 })));
  const venues = KINDS.flatMap((k) =>
    Array.from({ length: k.venues }, (_, i) => ({
      id: `${k.kind}${i + 1}`,
      kind: k.kind,
      capacity: k.capacity - (i % 3) * 5,
    })),
  );
  const teachers = Math.round(shape.clubs * 0.7);
  const externals = Math.round(shape.clubs * 0.3);
  const staff = [
    ...Array.from({ length: teachers }, (_, i) => ({
      id: `T${String(i + 1).padStart(3, "0")}`,
      // A teacher has one day with meetings or lessons late: the rest is free.
      slots: slots.filter((s) => s.weekday !== 1 + (i % 5)).map((s) => s.id),
    })),
    ...Array.from({ length: externals }, (_, i) => {
      const days = new Set([1 + (i % 5), ...(rand() < 0.4 ? [1 + ((i + 2) % 5)] : [])]);
      return {
        id: `X${String(i + 1).padStart(3, "0")}`,
        slots: slots.filter((s) => days.has(s.weekday)).map((s) => s.id),
      };
    }),
  ];
  const gradeBands = [
    [1, 2],
    [3, 4],
    [5, 6],
    [1, 2, 3],
    [4, 5, 6],
    [1, 2, 3, 4, 5, 6],
    [2, 3, 4],
    [3, 4, 5, 6],
  ];
  const clubs = Array.from({ length: shape.clubs }, (_, c) => {
    const kind = weightedKind(rand());
    const room = KINDS.find((k) => k.kind === kind)!;
    // Each club has its own main leader (a school does not hire one instructor for three clubs on one day).
    const external = c % 10 < 3 && c / 10 < externals / 3;
    const main = external ? teachers + Math.floor(c / 10) * 3 + (c % 10) : c % teachers;
    const leaders = new Set([staff[Math.min(main, staff.length - 1)].id]);
    if (!external && rand() < 0.6) leaders.add(pick(staff.slice(0, teachers)).id);
    return {
      id: `club${String(c + 1).padStart(2, "0")}`,
      grades: pick(gradeBands),
      capacity: Math.min(room.capacity - 10, 20 + Math.floor(rand() * 4) * 5),
      minSize: 8,
      sessions: rand() < 0.3 ? 2 : 1,
      venueKind: kind,
      staff: [...leaders],
      fixed: [],
    };
  });
  // Zipf-like popularity: club k is wanted about 1/(k+1)^0.8 as often as the first.
  const popularity = clubs.map((_, k) => 1 / Math.pow(1 + ((k * 7) % clubs.length), 0.8));
  const students = Array.from({ length: shape.students }, (_, u) => {
    const grade = 1 + (u % 6);
    const nDays = 2 + Math.floor(rand() * 4);
    // Friday comes last more often: fewer children stay on Friday afternoons.
    const keys = [1, 2, 3, 4, 5].map((d) => ({ d, key: rand() + (d === 5 ? 0.5 : 0) }));
    const days = keys
      .sort((a, b) => a.key - b.key)
      .slice(0, nDays)
      .map((k) => k.d);
    const eligible = clubs.map((club, c) => (club.grades.includes(grade) ? c : -1)).filter((c) => c >= 0);
    const choices: string[] = [];
    const want = 3 + Math.floor(rand() * 3);
    for (let tries = 0; choices.length < want && tries < 50; tries++) {
      const c = weighted(
        eligible.map((e) => popularity[e]),
        rand(),
      );
      const id = clubs[eligible[c]].id;
      if (!choices.includes(id)) choices.push(id);
    }
    return {
      id: `S${String(u + 1).padStart(5, "0")}`,
      grade,
      slots: slots.filter((s) => days.includes(s.weekday)).map((s) => s.id),
      maxClubs: rand() < 0.6 ? 2 : 1,
      choices,
      pinned: [],
    };
  });
  const instance: ProposalInstance = { seed: shape.seed, slots, venues, staff, clubs, students, current: [] };
  instance.current = byHand(instance);
  return instance;
}

/** An admin's draft: clubs in list order, each in the least-used slots with a free leader and room. */
function byHand(instance: ProposalInstance): Entry[] {
  const entries: Entry[] = [];
  const busy = new Set<string>();
  const load = new Map(instance.slots.map((s) => [s.id, 0]));
  for (const club of instance.clubs) {
    for (const leader of club.staff) {
      const free = instance.staff
        .find((s) => s.id === leader)!
        .slots.filter((t) => !busy.has(`${t}|${leader}`))
        .map((t) => ({
          t,
          v: instance.venues.find(
            (v) => v.kind === club.venueKind && v.capacity >= club.capacity && !busy.has(`${t}|${v.id}`),
          ),
        }))
        .filter((x) => x.v !== undefined)
        .sort((a, b) => load.get(a.t)! - load.get(b.t)!);
      const days = new Set<string>();
      const chosen = free
        .filter((x) => !days.has(x.t.slice(0, 3)) && days.add(x.t.slice(0, 3)))
        .slice(0, club.sessions);
      if (chosen.length < club.sessions) continue;
      for (const { t, v } of chosen) {
        busy.add(`${t}|${leader}`).add(`${t}|${v!.id}`);
        load.set(t, load.get(t)! + 1);
        entries.push({ club: club.id, slot: t, venue: v!.id, staff: leader });
      }
      break;
    }
  }
  return entries;
}

function weightedKind(r: number): string {
  return KINDS[
    weighted(
      KINDS.map((k) => k.share),
      r,
    )
  ].kind;
}

function weighted(weights: number[], r: number): number {
  const total = weights.reduce((a, b) => a + b, 0);
  let x = r * total;
  for (let i = 0; i < weights.length; i++) if ((x -= weights[i]) < 0) return i;
  return weights.length - 1;
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    let t = (a = (a + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}
