// The seeded local search: late-acceptance hill climbing over the moves, the
// allocation engine judging every new layout. A move is kept when it is no
// worse than the current layout or than the layout of HISTORY steps ago, which
// lets the search walk across plateaus (many layouts tie) without ever losing
// the best layout seen. It stops when the work budget (fresh evaluations) is
// spent, when so many moves in a row find nothing new that the neighbourhood
// looks exhausted, or before an evaluation that would likely end past the time
// limit (the only thing read from the clock).

import { compareScore, type Judge, type Judgement } from "./judge";
import type { Layout } from "./layout";
import { neighbour, type MoveContext } from "./moves";
import type { Progress, Score } from "./types";

const HISTORY = 30;
/** Moves that find nothing new (refused, or already judged) still cost work: cap them. */
const ATTEMPTS_PER_EVALUATION = 40;
/** So many moves in a row without a new layout: the neighbourhood is exhausted (small schools), stop. */
const FRUITLESS_STREAK = 2_000;

export interface SearchOptions {
  budget: number;
  /** Moves drawn per exact evaluation; the screen keeps the best of them (1: no screen). */
  screen: number;
  /** Absolute clock value (ms) to stop at, or Infinity. */
  deadline: number;
  clock: () => number;
  onProgress?: (progress: Progress) => void;
  shouldStop?: () => boolean;
}

export interface SearchOutcome {
  best: Layout;
  judgement: Judgement;
  stoppedEarly: boolean;
  improvements: { evaluation: number; score: Score }[];
}

export async function localSearch(
  start: Layout,
  startJudgement: Judgement,
  judge: Judge,
  ctx: MoveContext,
  options: SearchOptions,
): Promise<SearchOutcome> {
  let current = start;
  let currentJ = startJudgement;
  let best = start;
  let bestJ = startJudgement;
  const improvements = [{ evaluation: judge.evaluations, score: bestJ.score }];
  const history: Score[] = Array.from({ length: HISTORY }, () => currentJ.score);
  let step = 0;
  let attempts = 0;
  let fruitless = 0;
  while (
    judge.evaluations < options.budget &&
    attempts < options.budget * ATTEMPTS_PER_EVALUATION &&
    fruitless < FRUITLESS_STREAK
  ) {
    // Stop when the next evaluation would likely end past the limit (one slow integer program must not overrun it),
    // or when the admin asked to stop.
    if (options.clock() + judge.meanEngineMs() >= options.deadline || options.shouldStop?.())
      return { best, judgement: bestJ, stoppedEarly: true, improvements };
    attempts++;
    fruitless++;
    const next = await screened(current, currentJ, judge, ctx, options.screen);
    if (next === null) continue;
    const before = judge.evaluations;
    const slot = step++ % HISTORY;
    // Kept when no worse than either: below the lesser of the two, the layout is turned away unjudged.
    const floor = compareScore(currentJ.score, history[slot]) <= 0 ? currentJ.score : history[slot];
    const j = await judge.judgeAbove(next, floor);
    if (j !== null && (compareScore(j.score, currentJ.score) >= 0 || compareScore(j.score, history[slot]) >= 0)) {
      current = next;
      currentJ = j;
    }
    history[slot] = currentJ.score;
    if (j !== null && compareScore(j.score, bestJ.score) > 0) {
      best = next;
      bestJ = j;
      improvements.push({ evaluation: judge.evaluations, score: j.score });
    }
    if (judge.evaluations > before) {
      fruitless = 0;
      options.onProgress?.({ evaluations: judge.evaluations, budget: options.budget, best: bestJ.score });
    }
  }
  return { best, judgement: bestJ, stoppedEarly: false, improvements };
}

/** The best of `count` moves by the judge's quick screen (the first on ties); null when none is possible. */
async function screened(
  current: Layout,
  currentJ: Judgement,
  judge: Judge,
  ctx: MoveContext,
  count: number,
): Promise<Layout | null> {
  let best: Layout | null = null;
  let bestScore: Score | null = null;
  for (let i = 0; i < count; i++) {
    const next = neighbour(current, currentJ, ctx);
    if (next === null) continue;
    if (count === 1) return next;
    const score = await judge.quick(next);
    if (bestScore === null || compareScore(score, bestScore) > 0) [best, bestScore] = [next, score];
  }
  return best;
}
