// Calendar feed throughput (issue 7): a teacher's full-term feed, served by
// the real server, against a bare Express hello-world in the same run; the
// target is at least half its request rate. Also: 304 revalidations, a cold
// build, the per-request checks, and the feed route mounted first, ahead of the
// app's middleware (feed-server.ts), as the figure for that proposed wiring.
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { dataSourceFor as createDataSource } from "../../src/database";
import { contextByToken } from "../../src/feeds/context-store";
import { buildFeed } from "../../src/feeds/build-feed";
import { changeStamp } from "../../src/db/change-stamp";
import { Staff, Timetable } from "../../src/db/entities";
import { loginCookie, startHelloWorld, startKehou, Running } from "../support/processes";
import { measure, report, Figure } from "../support/measure";

const ROUNDS = 2;
const SECONDS = 8;

// CPU the server process spent (user + system, in clock ticks of 10 ms), from
// /proc: unlike requests per second it hardly moves when other work shares the machine.
function cpuTicks(pid: number | undefined): number | null {
  const file = `/proc/${pid}/stat`;
  if (pid === undefined || !existsSync(file)) return null;
  const fields = readFileSync(file, "utf8").split(") ")[1].split(" ");
  return Number(fields[11]) + Number(fields[12]);
}

interface Timed {
  figure: Figure;
  cpuUsPerRequest: number | null;
}

async function timed(server: Running, name: string, url: string, headers?: Record<string, string>): Promise<Timed> {
  const before = cpuTicks(server.proc.pid);
  const figure = await measure(name, url, { headers, seconds: SECONDS });
  const after = cpuTicks(server.proc.pid);
  const requests = figure.rps * SECONDS;
  return {
    figure,
    cpuUsPerRequest:
      before === null || after === null || requests === 0 ? null : ((after - before) * 10_000) / requests,
  };
}

