// Benchmarks drive real processes over loopback: the Kehou server as `npm
// start` runs it, and a bare Express hello-world as the yardstick.
import { spawn, spawnSync, ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { projectRoot } from "../../src/config";

export interface Running {
  url: string;
  proc: ChildProcess;
  stop(): Promise<void>;
}

async function waitFor(url: string, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not come up`);
}

function stopper(proc: ChildProcess) {
  return () =>
    new Promise<void>((resolve) => {
      if (proc.exitCode !== null) return resolve();
      proc.once("exit", () => resolve());
      proc.kill("SIGTERM");
    });
}

export function tempSqliteUrl(): string {
  return `sqlite:${join(mkdtempSync(join(tmpdir(), "kehou-bench-")), "bench.sqlite")}`;
}

export async function startKehou(
  port: number,
  databaseUrl = tempSqliteUrl(),
): Promise<Running & { databaseUrl: string }> {
  // Development: the demo school these benches log in to is seeded only there, never under NODE_ENV=production.
  const env = {
    ...process.env,
    PORT: String(port),
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: "warn",
    SESSION_SECRET: "bench-secret-bench-secret",
    NODE_ENV: "development",
    PUBLIC_URL: `http://127.0.0.1:${port}`,
  };
  // npm start's seed step (the server itself never seeds): the demo school on an empty database.
  const seeded = spawnSync(process.execPath, [join(projectRoot(), "dist", "seeds", "cli.js"), "start"], {
    env,
    stdio: ["ignore", "ignore", "inherit"],
  });
  if (seeded.status !== 0) throw new Error(`the demo seed step failed with ${seeded.status}`);
  const proc = spawn(process.execPath, [join(projectRoot(), "dist", "src", "server.js")], {
    env,
    stdio: ["ignore", "ignore", "inherit"],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`${url}/healthz`, 120_000);
  return { url, proc, databaseUrl, stop: stopper(proc) };
}

export async function startHelloWorld(port: number): Promise<Running> {
  const code = `const e=require(${JSON.stringify(join(projectRoot(), "node_modules", "express"))});const a=e();a.get("/",(q,s)=>s.send("hello world"));a.listen(${port},"127.0.0.1");`;
  const proc = spawn(process.execPath, ["-e", code], { stdio: "ignore" });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(url);
  return { url, proc, stop: stopper(proc) };
}

// Express + DB session + helmet + EJS with no page data (bench/pages/stack-floor.ts),
// signed in: the most any page of this stack can reach.
export async function startStackFloor(port: number, bytes: number): Promise<Running & { cookie: string }> {
  const file = join(mkdtempSync(join(tmpdir(), "kehou-floor-")), "floor.sqlite");
  const proc = spawn(
    process.execPath,
    [join(projectRoot(), "dist", "bench", "pages", "stack-floor.js"), String(port), file, String(bytes)],
    { stdio: ["ignore", "ignore", "inherit"] },
  );
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`${url}/login`);
  const cookie = ((await fetch(`${url}/login`)).headers.get("set-cookie") ?? "").split(";")[0];
  return { url, proc, cookie, stop: stopper(proc) };
}

// Logs in through the real form and returns the session cookie.
export async function loginCookie(base: string, form: Record<string, string>): Promise<string> {
  const page = await fetch(`${base}/login`);
  const cookie = (page.headers.get("set-cookie") ?? "").split(";")[0];
  const token = /name="_csrf" value="([^"]+)"/.exec(await page.text())![1];
  const res = await fetch(`${base}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie },
    body: new URLSearchParams({ ...form, _csrf: token }).toString(),
  });
  if (res.status !== 302) throw new Error(`login failed: ${res.status}`);
  // The session cookie, not the device cookie set beside it (http/auth/device-cookie.ts).
  const session = res.headers.getSetCookie().find((c) => c.startsWith("kehou.sid="));
  if (!session) throw new Error("login set no session cookie");
  return session.split(";")[0];
}

// A family must accept the privacy notice before any other page answers 200.
export async function acceptPrivacy(base: string, cookie: string): Promise<void> {
  const page = await fetch(`${base}/privacy`, { headers: { cookie } });
  const token = /name="_csrf" value="([^"]+)"/.exec(await page.text())![1];
  await fetch(`${base}/privacy/accept`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie },
    body: new URLSearchParams({ accept: "1", _csrf: token }).toString(),
  });
}
