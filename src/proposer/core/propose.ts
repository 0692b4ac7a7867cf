// propose: from the school's clubs, staff, venues and children's rankings to
// a timetable of club sessions. Lexicographic objective: (0) clubs placed,
// then the exact allocation's (1) children with a club, (2) placements,
// (3) least sum of ranks, then (4) fewest changes to the current draft.
// 1. Clubs no layout can place get their reason (candidates.ts).
// 2. A greedy start, most constrained first (construct.ts); if it leaves out a
//    club that fits on its own, the complete search looks for a layout
//    placing them all (complete.ts). The current draft, filled in, competes.
// 3. The seeded local search with the allocation engine as judge (search.ts).

import { staticReason } from "./candidates";
import { placeAll } from "./complete";
import { constructLayout, fromCurrent } from "./construct";
import { changesFrom, compareScore, Judge } from "./judge";
import type { Layout } from "./layout";
import { Prng } from "./prng";
import { compileProblem, type Problem } from "./problem";
import { localSearch } from "./search";
import { Surrogate } from "./surrogate";
import type { Entry, ProposalInstance, ProposalRun, ProposeOptions, UnplacedClub } from "./types";

/**
 * Evaluations by default. On the generated 60-club, 1,500-child school this
 * is about 11 s of CPU (an exact evaluation costs ~12 ms on the engine's flow
 * path, ~90 ms on its integer program; a third are settled without the
 * engine), and the search improves little beyond ~800 (docs/proposer.md).
 */
export const DEFAULT_BUDGET = 400;
/**
 * Moves screened per exact evaluation (see Judge.quick). Off by default: on
 * the generated 60-club schools, screening 4 moves by the lottery reached the
 * same plateau no sooner per evaluation and cost a quarter more CPU.
 */
export const DEFAULT_SCREEN = 1;
/** Nodes of the complete search for a layout placing every club. */
const PLACE_ALL_NODES = 200_000;

export async function propose(instance: ProposalInstance, options: ProposeOptions = {}): Promise<ProposalRun> {
  const clock = options.clock ?? (() => performance.now());
  const started = clock();
  const seed = options.seed ?? instance.seed;
  const budget = options.budget ?? DEFAULT_BUDGET;
  const deadline = options.timeLimit === undefined ? Infinity : started + options.timeLimit * 1000;
  const problem = compileProblem(instance);
  const reasons = problem.clubs.map((_, c) => staticReason(problem, c));
  const placeable = reasons.map((r) => r === null);
  const surrogate = new Surrogate(problem);
  const judge = new Judge(problem, seed, clock);

  let start = constructLayout(problem, "demand", { surrogate });
  const wanted = placeable.filter(Boolean).length;
  if (start.placedCount() < wanted) {
    const all = placeAll(
      problem,
      placeable.flatMap((ok, c) => (ok ? [c] : [])),
      PLACE_ALL_NODES,
    );
    if (all !== null) start = all;
  }
  const firstFeasibleMs = clock() - started;
  let startJ = await judge.judge(start);
  let from: "greedy" | "current" = "greedy";
  if (instance.current.length > 0) {
    const kept = constructLayout(problem, "demand", { surrogate, start: fromCurrent(problem) });
    const keptJ = await judge.judge(kept);
    if (compareScore(keptJ.score, startJ.score) >= 0) [start, startJ, from] = [kept, keptJ, "current"];
  }
  const ctx = { prng: new Prng(seed), surrogate, placeable };
  const outcome = await localSearch(start, startJ, judge, ctx, {
    budget,
    screen: options.screen ?? DEFAULT_SCREEN,
    deadline,
    clock,
    onProgress: options.onProgress,
    shouldStop: options.shouldStop,
  });
  const best = outcome.best;
  const result = {
    seed,
    entries: entriesOf(problem, best),
    unplacedClubs: unplacedOf(problem, best, reasons),
    metrics: {
      ...outcome.judgement.metrics,
      clubs: problem.clubs.length,
      placedClubs: best.placedCount(),
      changes: changesFrom(problem, best),
    },
    ...(outcome.stoppedEarly ? { stoppedEarly: true as const, timeLimit: options.timeLimit } : {}),
  };
  return {
    result,
    diagnostics: {
      evaluations: judge.evaluations,
      cacheHits: judge.cacheHits,
      turnedAway: judge.turnedAway,
      screenings: judge.screenings,
      improvements: outcome.improvements,
      firstFeasibleMs: round(firstFeasibleMs),
      totalMs: round(clock() - started),
      engineMs: round(judge.engineMs),
      start: from,
    },
  };
}

function entriesOf(problem: Problem, layout: Layout): Entry[] {
  const { slots, venues, staff, clubs } = problem.instance;
  return clubs.flatMap((club, c) =>
    layout.slots[c].map((t, i) => ({
      club: club.id,
      slot: slots[t].id,
      venue: venues[layout.venues[c][i]].id,
      staff: staff[layout.leader[c]].id,
    })),
  );
}

function unplacedOf(problem: Problem, layout: Layout, reasons: ReturnType<typeof staticReason>[]): UnplacedClub[] {
  return problem.instance.clubs.flatMap((club, c) => {
    if (layout.isPlaced(c)) return [];
    const why = reasons[c] ?? {
      reason: "crowded-out" as const,
      detail: "it fits on its own, but no layout found leaves room for it beside the other clubs",
    };
    return [{ club: club.id, reason: why.reason, detail: why.detail }];
  });
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
