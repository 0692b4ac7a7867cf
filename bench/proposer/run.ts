// `node dist/bench/proposer/run.js [--quick] [--budget N]`: the timetable proposer's figures.
// (--quick: one generated school instead of two.)
// For generated schools (1,500 children, 60 clubs, 10 club slots over the
// week) and the demo school: children with a club, placements and sum of
// ranks under the proposal against (a) the current draft, (b) a greedy layout
// putting each club in the first slots that fit, (c) the best of 100 random
// feasible layouts, all judged by the same exact allocation; time to the
// first feasible layout and to the final proposal (goal: 60 clubs < 60 s on
// 2 cores); the best objective over evaluations, and where it stops improving.
// Prints figures and ratios; asserts nothing.

import { loadavg, cpus } from "node:os";
import {
  baselineLayouts,
  bindings,
  propose,
  type ProposalInstance,
  type ProposalMetrics,
  type ProposalResult,
  type Score,
} from "../../src/proposer/core";
import { demoInstance } from "./demo-instance";
import { generateSchool } from "./generate";

const quick = process.argv.includes("--quick");
const budgetFlag = process.argv.indexOf("--budget");
const budget = budgetFlag > 0 ? Number(process.argv[budgetFlag + 1]) : undefined;
const RANDOM_LAYOUTS = 100;
const CHECKPOINTS = [1, 10, 25, 50, 100, 200, 400, 600, 800, 1200, 1600];
/** The issue's target for a 60-club school on a 2-core machine like CI's. */
const TARGET_S = 60;
const TOP_BINDINGS = 5;

function row(name: string, m: ProposalMetrics, base?: ProposalMetrics): string {
  const ratio = base ? (m.placedStudents / base.placedStudents).toFixed(3) : "";
  return `${name.padEnd(22)} ${`${m.placedClubs}/${m.clubs}`.padStart(7)} ${String(m.placedStudents).padStart(9)} ${String(m.placements).padStart(11)} ${String(m.sumOfRanks).padStart(13)} ${(m.placements ? (m.sumOfRanks / m.placements).toFixed(2) : "-").padStart(10)} ${ratio.padStart(10)}`;
}

async function bench(name: string, instance: ProposalInstance): Promise<void> {
  console.log(`\n== ${name}`);
  console.log(
    `load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")} on ${cpus().length} cores (other sessions share this machine)`,
  );
  const t0 = performance.now();
  const baselines = await baselineLayouts(instance, { randomLayouts: RANDOM_LAYOUTS });
  const baselineMs = performance.now() - t0;
  const curve: { evaluations: number; best: Score; ms: number }[] = [];
  const t1 = performance.now();
  const cpu0 = process.cpuUsage();
  const run = await propose(instance, {
    budget,
    onProgress: ({ evaluations, best }) => curve.push({ evaluations, best, ms: performance.now() - t1 }),
  });
  const wallMs = performance.now() - t1;
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const base = baselines[0].metrics;
  console.log(
    `${"layout".padEnd(22)} ${"clubs".padStart(7)} ${"children".padStart(9)} ${"placements".padStart(11)} ${"sum of ranks".padStart(13)} ${"mean rank".padStart(10)} ${`vs ${baselines[0].name}`.padStart(10)}`,
  );
  const labels: Record<string, string> = {
    current: "(a) current draft",
    "first-feasible": "(b) first feasible",
    "best-random": `(c) best of ${RANDOM_LAYOUTS} random`,
  };
  for (const b of baselines) console.log(row(labels[b.name], b.metrics, base));
  console.log(row("proposal", run.result.metrics, base));
  const d = run.diagnostics;
  const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  console.log(
    `time to first feasible layout: ${d.firstFeasibleMs.toFixed(0)} ms; to the final proposal: ${seconds(wallMs)} wall, ${seconds(cpuMs)} CPU = ${((cpuMs / 1000 / TARGET_S) * 100).toFixed(0)} % of the ${TARGET_S} s target (baselines took ${seconds(baselineMs)} more)`,
  );
  console.log(
    `work: ${d.evaluations} evaluations (${d.turnedAway} settled by children reached alone, ${d.evaluations - d.turnedAway} by the engine at ${(d.engineMs / Math.max(1, d.evaluations - d.turnedAway)).toFixed(1)} ms each, ${((100 * d.engineMs) / wallMs).toFixed(0)} % of the wall time), ${d.cacheHits} cache hits; start from ${d.start}`,
  );
  console.log(
    `unplaced: ${run.result.unplacedClubs.map((u) => `${u.club} (${u.reason})`).join(", ") || "none"}; changes to the current draft: ${run.result.metrics.changes} sessions`,
  );
  console.log("improvement curve: best [clubs, children, placements, −sum of ranks, −changes] after N evaluations");
  for (const at of CHECKPOINTS) {
    const point = [...curve].reverse().find((p) => p.evaluations <= at);
    if (point && at <= d.evaluations)
      console.log(`  ${String(at).padStart(5)} (${seconds(point.ms).padStart(7)}): ${JSON.stringify(point.best)}`);
  }
  const last = d.improvements[d.improvements.length - 1];
  const lastAt = curve.find((p) => p.evaluations >= last.evaluation);
  console.log(
    `last improvement at evaluation ${last.evaluation} of ${d.evaluations}${lastAt ? ` (${seconds(lastAt.ms)})` : ""}: ${JSON.stringify(last.score)}`,
  );
  printBindings(instance, run.result);
}

function printBindings(instance: ProposalInstance, result: ProposalResult): void {
  const t = performance.now();
  const all = bindings(instance, result, Infinity);
  const ms = performance.now() - t;
  const perKind = new Map<string, number>();
  for (const b of all) perKind.set(b.kind, (perKind.get(b.kind) ?? 0) + 1);
  console.log(
    `binding constraints (${ms.toFixed(0)} ms): ${[...perKind].map(([k, n]) => `${k} ${n}`).join(", ") || "none"}`,
  );
  for (const b of all.slice(0, TOP_BINDINGS)) {
    const { kind, ...params } = b;
    console.log(`  ${kind}: ${JSON.stringify(params)}`);
  }
}

async function main(): Promise<void> {
  const seeds = quick ? [1] : [1, 2];
  for (const seed of seeds)
    await bench(
      `generated school ${seed}: 1,500 children, 60 clubs, 10 club slots`,
      generateSchool({ students: 1500, clubs: 60, seed }),
    );
  const demo = demoInstance();
  await bench(`demo school (${demo.note})`, demo.instance);
}

void main();
