// Issue 9: SIGKILL the server in the middle of (a) an allocation run, (b) an
// import commit, (c) an allocation publish, (d) a timetable publish, restart
// it on the same database and check the earlier published result is intact
// and the interrupted work is complete or absent, never half-done. Runs on a
// fresh SQLite file, and on a scratch PostgreSQL database when BENCH_PG_URL or
// TEST_PG_URL is set. Prints delay → outcome per action and database.
import type { DataSource } from "typeorm";
import { openDatabase } from "../../src/database";
import { AuditEntry } from "../../src/db/entities";
import { AllocationRun } from "../../src/allocation/entities";
import { seedDemoChoices } from "../../seeds/demo-choices";
import { loginCookie } from "../support/processes";
import { scratchDatabases, ScratchDb } from "../support/scratch-db";
import { startServer } from "../load/server";
import { postForm } from "../load/http";
import { checkImport, checkPublish, checkRun, publishedIntact } from "./kill-checks";
import { commitBatch, uploadStudents } from "./kill-import";
import { timetablePublishKills } from "./kill-timetable";
import { csrf, killDuring, PORT, World } from "./kill-world";

const DELAYS = (process.env.KILL_DELAYS ?? "0,5,20,50,100,250").split(",").map(Number);
// Timetable publishes are killed at these fractions of one measured publish.
const FRACTIONS = (process.env.KILL_FRACTIONS ?? "0,0.1,0.25,0.4,0.55,0.7,0.85,1,1.3").split(",").map(Number);
const REASON = "bench fault test: publish despite policy warnings";

const maxId = async (ds: DataSource, entity: typeof AllocationRun | typeof AuditEntry) =>
  (await ds.getRepository(entity).maximum("id")) ?? 0;

async function createRun(w: World, seed: number): Promise<number> {
  const token = await csrf(w, `/admin/rounds/${w.roundId}/runs`);
  const res = await postForm(w.server.url, `/admin/rounds/${w.roundId}/runs`, w.cookie, [
    ["_csrf", token],
    ["mechanism", "optimal"],
    ["seed", String(seed)],
    ["note", ""],
  ]);
  const id = /\/admin\/runs\/(\d+)/.exec(res.location ?? "")?.[1];
  if (!id) throw new Error(`run not created: ${res.status}`);
  return Number(id);
}

async function publish(w: World, runId: number, token?: string): Promise<number> {
  const res = await postForm(w.server.url, `/admin/runs/${runId}/publish`, w.cookie, [
    ["_csrf", token ?? (await csrf(w, `/admin/runs/${runId}`))],
    ["overrideReason", REASON],
  ]);
  return res.status;
}

