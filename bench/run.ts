// `npm run bench`: every benchmark in turn; each prints its own figures.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";

const BENCHES = [
  "allocation/run.js",
  "proposer/run.js",
  "feeds/run.js",
  "pages/run.js",
  "pages/admin-home.js",
  "load/run.js",
  "faults/backup-under-load.js",
  "faults/kill.js",
  "hostile/flood.js",
  "imports/run.js",
  "outbox/run.js",
];
const only = process.argv[2];
for (const bench of BENCHES.filter((b) => !only || b.includes(only))) {
  const file = join(__dirname, bench);
  if (!existsSync(file)) {
    console.log(`\n== ${bench}: not built`);
    continue;
  }
  console.log(`\n== ${bench}`);
  spawnSync(process.execPath, ["--max-old-space-size=2048", file], { stdio: "inherit" });
}
