// `node dist/bench/allocation/run.js [--quick]`: the allocation engine's figures.
//  1. in-process solve, 1,000 children × 30 single-slot clubs   (goal < 20 ms)
//  2. in-process solve, 1,500 children, clubs meeting twice a week, up to
//     3 clubs each (goal < 1 s), cold (first solve: HiGHS loads and its
//     WebAssembly warms up) and warm (as in a running server)
//  3. the whole `kehou allocate` process on 100,000 children × 2,000 clubs
//     (goal < 3 s wall, < 1 GiB max RSS); the instance goes to bench/out/
//  4. beside ours, the exact reference (the whole integer program in HiGHS)
//     on the instances it can handle, as a ratio, with its tuple cross-checked.

import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { allocate, Instance, parseInstance } from "../../src/allocation/core";
import { generateInstance, GenerateOptions } from "./generate";
import { referenceSolve } from "./reference";

const root = resolve(__dirname, "../../..");
const quick = process.argv.includes("--quick");

interface Row {
  name: string;
  ours: string;
  reference: string;
  ratio: string;
  goal: string;
}
const rows: Row[] = [];

/** First run (cold: JIT and, on the integer-program path, HiGHS warm-up), then the median of warm runs. */
async function timeAllocate(instance: Instance, warmup: number, runs: number) {
  const time = async () => {
    const started = performance.now();
    const run = await allocate(instance, { mechanism: "optimal" });
    return { ms: performance.now() - started, run };
  };
  const first = (await time()).ms;
  for (let i = 0; i < warmup; i++) await time();
  const times: number[] = [];
  let last: Awaited<ReturnType<typeof allocate>> | undefined;
  for (let i = 0; i < runs; i++) {
    const t = await time();
    times.push(t.ms);
    last = t.run;
  }
  times.sort((a, b) => a - b);
  return { first, median: times[Math.floor(times.length / 2)], run: last! };
}

async function inProcess(
  name: string,
  options: GenerateOptions,
  goalMs: number,
  runs: [number, number],
  refLimit: number,
) {
  const instance = parseInstance(generateInstance(options));
  const { first, median, run } = await timeAllocate(instance, runs[0], runs[1]);
  const d = run.diagnostics;
  const ref = await referenceSolve(instance, refLimit);
  const same =
    ref.tuple && ref.tuple.join() === d.objective.join() ? "same tuple" : ref.tuple ? "TUPLE DIFFERS" : ref.status;
  rows.push({
    name: `${name} [${d.path}]`,
    ours: `${median.toFixed(1)} ms warm median (first run ${first.toFixed(0)} ms)`,
    reference: ref.tuple ? `${ref.ms.toFixed(0)} ms (${same})` : `${ref.status} after ${ref.ms.toFixed(0)} ms`,
    ratio: ref.tuple ? `${(ref.ms / median).toFixed(0)}× faster` : "—",
    goal: `< ${goalMs} ms: ${median < goalMs ? "met" : "NOT met"}${first >= goalMs ? " (first run: not met)" : ""}`,
  });
  console.error(`${name}: objective ${d.objective.join("/")} timings ${JSON.stringify(d.timings)}`);
}

function wholeProcess(name: string, options: GenerateOptions, goal: { seconds: number; mib: number }) {
  const dir = join(root, "bench", "out");
  mkdirSync(dir, { recursive: true });
  const file = join(
    dir,
    `allocation-${options.students}x${options.clubs}${options.multiSlotShare ? "-multi" : ""}.json`,
  );
  if (!existsSync(file)) writeFileSync(file, JSON.stringify(generateInstance(options)));
  const mb = (statSync(file).size / 1e6).toFixed(1);
  const args = [join(root, "bin", "kehou.js"), "allocate", "--input", file];
  const viaTime = existsSync("/usr/bin/time");
  const out = viaTime
    ? spawnSync("/usr/bin/time", ["-v", process.execPath, ...args], { encoding: "utf8", maxBuffer: 1 << 30 })
    : spawnSync(process.execPath, ["-e", rssWrapper(args)], { encoding: "utf8", maxBuffer: 1 << 30 });
  const wall = viaTime ? parseElapsed(out.stderr) : Number(/wall (\d+)/.exec(out.stderr)?.[1]) / 1000;
  const rssMb =
    Number(
      viaTime ? /Maximum resident set size \(kbytes\): (\d+)/.exec(out.stderr)?.[1] : /rss (\d+)/.exec(out.stderr)?.[1],
    ) / 1024;
  const diag = /diagnostics (\{.*\})/.exec(out.stderr)?.[1];
  rows.push({
    name: `${name} (${mb} MB JSON)${out.status === 0 ? "" : " FAILED"}`,
    ours: `${wall.toFixed(2)} s wall, ${rssMb.toFixed(0)} MiB max RSS`,
    reference: options.students > 50_000 ? "not attempted (design notes: ~190 s)" : "—",
    ratio: "—",
    goal: `< ${goal.seconds} s, < ${goal.mib} MiB: ${wall < goal.seconds && rssMb < goal.mib ? "met" : "NOT met"}`,
  });
  if (diag) console.error(`${name}: ${diag}`);
}

function parseElapsed(stderr: string): number {
  const m = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(stderr);
  return m ? Number(m[1] ?? 0) * 3600 + Number(m[2]) * 60 + Number(m[3]) : NaN;
}

// Without /usr/bin/time: run the CLI inside a child and report its own peak RSS.
function rssWrapper(args: string[]): string {
  return (
    `const t=Date.now();process.argv=[process.argv[0],${JSON.stringify(args[0])},...${JSON.stringify(args.slice(1))}];` +
    `process.on("exit",()=>process.stderr.write("wall "+(Date.now()-t)+" rss "+Math.round(process.resourceUsage().maxRSS)+"\\n"));` +
    `require(${JSON.stringify(args[0])});`
  );
}

async function main() {
  const skewed = { choices: 5, skew: 0.8, seed: 42 } as const;
  await inProcess(
    "1,000 children × 30 single-slot clubs",
    { ...skewed, students: 1000, clubs: 30, periodsPerDay: 1 },
    20,
    [20, 21],
    60,
  );
  await inProcess(
    "1,500 children × 60 clubs (40% twice a week), 1–3 clubs each",
    { ...skewed, students: 1500, clubs: 60, multiSlotShare: 0.4, maxClubs: [1, 3] },
    1000,
    [2, 5],
    120,
  );
  if (!quick) {
    await inProcess(
      "10,000 children × 300 single-slot clubs",
      { ...skewed, students: 10_000, clubs: 300, periodsPerDay: 1 },
      1000,
      [1, 3],
      300,
    );
    wholeProcess(
      "kehou allocate process, 1,500 children multi-slot (cold)",
      { ...skewed, students: 1500, clubs: 60, multiSlotShare: 0.4, maxClubs: [1, 3] },
      { seconds: 1, mib: 1024 },
    );
    wholeProcess(
      "kehou allocate process, 100,000 children × 2,000 clubs",
      { ...skewed, students: 100_000, clubs: 2000, periodsPerDay: 1 },
      { seconds: 3, mib: 1024 },
    );
  }
  const widths = (k: keyof Row) => Math.max(k.length, ...rows.map((r) => r[k].length));
  const line = (r: Row) => (Object.keys(r) as (keyof Row)[]).map((k) => r[k].padEnd(widths(k))).join(" | ");
  console.log(
    line({
      name: "instance",
      ours: "kehou (exact)",
      reference: "HiGHS MILP (exact reference)",
      ratio: "ratio",
      goal: "goal",
    }),
  );
  for (const r of rows) console.log(line(r));
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