async function faultsOn(db: ScratchDb): Promise<string[]> {
  const url = db.url;
  console.log(`\n-- ${db.kind}`);
  const w: World = { url, ds: null as never, server: await startServer(PORT, url), cookie: "", roundId: 0 };
  w.ds = await openDatabase(url);
  try {
    w.cookie = await loginCookie(w.server.url, {
      mode: "staff",
      email: "admin@kehou.demo",
      password: "kehou-demo-2026",
    });
    const { round } = await seedDemoChoices(w.ds, { students: 900 });
    w.roundId = round.id;
    let t = performance.now();
    const run1 = await createRun(w, 1);
    const runMs = Math.round(performance.now() - t);
    t = performance.now();
    const status = await publish(w, run1);
    console.log(
      `setup: round ${round.id}; run ${run1} took ${runMs} ms over HTTP; publishing it took ${Math.round(performance.now() - t)} ms (HTTP ${status})`,
    );
    const first = await publishedIntact(w.ds, round.id, run1);
    if (first) throw new Error(`first publish is not whole: ${first}`);
    const rows: string[] = [];
    const row = (action: string, delay: number, http: string, outcome: string, intact: string | null) =>
      rows.push(
        `${action.padEnd(16)} ${String(delay).padStart(6)}  ${http.padEnd(10)} ${outcome.padEnd(12)} ${intact ?? "intact"}`,
      );

    // (a) allocation run; the published run 1 must stay as it was.
    for (const delay of DELAYS) {
      const [afterRun, afterAudit] = [await maxId(w.ds, AllocationRun), await maxId(w.ds, AuditEntry)];
      const token = await csrf(w, `/admin/rounds/${w.roundId}/runs`);
      const http = await killDuring(w, delay, () =>
        postForm(w.server.url, `/admin/rounds/${w.roundId}/runs`, w.cookie, [
          ["_csrf", token],
          ["mechanism", "optimal"],
          ["seed", String(100 + delay)],
        ]),
      );
      row(
        "allocation run",
        delay,
        http,
        await checkRun(w.ds, afterRun, afterAudit),
        await publishedIntact(w.ds, w.roundId, run1),
      );
    }

    // (b) import commit of 300 new students; an earlier committed import must stay whole.
    const earlier = await uploadStudents(w, "first");
    t = performance.now();
    await commitBatch(w, earlier);
    console.log(
      `setup: committing a ${earlier.numbers.length}-row import took ${Math.round(performance.now() - t)} ms`,
    );
    const earlierState = await checkImport(w.ds, earlier.batchId, earlier.numbers, earlier.familyKeys);
    console.log(`setup: earlier import batch ${earlier.batchId}: ${earlierState}`);
    for (const delay of DELAYS) {
      const batch = await uploadStudents(w, `d${delay}`);
      const token = await csrf(w, `/admin/import/batch/${batch.batchId}`);
      const http = await killDuring(w, delay, () => commitBatch(w, batch, token));
      const before = await checkImport(w.ds, earlier.batchId, earlier.numbers, earlier.familyKeys);
      row(
        "import commit",
        delay,
        http,
        await checkImport(w.ds, batch.batchId, batch.numbers, batch.familyKeys),
        before === "complete" ? null : `earlier import: ${before}`,
      );
    }

    // (c) publish: flip between two complete runs; the other one is "previously published".
    const run2 = await createRun(w, 2);
    let published = run1;
    for (const delay of DELAYS) {
      const target = published === run1 ? run2 : run1;
      const afterAudit = await maxId(w.ds, AuditEntry);
      const token = await csrf(w, `/admin/runs/${target}`);
      const http = await killDuring(w, delay, () => publish(w, target, token));
      const outcome = await checkPublish(w.ds, w.roundId, target, published, afterAudit);
      row(
        "publish",
        delay,
        http,
        outcome,
        outcome === "absent" ? await publishedIntact(w.ds, w.roundId, published) : null,
      );
      if (outcome === "complete") published = target;
    }

    // (d) timetable publish; the snapshot published before must stay whole, the draft untouched.
    await timetablePublishKills(w, FRACTIONS, row);
    return rows;
  } finally {
    await w.ds.destroy();
    await w.server.stop();
  }
}

function report(kind: string, rows: string[]): number {
  console.log(
    `\n[${kind}] ${"action".padEnd(16)} ${"delay ms".padStart(6)}  ${"HTTP".padEnd(10)} ${"outcome".padEnd(12)} previously published / draft`,
  );
  for (const r of rows) console.log(`[${kind}] ${r}`);
  const count = (word: string) => rows.filter((r) => r.includes(` ${word} `)).length;
  const half = rows.filter((r) => r.includes("HALF-DONE") || !r.endsWith("intact"));
  console.log(
    `[${kind}] ${rows.length} kills: ${count("complete")} complete, ${count("absent")} absent, ${half.length} half-done or damaged`,
  );
  return half.length;
}

async function main(): Promise<void> {
  let bad = 0;
  for (const db of await scratchDatabases()) {
    try {
      bad += report(db.kind, await faultsOn(db));
    } finally {
      await db.drop();
    }
  }
  console.log(bad ? `\n${bad} HALF-DONE or damaged outcomes` : "\nno half-done outcome");
  if (bad) process.exitCode = 1;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
