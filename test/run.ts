// One run, one total: mocha over every compiled *.test.js, then the plain
// "N passed, N failed" line CI reads. Suites that need Chromium or PostgreSQL
// decide for themselves (see test/support/env.ts); skips are listed here so
// nothing is skipped silently.
import Mocha from "mocha";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

function findTests(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...findTests(full));
    else if (name.endsWith(".test.js")) out.push(full);
  }
  return out;
}

const filter = process.argv[2];
const mocha = new Mocha({ timeout: 60_000, reporter: process.env.MOCHA_REPORTER ?? "spec" });
for (const file of findTests(__dirname)) {
  if (!filter || file.includes(filter)) mocha.addFile(file);
}

let passed = 0;
let failed = 0;
const pending: string[] = [];
mocha
  .loadFilesAsync()
  .then(() => {
    const runner = mocha.run((failures) => {
      if (pending.length) {
        console.log(`\nSkipped (${pending.length}):`);
        for (const title of pending) console.log(`  - ${title}`);
      }
      console.log(`\n${passed} passed, ${failed} failed`);
      // A run that executed no test is a failure too: something is miswired.
      process.exitCode = failures > 0 || failed > 0 || passed === 0 ? 1 : 0;
      setTimeout(() => process.exit(process.exitCode), 200).unref();
    });
    runner.on("pass", () => passed++);
    runner.on("fail", () => failed++);
    runner.on("pending", (t) => pending.push(t.fullTitle()));
  })
  .catch((err) => {
    console.error(err);
    console.log("\n0 passed, 1 failed");
    process.exit(1);
  });
