// The real server (dist/src/server.js) like bench/support/processes.ts starts
// it, but with stderr captured: the load and fault scripts grep it for
// "database is locked" and 5xx traces, and the fault script SIGKILLs it.
import { spawn, ChildProcess } from "node:child_process";
import { join } from "node:path";
import { projectRoot } from "../../src/config";

export interface Server {
  url: string;
  proc: ChildProcess;
  stderr: () => string;
  kill(): Promise<void>;
  stop(): Promise<void>;
}

async function waitUp(url: string, proc: ChildProcess, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (proc.exitCode !== null) throw new Error(`server exited with ${proc.exitCode} before answering`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`${url} did not come up`);
}

export async function startServer(port: number, databaseUrl: string): Promise<Server> {
  // Development: the demo school these benches log in to is seeded only there, never under NODE_ENV=production.
  const proc = spawn(process.execPath, [join(projectRoot(), "dist", "src", "server.js")], {
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      LOG_LEVEL: "warn",
      SESSION_SECRET: "bench-secret-bench-secret",
      NODE_ENV: "development",
      PUBLIC_URL: `http://127.0.0.1:${port}`,
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let err = "";
  proc.stderr.on("data", (b: Buffer) => {
    err += b.toString();
  });
  const exited = new Promise<void>((resolve) => proc.once("exit", () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  await waitUp(`${url}/healthz`, proc, 180_000);
  const signal = (sig: NodeJS.Signals) => async () => {
    if (proc.exitCode === null && proc.signalCode === null) proc.kill(sig);
    await exited;
  };
  return { url, proc, stderr: () => err, kill: signal("SIGKILL"), stop: signal("SIGTERM") };
}
