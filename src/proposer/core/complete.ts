// "Every club placed whenever some layout places them all": when the greedy
// start leaves a club out that could be placed on its own, a backtracking
// search over every club's (leader, slots) candidates looks for a layout
// placing them all. It is exhaustive within its node limit (small and mid
// schools); beyond it the local search's insert moves keep trying.

import { candidates, type Candidate } from "./candidates";
import { Layout } from "./layout";
import type { Problem } from "./problem";

const CANDIDATES_PER_CLUB = 2_000;

/** A layout placing every club in `clubs`, or null when none exists or the node limit ran out. */
export function placeAll(problem: Problem, clubs: number[], nodeLimit: number): Layout | null {
  const options = new Map<number, Candidate[]>(clubs.map((c) => [c, candidates(problem, c, CANDIDATES_PER_CLUB)]));
  // Fewest candidates first: a club with one way in decides early.
  const order = clubs.slice().sort((a, b) => options.get(a)!.length - options.get(b)!.length || a - b);
  const layout = new Layout(problem);
  let nodes = 0;
  const walk = (i: number): boolean => {
    if (i === order.length) return true;
    const c = order[i];
    for (const option of options.get(c)!) {
      if (++nodes > nodeLimit) return false;
      if (!layout.place(c, option.staff, option.slots)) continue;
      if (walk(i + 1)) return true;
      layout.remove(c);
      if (nodes > nodeLimit) return false;
    }
    return false;
  };
  return walk(0) ? layout : null;
}