async function startFeedServer(port: number, databaseUrl: string): Promise<Running> {
  const proc = spawn(process.execPath, [join(__dirname, "feed-server.js")], {
    env: { ...process.env, PORT: String(port), DATABASE_URL: databaseUrl },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    try {
      await fetch(`${url}/feeds/x.ics`);
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    url,
    proc,
    stop: () =>
      new Promise<void>((resolve) => {
        proc.once("exit", () => resolve());
        proc.kill("SIGTERM");
      }),
  };
}

// The teacher with the most sessions in the published week: the largest teacher feed.
async function busiestTeacher(databaseUrl: string) {
  const ds = createDataSource(databaseUrl);
  await ds.initialize();
  try {
    const [timetable] = await ds.getRepository(Timetable).find({ take: 1 });
    const counts = new Map<number, number>();
    for (const e of (timetable.published ?? []) as { staffId: number | null }[])
      if (e.staffId) counts.set(e.staffId, (counts.get(e.staffId) ?? 0) + 1);
    const [id, sessions] = [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0];
    const staff = await ds.getRepository(Staff).findOneByOrFail({ id });
    return { id, sessions, name: staff.staffNumber };
  } finally {
    await ds.destroy();
  }
}

// In this process: what a cache miss costs, what every request pays to learn
// that nothing was written, and what it pays after a write to re-check the feed's data version.
async function inProcessFigures(databaseUrl: string, staffId: number, token: string) {
  const ds = createDataSource(databaseUrl);
  await ds.initialize();
  try {
    const time = async (n: number, work: () => Promise<unknown>) => {
      await work();
      const start = process.hrtime.bigint();
      for (let i = 0; i < n; i++) await work();
      return Number(process.hrtime.bigint() - start) / n / 1e6;
    };
    return {
      teacherBuildMs: await time(20, () => buildFeed(ds, { kind: "staff", id: staffId })),
      schoolBuildMs: await time(3, () => buildFeed(ds, { kind: "school", id: 0 })),
      stampMs: await time(20_000, () => changeStamp(ds)),
      versionQueryMs: await time(2000, () => contextByToken(ds, token)),
    };
  } finally {
    await ds.destroy();
  }
}

async function main(): Promise<void> {
  const hello = await startHelloWorld(4210);
  const kehou = await startKehou(4211);
  let early: Running | undefined;
  try {
    const teacher = await busiestTeacher(kehou.databaseUrl);
    const admin = await loginCookie(kehou.url, {
      mode: "staff",
      email: "admin@kehou.demo",
      password: "kehou-demo-2026",
    });
    const page = await (await fetch(`${kehou.url}/feeds/staff/${teacher.id}`, { headers: { cookie: admin } })).text();
    const path = new URL(/id="feed-url"[^>]*value="([^"]+)"/.exec(page)![1]).pathname;
    const probe = await fetch(kehou.url + path);
    const body = await probe.text();
    const etag = probe.headers.get("etag")!;
    if (probe.status !== 200 || !body.startsWith("BEGIN:VCALENDAR")) throw new Error(`feed answered ${probe.status}`);
    early = await startFeedServer(4212, kehou.databaseUrl);

    const inProcess = await inProcessFigures(
      kehou.databaseUrl,
      teacher.id,
      path.slice("/feeds/".length, -".ics".length),
    );
    console.log(
      `teacher ${teacher.name}: ${teacher.sessions} weekly sessions, ${body.split("BEGIN:VEVENT").length - 1} events, ${Buffer.byteLength(body)} bytes of ICS`,
    );
    console.log(
      `cold build (cache miss): teacher ${inProcess.teacherBuildMs.toFixed(1)} ms, whole school ${inProcess.schoolBuildMs.toFixed(0)} ms`,
    );
    console.log(
      `every request: change-stamp check ${(inProcess.stampMs * 1000).toFixed(1)} µs; after any write: token + data-version query ${(inProcess.versionQueryMs * 1000).toFixed(0)} µs`,
    );

    const ratios: number[] = [];
    const firstRatios: number[] = [];
    const cpuRatios: number[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      console.log(`\nround ${round}`);
      const baseline = await timed(hello, "express hello-world", hello.url);
      const runs = [
        await timed(kehou, "teacher feed 200 (app)", kehou.url + path),
        await timed(kehou, "teacher feed 304 (app)", kehou.url + path, { "if-none-match": etag }),
        await timed(early, "teacher feed 200 (mounted first)", early.url + path),
        await timed(early, "teacher feed 304 (mounted first)", early.url + path, { "if-none-match": etag }),
      ];
      report(
        runs.map((r) => r.figure),
        baseline.figure,
      );
      console.log("server CPU per request:");
      for (const r of [baseline, ...runs]) {
        const cpu = r.cpuUsPerRequest;
        const ratio =
          cpu && baseline.cpuUsPerRequest
            ? ` (hello-world's CPU / this: ${(baseline.cpuUsPerRequest / cpu).toFixed(2)})`
            : "";
        console.log(`  ${r.figure.name.padEnd(34)} ${cpu === null ? "n/a" : `${cpu.toFixed(0)} µs`}${ratio}`);
      }
      ratios.push(runs[0].figure.rps / baseline.figure.rps);
      firstRatios.push(runs[2].figure.rps / baseline.figure.rps);
      if (runs[0].cpuUsPerRequest && baseline.cpuUsPerRequest)
        cpuRatios.push(baseline.cpuUsPerRequest / runs[0].cpuUsPerRequest);
    }
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    console.log(
      `\nteacher feed (app) / hello-world, requests per second: ${ratios.map((r) => r.toFixed(2)).join(", ")}; mean ${mean(ratios).toFixed(2)} (target ≥ 0.50: ${mean(ratios) >= 0.5 ? "met" : "NOT met"})`,
    );
    console.log(
      `teacher feed (mounted first) / hello-world: ${firstRatios.map((r) => r.toFixed(2)).join(", ")}; mean ${mean(firstRatios).toFixed(2)} (target ≥ 0.50: ${mean(firstRatios) >= 0.5 ? "met" : "NOT met"})`,
    );
    if (cpuRatios.length)
      console.log(
        `app figure by server CPU per request (steadier on a busy machine): ${cpuRatios.map((r) => r.toFixed(2)).join(", ")}; mean ${mean(cpuRatios).toFixed(2)}`,
      );
    console.log("(every answer in the 304 rows is a 304 Not Modified, which autocannon counts as non-2xx)");
  } finally {
    await early?.stop();
    await kehou.stop();
    await hello.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
