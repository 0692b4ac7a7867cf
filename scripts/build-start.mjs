#!/usr/bin/env node
// `npm start`'s build: only what changed. Skips tsc when no TypeScript source
// (src, test, bench, seeds) nor tsconfig.json is newer than the last start's
// build; otherwise an incremental tsc (its state in dist/.tsbuildinfo), with
// progress lines so a first build (about a minute on two cores) does not look hung.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(fileURLToPath(import.meta.url), "..", "..");
const info = join(root, "dist", ".tsbuildinfo");

function newestSource() {
  let newest = statSync(join(root, "tsconfig.json")).mtimeMs;
  const walk = (dir) => {
    if (!existsSync(dir)) return;
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(ts|json)$/.test(e.name)) newest = Math.max(newest, statSync(p).mtimeMs);
    }
  };
  for (const d of ["src", "test", "bench", "seeds"]) walk(join(root, d));
  return newest;
}

const started = Date.now();
if (
  existsSync(info) &&
  existsSync(join(root, "dist", "src", "server.js")) &&
  newestSource() <= statSync(info).mtimeMs
) {
  process.stdout.write("kehou: the build in dist/ is current; not compiling\n");
  process.exit(0);
}
process.stdout.write(
  existsSync(info)
    ? "kehou: compiling what changed since the last start (incremental)…\n"
    : "kehou: compiling the TypeScript (first start: about a minute on two cores; later starts only what changed)…\n",
);
const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
const res = spawnSync(process.execPath, [tsc, "-p", "tsconfig.json", "--incremental", "--tsBuildInfoFile", info], {
  cwd: root,
  stdio: "inherit",
});
if (res.status !== 0) process.exit(res.status ?? 1);
process.stdout.write(`kehou: compiled in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
