// The layouts a proposal is measured against (bench/proposer): the current
// draft as it is, a greedy layout putting each club in the first slots that
// fit, and the best of N random layouts, each scored by the same judge.

import { constructLayout, fromCurrent } from "./construct";
import { changesFrom, compareScore, Judge, type Judgement } from "./judge";
import type { Layout } from "./layout";
import { Prng } from "./prng";
import { compileProblem } from "./problem";
import type { ProposalInstance, ProposalMetrics } from "./types";

export interface Baseline {
  name: "current" | "first-feasible" | "best-random";
  metrics: ProposalMetrics;
}

export async function baselineLayouts(
  instance: ProposalInstance,
  options: { seed?: number; randomLayouts: number },
): Promise<Baseline[]> {
  const problem = compileProblem(instance);
  const seed = options.seed ?? instance.seed;
  const judge = new Judge(problem, seed, () => 0);
  const metricsOf = (layout: Layout, j: Judgement): ProposalMetrics => ({
    ...j.metrics,
    clubs: problem.clubs.length,
    placedClubs: layout.placedCount(),
    changes: changesFrom(problem, layout),
  });
  const out: Baseline[] = [];
  if (instance.current.length > 0) {
    const current = fromCurrent(problem);
    out.push({ name: "current", metrics: metricsOf(current, await judge.judge(current)) });
  }
  const first = constructLayout(problem, "first");
  out.push({ name: "first-feasible", metrics: metricsOf(first, await judge.judge(first)) });
  const prng = new Prng(seed);
  let best: { layout: Layout; j: Judgement } | null = null;
  for (let i = 0; i < options.randomLayouts; i++) {
    const layout = constructLayout(problem, "random", { prng });
    const j = await judge.judge(layout);
    if (best === null || compareScore(j.score, best.j.score) > 0) best = { layout, j };
  }
  if (best) out.push({ name: "best-random", metrics: metricsOf(best.layout, best.j) });
  return out;
}
