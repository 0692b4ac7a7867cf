// Checks a stored result against its instance without re-running the engine:
// every constraint the engine must keep, and the metrics recomputed from the
// assignments. Used when a byte-for-byte re-run is not promised — a run in which
// a deleted child's student number became a pseudonym draws its lottery numbers
// from different ids, so a re-run may break ties differently, yet the stored
// result must still be feasible and still have the objective it claims.

import type { Instance, Metrics, Result } from "./types";

/** Every broken constraint or metric that differs, in words; empty when the result holds. */
export function checkResult(instance: Instance, result: Result): string[] {
  const problems: string[] = [];
  const clubs = new Map(instance.clubs.map((c) => [c.id, c]));
  const members = new Map<string, number>();
  const metrics: Metrics = {
    students: instance.students.length,
    placedStudents: 0,
    placements: 0,
    rankCounts: [],
    sumOfRanks: 0,
    underMinClubs: [],
  };
  const longest = Math.max(0, ...instance.students.map((s) => s.choices.length));
  metrics.rankCounts = new Array<number>(longest).fill(0);
  const assignments = result.assignments ?? {};
  const known = new Set(instance.students.map((s) => s.id));
  for (const id of Object.keys(assignments)) if (!known.has(id)) problems.push(`assignments: unknown student "${id}"`);

  for (const s of instance.students) {
    const held = Object.prototype.hasOwnProperty.call(assignments, s.id) ? assignments[s.id] : undefined;
    if (!Array.isArray(held)) {
      problems.push(`student ${s.id}: missing from assignments`);
      continue;
    }
    if (new Set(held).size !== held.length) problems.push(`student ${s.id}: holds a club twice`);
    if (held.length > s.maxClubs) problems.push(`student ${s.id}: more clubs than maxClubs`);
    for (const pin of s.pinned) if (!held.includes(pin)) problems.push(`student ${s.id}: pin ${pin} not held`);
    const usedSlots = new Set<string>();
    for (const code of held) {
      const club = clubs.get(code);
      if (!club) {
        problems.push(`student ${s.id}: unknown club "${code}"`);
        continue;
      }
      members.set(code, (members.get(code) ?? 0) + 1);
      const rank = s.choices.indexOf(code) + 1;
      const pinned = s.pinned.includes(code);
      // Pins may ignore the list and the grade; nothing may ignore the slots.
      if (!pinned && rank === 0) problems.push(`student ${s.id}: ${code} is not on their list`);
      if (!pinned && club.grades && !club.grades.includes(s.grade))
        problems.push(`student ${s.id}: ${code} is not open to grade ${s.grade}`);
      for (const slot of club.slots) {
        if (!s.slots.includes(slot))
          problems.push(`student ${s.id}: ${code} meets in ${slot}, which the child is not there for`);
        if (usedSlots.has(slot)) problems.push(`student ${s.id}: two clubs in ${slot}`);
        usedSlots.add(slot);
      }
      if (rank > 0) {
        metrics.rankCounts[rank - 1]++;
        metrics.sumOfRanks += rank;
      }
    }
    if (held.length > 0) metrics.placedStudents++;
    metrics.placements += held.length;
  }
  for (const club of instance.clubs) {
    if ((members.get(club.id) ?? 0) > club.capacity) problems.push(`club ${club.id}: over capacity`);
    if (club.minSize > 0 && (members.get(club.id) ?? 0) < club.minSize) metrics.underMinClubs.push(club.id);
  }
  const stored = result.metrics ?? ({} as Partial<Metrics>);
  for (const key of [
    "students",
    "placedStudents",
    "placements",
    "sumOfRanks",
    "rankCounts",
    "underMinClubs",
  ] as const) {
    if (JSON.stringify(stored[key]) !== JSON.stringify(metrics[key]))
      problems.push(
        `metrics.${key}: stored ${JSON.stringify(stored[key])}, recomputed ${JSON.stringify(metrics[key])}`,
      );
  }
  return problems;
}
