// Small random schools for the proposer's property tests, drawn from a seed
// (fast-check supplies the seed and the shape), plus the helpers that turn a
// layout into entries and score a timetable independently of the proposer.

import { allocate } from "../../../../src/allocation/core";
import type { Entry, ProposalInstance, Score } from "../../../../src/proposer/core";
import { constructLayout } from "../../../../src/proposer/core/construct";
import type { Layout } from "../../../../src/proposer/core/layout";
import { Prng } from "../../../../src/proposer/core/prng";
import { compileProblem } from "../../../../src/proposer/core/problem";

export interface Shape {
  slots: number;
  venues: number;
  staff: number;
  clubs: number;
  students: number;
  maxSessions: number;
}

export function randomSchool(seed: number, shape: Shape): ProposalInstance {
  const prng = new Prng(seed);
  const kinds = ["hall", "room"];
  const slots = Array.from({ length: shape.slots }, (_, i) => ({ id: `t${i}`, weekday: 1 + (i % 5) }));
  const venues = Array.from({ length: shape.venues }, (_, i) => ({
    id: `v${i}`,
    kind: kinds[prng.below(2)],
    capacity: 5 + prng.below(4) * 5,
  }));
  const staff = Array.from({ length: shape.staff }, (_, i) => ({
    id: `s${i}`,
    slots: slots.filter(() => prng.next() < 0.7).map((s) => s.id),
  }));
  const clubs = Array.from({ length: shape.clubs }, (_, i) => ({
    id: `c${i}`,
    grades: prng.next() < 0.5 ? [1 + prng.below(3)] : undefined,
    capacity: 2 + prng.below(4) * 3,
    minSize: prng.below(3),
    sessions: 1 + prng.below(shape.maxSessions),
    venueKind: kinds[prng.below(2)],
    staff: staff.filter(() => prng.next() < 0.5).map((s) => s.id),
    fixed: [],
  }));
  const students = Array.from({ length: shape.students }, (_, i) => ({
    id: `u${i}`,
    grade: 1 + prng.below(3),
    slots: slots.filter(() => prng.next() < 0.6).map((s) => s.id),
    maxClubs: 1 + prng.below(2),
    choices: prng.shuffle(clubs.map((c) => c.id)).slice(0, prng.below(4)),
    pinned: [],
  }));
  return { seed, slots, venues, staff, clubs, students, current: [] };
}

/** A random layout of the school (every hard constraint holds), as entries. */
export function randomEntries(instance: ProposalInstance, seed: number): Entry[] {
  const problem = compileProblem(instance);
  return entriesOf(instance, constructLayout(problem, "random", { prng: new Prng(seed) }));
}

export function entriesOf(instance: ProposalInstance, layout: Layout): Entry[] {
  return instance.clubs.flatMap((club, c) =>
    layout.slots[c].map((t, i) => ({
      club: club.id,
      slot: instance.slots[t].id,
      venue: instance.venues[layout.venues[c][i]].id,
      staff: instance.staff[layout.leader[c]].id,
    })),
  );
}

/** The objective of a timetable, computed from the design notes' definition with the allocation engine. */
export async function scoreOf(instance: ProposalInstance, entries: Entry[], changes: number): Promise<Score> {
  const placed = new Set(entries.map((e) => e.club));
  const { result } = await allocate(
    {
      seed: instance.seed,
      clubs: instance.clubs.map((club) => ({
        id: club.id,
        capacity: placed.has(club.id) ? club.capacity : 0,
        minSize: club.minSize,
        ...(club.grades ? { grades: club.grades } : {}),
        slots: entries.filter((e) => e.club === club.id).map((e) => e.slot),
      })),
      students: instance.students,
    },
    { mechanism: "optimal" },
  );
  const m = result.metrics;
  return [placed.size, m.placedStudents, m.placements, -m.sumOfRanks, -changes];
}

export function compare(a: Score, b: Score): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}
