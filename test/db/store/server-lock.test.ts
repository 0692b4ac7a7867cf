// One server per SQLite file: a second `npm start` on the same file refuses
// to start and points to PostgreSQL, while the `kehou` commands (backup,
// create-admin, ical) still work against a running server, as the README says.
import { expect } from "chai";
import { spawn, spawnSync, ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync, existsSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createServer } from "node:net";
import { projectRoot } from "../../../src/config";

const root = projectRoot();
const kehou = (args: string[], env: Record<string, string>) =>
  spawnSync(process.execPath, [join(root, "bin", "kehou.js"), ...args], {
    env: { ...process.env, LOG_LEVEL: "silent", ...env },
    encoding: "utf8",
    timeout: 120_000,
  });

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

interface Started {
  proc: ChildProcess;
  stderr: () => string;
  exited: Promise<number | null>;
}

function startServer(env: Record<string, string>, port: number): Started {
  const proc = spawn(process.execPath, [join(root, "dist", "src", "server.js")], {
    env: { ...process.env, LOG_LEVEL: "silent", ...env, PORT: String(port) },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let err = "";
  proc.stderr.on("data", (b: Buffer) => {
    err += b.toString();
  });
  const exited = new Promise<number | null>((resolve) => proc.once("exit", (code) => resolve(code)));
  return { proc, stderr: () => err, exited };
}

// Waits for /healthz, or for the process to end (then says why).
async function up(s: Started, port: number): Promise<void> {
  let ended = false;
  void s.exited.then(() => {
    ended = true;
  });
  for (;;) {
    if (ended) throw new Error(`server exited: ${s.stderr()}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 150));
  }
}

async function stop(s: Started): Promise<void> {
  if (s.proc.exitCode === null && s.proc.signalCode === null) s.proc.kill("SIGTERM");
  await s.exited;
}

describe("one server per SQLite file [sqlite]", function () {
  this.timeout(300_000);
  let dir: string;
  let env: Record<string, string>;
  let first: Started | undefined;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), "kehou-lock-"));
    env = { DATABASE_URL: `sqlite:${join(dir, "k.sqlite")}`, SESSION_SECRET: "lock-test-secret-lock-test" };
    // Seeded once by the command line, so each server start is quick.
    expect(kehou(["seed", "demo"], env).status).to.equal(0);
  });
  afterEach(async () => {
    if (first) await stop(first);
    first = undefined;
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("When a second server starts on the same SQLite file, then it refuses with a message pointing to PostgreSQL and the first keeps serving", async () => {
    const port = await freePort();
    first = startServer(env, port);
    await up(first, port);
    const second = startServer(env, await freePort());
    const code = await second.exited;
    expect(code).to.not.equal(0);
    expect(second.stderr()).to.contain("PostgreSQL");
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).to.equal(200);
  });

  it("When a second server reaches the same SQLite file through a symlink, then it refuses too", async () => {
    const port = await freePort();
    first = startServer(env, port);
    await up(first, port);
    const link = join(dir, "other-name.sqlite");
    if (!existsSync(link)) symlinkSync(join(dir, "k.sqlite"), link);
    const second = startServer({ ...env, DATABASE_URL: `sqlite:${link}` }, await freePort());
    expect(await second.exited).to.not.equal(0);
    expect(second.stderr()).to.contain("PostgreSQL");
  });

  it("When a server is running, then kehou backup, create-admin and ical still work on its database", async () => {
    const port = await freePort();
    first = startServer(env, port);
    await up(first, port);
    const out = join(dir, "copy.sqlite");
    const backup = kehou(["backup", "--out", out], env);
    expect(backup.status, backup.stderr).to.equal(0);
    expect(existsSync(out)).to.equal(true);
    const admin = kehou(["create-admin", "--email", "lock.admin@school.cn", "--password", "a-long-password"], env);
    expect(admin.status, admin.stderr).to.equal(0);
    const ical = kehou(["ical", "--school"], env);
    expect(ical.status, ical.stderr).to.equal(0);
    expect(ical.stdout).to.contain("BEGIN:VCALENDAR");
  });

  it("When the lock was left by a server that died, then a new server takes it over and starts", async () => {
    // A pid no live process has: the largest pid Linux hands out is below 2^22.
    writeFileSync(join(dir, "k.sqlite.lock"), "4194999\n");
    const port = await freePort();
    first = startServer(env, port);
    await up(first, port);
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).to.equal(200);
  });
});
