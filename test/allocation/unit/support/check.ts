// An independent reading of the design's rules, used to check any Result:
// written from the design notes, not from the engine's code.

import type { Instance, Result } from "../../../../src/allocation/core";

export type Tuple = [number, number, number];

export function clubMap(instance: Instance) {
  return new Map(instance.clubs.map((c) => [c.id, c]));
}

/** May the engine give club `clubId` to this child (ignoring seats)? */
export function eligible(instance: Instance, studentIndex: number, clubId: string): boolean {
  const s = instance.students[studentIndex];
  const club = clubMap(instance).get(clubId)!;
  if (!s.choices.includes(clubId) || s.pinned.includes(clubId)) return false;
  if (club.grades && !club.grades.includes(s.grade)) return false;
  return club.slots.every((slot) => s.slots.includes(slot));
}

export function slotsOf(instance: Instance, clubIds: string[]): string[] {
  const clubs = clubMap(instance);
  return clubIds.flatMap((id) => clubs.get(id)!.slots);
}

/** Every broken rule, in words (empty when the result is feasible). */
export function violations(instance: Instance, result: Result): string[] {
  const problems: string[] = [];
  const clubs = clubMap(instance);
  const used = new Map<string, number>();
  instance.students.forEach((s, i) => {
    const got = result.assignments[s.id];
    if (!Array.isArray(got)) {
      problems.push(`${s.id} missing`);
      return;
    }
    if (new Set(got).size !== got.length) problems.push(`${s.id} holds a club twice`);
    if (got.length > s.maxClubs) problems.push(`${s.id} exceeds maxClubs`);
    for (const p of s.pinned) if (!got.includes(p)) problems.push(`${s.id} lost pin ${p}`);
    for (const id of got) {
      if (!clubs.has(id)) {
        problems.push(`${s.id} unknown club ${id}`);
        continue;
      }
      used.set(id, (used.get(id) ?? 0) + 1);
      if (!s.pinned.includes(id) && !eligible(instance, i, id)) problems.push(`${s.id} not eligible for ${id}`);
    }
    const slots = slotsOf(instance, got);
    if (new Set(slots).size !== slots.length) problems.push(`${s.id} has a clash`);
  });
  for (const [id, n] of used) if (n > clubs.get(id)!.capacity) problems.push(`${id} over capacity`);
  if (Object.keys(result.assignments).length !== instance.students.length) problems.push("assignments has extra keys");
  return problems;
}

/** (placed children, placements, sum of ranks) computed from the assignments. */
export function tupleOf(instance: Instance, result: Result): Tuple {
  let placed = 0,
    placements = 0,
    ranks = 0;
  for (const s of instance.students) {
    const got = result.assignments[s.id];
    if (got.length > 0) placed++;
    placements += got.length;
    for (const id of got) ranks += s.choices.indexOf(id) + 1; // unlisted pin: indexOf -1 → adds 0
  }
  return [placed, placements, ranks];
}

/** Children below maxClubs who ranked a club they could still take that has a free seat. */
export function wastedSeats(instance: Instance, result: Result): string[] {
  const clubs = clubMap(instance);
  const members = new Map<string, number>();
  for (const got of Object.values(result.assignments))
    for (const id of got) members.set(id, (members.get(id) ?? 0) + 1);
  const out: string[] = [];
  instance.students.forEach((s, i) => {
    const got = result.assignments[s.id];
    if (got.length >= s.maxClubs) return;
    const busy = new Set(slotsOf(instance, got));
    for (const id of s.choices) {
      const club = clubs.get(id)!;
      if (got.includes(id) || !eligible(instance, i, id) || (members.get(id) ?? 0) >= club.capacity) continue;
      if (club.slots.some((slot) => busy.has(slot))) continue;
      out.push(`${s.id} could take ${id}`);
    }
  });
  return out;
}

/** Lexicographic comparison: negative when a is better. */
export function compareTuples(a: Tuple, b: Tuple): number {
  return b[0] - a[0] || b[1] - a[1] || a[2] - b[2];
}
