// How many children can get at least one club on a layout: a maximum
// matching of children to club seats (a child may take a club only if of an
// eligible grade, staying for all its slots, and with room for a club). One
// club alone never clashes, and a child with a club counts once however many
// more they get, so this is exactly the allocation's first figure
// (`placedStudents` of the `optimal` mechanism), at a few milliseconds where
// the engine's exact optimum costs 40–300. The judge uses it to turn away
// layouts the search would reject anyway without asking the engine.

import type { Layout } from "./layout";
import type { Problem } from "./problem";

/** Children on the layout who can each get a club (exact `placedStudents`), or -1 when pins make it unknown. */
export function childrenReached(problem: Problem, layout: Layout): number {
  const { instance, interested, stays, nSlots, clubs } = problem;
  const students = instance.students;
  if (students.some((s) => s.pinned.length > 0)) return -1;
  // Each child's clubs, from the clubs' interest lists (grade already checked).
  const adjacency: number[][] = students.map(() => []);
  for (let c = 0; c < clubs.length; c++) {
    if (!layout.isPlaced(c) || clubs[c].capacity <= 0) continue;
    const slots = layout.slots[c];
    outer: for (const { student } of interested[c]) {
      if (students[student].maxClubs < 1) continue;
      for (const t of slots) if (!stays[student * nSlots + t]) continue outer;
      adjacency[student].push(c);
    }
  }
  const members: number[][] = clubs.map(() => []);
  const seen = new Int32Array(clubs.length).fill(-1);
  let matched = 0;
  // Kuhn's augmenting paths over clubs with capacities; each club is visited once per child.
  const augment = (u: number, stamp: number): boolean => {
    for (const c of adjacency[u]) {
      if (seen[c] === stamp) continue;
      seen[c] = stamp;
      if (members[c].length < clubs[c].capacity) {
        members[c].push(u);
        return true;
      }
      const list = members[c];
      for (let i = 0; i < list.length; i++) {
        const w = list[i];
        if (augment(w, stamp)) {
          list[i] = u;
          return true;
        }
      }
    }
    return false;
  };
  for (let u = 0; u < students.length; u++) if (adjacency[u].length > 0 && augment(u, u)) matched++;
  return matched;
}
