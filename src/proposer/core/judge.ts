// The judge: the exact `optimal` allocation of the children onto a layout, by
// the allocation engine itself, so the proposal is scored by exactly what
// families would get. A placed club meets in its layout slots; a club left
// out stays in the instance with no seats, so every child's ranks keep their
// positions as submitted. The engine's answer depends only on the clubs'
// slots, so answers are cached by that signature (only the figures the search
// needs are kept: a full result per layout would cost megabytes).

import { allocate, type Instance, type Metrics, type Result } from "../../allocation/core";
import type { Layout } from "./layout";
import type { Problem } from "./problem";
import { childrenReached } from "./reach";
import type { Score } from "./types";

export interface Judgement {
  score: Score;
  metrics: Metrics;
  /** wanting[c]: children who ranked club c above what they got (or got too few clubs) and did not get it. */
  wanting: Int32Array;
  /** wantSlots[c * nSlots + t]: those children who stay for slot t — where moving c might reach them. */
  wantSlots: Int32Array;
  /** full[c] = 1 when club c has no seat left: moving it reaches nobody new. */
  full: Uint8Array;
}

export function allocationInstance(problem: Problem, layout: Layout, seed: number): Instance {
  const slotIds = problem.instance.slots.map((s) => s.id);
  return {
    seed,
    clubs: problem.instance.clubs.map((club, c) => ({
      id: club.id,
      capacity: layout.isPlaced(c) ? club.capacity : 0,
      minSize: club.minSize,
      ...(club.grades ? { grades: club.grades } : {}),
      slots: layout.slots[c].map((t) => slotIds[t]),
    })),
    students: problem.instance.students,
  };
}

/** Sessions of the layout that are not in the current draft as they are. */
export function changesFrom(problem: Problem, layout: Layout): number {
  let changes = 0;
  problem.clubs.forEach((spec, c) => {
    if (!layout.isPlaced(c)) return;
    layout.slots[c].forEach((t, i) => {
      const same = spec.currentStaff === layout.leader[c] && spec.currentVenue.get(t) === layout.venues[c][i];
      if (!same) changes++;
    });
  });
  return changes;
}

/** Larger is better: negative when a is worse than b. */
export function compareScore(a: Score, b: Score): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

export class Judge {
  private readonly cache = new Map<string, Omit<Judgement, "score">>();
  evaluations = 0;
  cacheHits = 0;
  engineMs = 0;

  constructor(
    private readonly problem: Problem,
    private readonly seed: number,
    private readonly clock: () => number,
  ) {}

  private readonly quickCache = new Map<string, Score>();
  screenings = 0;
  /** Layouts turned away by children reached alone (counted as evaluations), by signature: that figure. */
  private readonly reached = new Map<string, number>();
  turnedAway = 0;
  /** Exact optima the engine computed (the screen's lottery runs not included). */
  private engineCalls = 0;
  private exactMs = 0;

  /** The mean time of an exact evaluation so far (0 before the first): what the next one will likely cost. */
  meanEngineMs(): number {
    return this.engineCalls === 0 ? 0 : this.exactMs / this.engineCalls;
  }

  /**
   * The screen: the allocation's `lottery` mechanism (a seeded serial
   * dictatorship, a few ms where the exact optimum takes ~0.1 s) scores a move
   * roughly, so only the most promising of several moves reaches the judge.
   */
  async quick(layout: Layout): Promise<Score> {
    const key = layout.signature();
    const cached = this.quickCache.get(key);
    if (cached) return [...cached.slice(0, 4), -changesFrom(this.problem, layout)] as Score;
    const started = this.clock();
    const { diagnostics } = await allocate(allocationInstance(this.problem, layout, this.seed), {
      mechanism: "lottery",
    });
    this.engineMs += this.clock() - started;
    this.screenings++;
    const [placed, placements, ranks] = diagnostics.objective;
    const score: Score = [layout.placedCount(), placed, placements, -ranks, -changesFrom(this.problem, layout)];
    this.quickCache.set(key, score);
    return score;
  }

  /**
   * The judgement, or null when the layout is sure to score below `floor`:
   * its clubs placed and children reached (exact, see reach.ts) already fall
   * short, so the engine is not asked. A layout turned away counts as an
   * evaluation the first time, exactly as a judged one, and a later exact
   * judgement of it counts as a cache hit, so the search walks the same path
   * and spends its budget the same as if every layout were judged.
   */
  async judgeAbove(layout: Layout, floor: Score): Promise<Judgement | null> {
    const key = layout.signature();
    if (this.cache.has(key)) return this.judge(layout);
    const placed = layout.placedCount();
    const seen = this.reached.has(key);
    // -1: not known (not needed yet, or pins make it unknown).
    let children = this.reached.get(key) ?? -1;
    let below = placed < floor[0];
    if (placed === floor[0]) {
      if (children < 0) children = childrenReached(this.problem, layout);
      below = children >= 0 && children < floor[1];
    }
    if (below) {
      if (seen) this.cacheHits++;
      else [this.evaluations, this.turnedAway] = [this.evaluations + 1, this.turnedAway + 1];
      this.reached.set(key, children);
      return null;
    }
    if (seen) {
      // Counted when it was turned away: judging it now is the cache hit it would have been.
      this.evaluations--;
      this.cacheHits++;
      this.reached.delete(key);
    }
    return this.judge(layout);
  }

  async judge(layout: Layout): Promise<Judgement> {
    const key = layout.signature();
    let found = this.cache.get(key);
    if (found === undefined) {
      const started = this.clock();
      const { result } = await allocate(allocationInstance(this.problem, layout, this.seed), { mechanism: "optimal" });
      const ms = this.clock() - started;
      this.engineMs += ms;
      this.exactMs += ms;
      this.engineCalls++;
      this.evaluations++;
      found = { metrics: result.metrics, ...unmetDemand(this.problem, result) };
      this.cache.set(key, found);
    } else this.cacheHits++;
    const m = found.metrics;
    return {
      score: [layout.placedCount(), m.placedStudents, m.placements, -m.sumOfRanks, -changesFrom(this.problem, layout)],
      ...found,
    };
  }
}

function unmetDemand(problem: Problem, result: Result): Pick<Judgement, "wanting" | "wantSlots" | "full"> {
  const { nSlots, stays, instance } = problem;
  const wanting = new Int32Array(problem.clubs.length);
  const wantSlots = new Int32Array(problem.clubs.length * nSlots);
  const clubIndex = new Map(instance.clubs.map((c, i) => [c.id, i]));
  instance.students.forEach((s, u) => {
    const got = result.assignments[s.id];
    const worst = got.reduce((w, id) => Math.max(w, s.choices.indexOf(id)), -1);
    s.choices.forEach((id, r) => {
      if (got.includes(id) || (got.length >= s.maxClubs && r > worst)) return;
      const c = clubIndex.get(id)!;
      const grades = instance.clubs[c].grades;
      if (grades !== undefined && !grades.includes(s.grade)) return;
      wanting[c]++;
      for (let t = 0; t < nSlots; t++) if (stays[u * nSlots + t]) wantSlots[c * nSlots + t]++;
    });
  });
  const size = new Int32Array(problem.clubs.length);
  for (const held of Object.values(result.assignments)) for (const id of held) size[clubIndex.get(id)!]++;
  const full = Uint8Array.from(problem.clubs, (spec, c) => (size[c] >= spec.capacity ? 1 : 0));
  return { wanting, wantSlots, full };
}
