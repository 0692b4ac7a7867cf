// Issue 9: SIGKILL the server in the middle of (a) an allocation run, (b) an
// import commit, (c) a publish, restart it on the same SQLite database and
// check the earlier published result is intact and the interrupted work is
// complete or absent, never half-done. Prints delay → outcome per action.
import type { DataSource } from "typeorm";
import { openDatabase } from "../../src/db/open";
import { AuditEntry } from "../../src/db/entities";
import { AllocationRun } from "../../src/assignment/web/entities";
import { seedDemoChoices } from "../../src/assignment/web/demo-choices";
import { loginCookie, tempSqliteUrl } from "../support/processes";
import { startServer, Server } from "../load/server";
import { getPage, hiddenFields, postForm } from "../load/http";
import { checkImport, checkPublish, checkRun, publishedIntact } from "./kill-checks";
import { commitBatch, uploadStudents } from "./kill-import";

const DELAYS = (process.env.KILL_DELAYS ?? "0,5,20,50,100,250").split(",").map(Number);
const PORT = 4301;
const REASON = "bench fault test: publish despite policy warnings";

interface World { url: string; ds: DataSource; server: Server; cookie: string; roundId: number }

const maxId = async (ds: DataSource, entity: typeof AllocationRun | typeof AuditEntry) => (await ds.getRepository(entity).maximum("id")) ?? 0;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function csrf(w: World, path: string): Promise<string> {
  return hiddenFields((await getPage(w.server.url, path, w.cookie)).html)._csrf;
}

async function createRun(w: World, seed: number): Promise<number> {
  const token = await csrf(w, `/admin/rounds/${w.roundId}/runs`);
  const res = await postForm(w.server.url, `/admin/rounds/${w.roundId}/runs`, w.cookie, [["_csrf", token], ["mechanism", "optimal"], ["seed", String(seed)], ["note", ""]]);
  const id = /\/admin\/runs\/(\d+)/.exec(res.location ?? "")?.[1];
  if (!id) throw new Error(`run not created: ${res.status}`);
  return Number(id);
}

async function publish(w: World, runId: number, token?: string): Promise<number> {
  const res = await postForm(w.server.url, `/admin/runs/${runId}/publish`, w.cookie, [["_csrf", token ?? await csrf(w, `/admin/runs/${runId}`)], ["overrideReason", REASON]]);
  return res.status;
}

// Fires the request, SIGKILLs the server `delay` ms later, restarts it on the same database.
async function killDuring(w: World, delay: number, request: () => Promise<unknown>): Promise<string> {
  const sent = request().then(() => "answered", () => "cut off");
  await sleep(delay);
  await w.server.kill();
  const http = await sent;
  w.server = await startServer(PORT, w.url);
  return http;
}

async function main(): Promise<void> {
  const url = tempSqliteUrl();
  const w: World = { url, ds: null as never, server: await startServer(PORT, url), cookie: "", roundId: 0 };
  w.ds = await openDatabase(url);
  try {
    w.cookie = await loginCookie(w.server.url, { mode: "staff", email: "admin@kehou.demo", password: "kehou-demo-2026" });
    const { round } = await seedDemoChoices(w.ds, { students: 900 });
    w.roundId = round.id;
    let t = performance.now();
    const run1 = await createRun(w, 1);
    const runMs = Math.round(performance.now() - t);
    t = performance.now();
    const status = await publish(w, run1);
    console.log(`setup: round ${round.id}; run ${run1} took ${runMs} ms over HTTP; publishing it took ${Math.round(performance.now() - t)} ms (HTTP ${status})`);
    const first = await publishedIntact(w.ds, round.id, run1);
    if (first) throw new Error(`first publish is not whole: ${first}`);
    const rows: string[] = [];
    const row = (action: string, delay: number, http: string, outcome: string, intact: string | null) =>
      rows.push(`${action.padEnd(16)} ${String(delay).padStart(6)}  ${http.padEnd(10)} ${outcome.padEnd(12)} ${intact ?? "intact"}`);

    // (a) allocation run; the published run 1 must stay as it was.
    for (const delay of DELAYS) {
      const [afterRun, afterAudit] = [await maxId(w.ds, AllocationRun), await maxId(w.ds, AuditEntry)];
      const token = await csrf(w, `/admin/rounds/${w.roundId}/runs`);
      const http = await killDuring(w, delay, () => postForm(w.server.url, `/admin/rounds/${w.roundId}/runs`, w.cookie, [["_csrf", token], ["mechanism", "optimal"], ["seed", String(100 + delay)]]));
      row("allocation run", delay, http, await checkRun(w.ds, afterRun, afterAudit), await publishedIntact(w.ds, w.roundId, run1));
    }

    // (b) import commit of 300 new students; an earlier committed import must stay whole.
    const earlier = await uploadStudents(w, "first");
    t = performance.now();
    await commitBatch(w, earlier);
    console.log(`setup: committing a ${earlier.numbers.length}-row import took ${Math.round(performance.now() - t)} ms`);
    const earlierState = await checkImport(w.ds, earlier.batchId, earlier.numbers, earlier.familyKeys);
    console.log(`setup: earlier import batch ${earlier.batchId}: ${earlierState}`);
    for (const delay of DELAYS) {
      const batch = await uploadStudents(w, `d${delay}`);
      const token = await csrf(w, `/admin/import/batch/${batch.batchId}`);
      const http = await killDuring(w, delay, () => commitBatch(w, batch, token));
      const before = await checkImport(w.ds, earlier.batchId, earlier.numbers, earlier.familyKeys);
      row("import commit", delay, http, await checkImport(w.ds, batch.batchId, batch.numbers, batch.familyKeys), before === "complete" ? null : `earlier import: ${before}`);
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
      row("publish", delay, http, outcome, outcome === "absent" ? await publishedIntact(w.ds, w.roundId, published) : null);
      if (outcome === "complete") published = target;
    }

    console.log(`\n${"action".padEnd(16)} ${"delay ms".padStart(6)}  ${"HTTP".padEnd(10)} ${"outcome".padEnd(12)} previously published`);
    for (const r of rows) console.log(r);
    const half = rows.filter((r) => r.includes("HALF-DONE") || !r.endsWith("intact"));
    console.log(half.length ? `\n${half.length} HALF-DONE or damaged outcomes` : "\nno half-done outcome");
    if (half.length) process.exitCode = 1;
  } finally {
    await w.ds.destroy();
    await w.server.stop();
  }
}

main().catch((err) => { console.error(err); process.exit(1); });
