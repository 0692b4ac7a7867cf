// `kehou backup` while the app takes writes: every backup must open and pass
// an integrity check (issue 9).
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import Database from "better-sqlite3";
import autocannon from "autocannon";
import { projectRoot } from "../../src/config";
import { startKehou } from "../support/processes";

async function main(): Promise<void> {
  const kehou = await startKehou(4102);
  const dir = mkdtempSync(join(tmpdir(), "kehou-backup-"));
  try {
    // Write load: each cookie-less GET /login stores a new session (for its CSRF token).
    const load = autocannon({ url: `${kehou.url}/login`, connections: 30, duration: 12 });
    const results: string[] = [];
    for (let i = 0; i < 5; i++) {
      await new Promise((r) => setTimeout(r, 1500));
      const out = join(dir, `backup-${i}.sqlite`);
      const t0 = Date.now();
      const res = spawnSync(process.execPath, [join(projectRoot(), "bin", "kehou.js"), "backup", "--out", out], {
        env: { ...process.env, DATABASE_URL: kehou.databaseUrl },
        encoding: "utf8",
      });
      const db = new Database(out, { readonly: true });
      const integrity = db.pragma("integrity_check", { simple: true });
      const students = (db.prepare("SELECT COUNT(*) AS n FROM student").get() as { n: number }).n;
      db.close();
      results.push(
        `backup ${i}: exit ${res.status}, ${Date.now() - t0} ms, integrity ${String(integrity)}, ${students} students`,
      );
    }
    const done = await load;
    console.log(`write load: ${Math.round(done.requests.average)} req/s (each one a session row written)`);
    for (const line of results) console.log(line);
  } finally {
    await kehou.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
