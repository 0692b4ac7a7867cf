// Issue 9: 200 families submit their choices at the same moment against the
// real server, on SQLite and (with TEST_PG_URL) on PostgreSQL. Checks every
// list is saved exactly once, nothing answers 5xx or "database is locked", and
// two parents of one family racing get one save and one visible conflict.
import { openTestDb, databaseKinds, TestDb } from "../../test/support/databases";
import { Preference } from "../../src/choices/entities";
import { acceptPrivacy, loginCookie, startHelloWorld } from "../support/processes";
import { startServer, Server } from "./server";
import { BenchFamily, BENCH_CODE, prepareFamilies } from "./families";
import { getPage, hiddenFields, percentile, pool, postForm, Answer } from "./http";
import { raceTwoParents } from "./two-parents";

const FAMILIES = 200;

export interface Session {
  family: BenchFamily;
  cookie: string;
  fields: Record<string, string>;
}

export async function openForm(base: string, family: BenchFamily, roundId: number): Promise<Session> {
  const cookie = await loginCookie(base, { mode: "family", studentNumber: family.studentNumber, code: BENCH_CODE });
  await acceptPrivacy(base, cookie);
  let page = await getPage(base, `/choices/${family.studentId}`, cookie);
  // Sent back to /privacy: the acceptance was not stored (reported), try once more.
  if (page.status === 302) {
    await acceptPrivacy(base, cookie);
    page = await getPage(base, `/choices/${family.studentId}`, cookie);
  }
  if (page.status !== 200) throw new Error(`form for ${family.studentNumber}: ${page.status} ${page.location ?? ""}`);
  const fields = hiddenFields(page.html);
  return { family, cookie, fields: { ...fields, roundId: String(roundId) } };
}

export function submit(base: string, s: Session, clubs: number[]): Promise<Answer> {
  return postForm(base, "/choices", s.cookie, [
    ["_csrf", s.fields._csrf],
    ["roundId", s.fields.roundId],
    ["version", s.fields.version ?? "0"],
    ["studentId", String(s.family.studentId)],
    ["weekdays", "1"],
    ["weekdays", "4"],
    ["maxClubs", "1"],
    ...clubs.map((c, i): [string, string] => [`rank${i + 1}`, String(c)]),
  ]);
}

async function concurrentGets(url: string, n: number): Promise<{ total: number; ms: number[] }> {
  const t0 = performance.now();
  const ms = await Promise.all(
    Array.from({ length: n }, async () => {
      const s = performance.now();
      await (await fetch(url)).text();
      return performance.now() - s;
    }),
  );
  return { total: performance.now() - t0, ms };
}

async function runOn(db: TestDb, port: number, helloUrl: string): Promise<void> {
  const server: Server = await startServer(port, db.url);
  try {
    const { round, families } = await prepareFamilies(db.ds, FAMILIES + 1);
    const load = families.slice(0, FAMILIES);
    const t0 = performance.now();
    const sessions = await pool(load, 8, (f) => openForm(server.url, f, round.id));
    console.log(
      `[${db.kind}] ${sessions.length} families logged in through the form and accepted privacy in ${Math.round(performance.now() - t0)} ms`,
    );

    const hello = await concurrentGets(helloUrl, FAMILIES);
    const started = performance.now();
    const answers = await Promise.all(sessions.map((s) => submit(server.url, s, s.family.clubs)));
    const total = performance.now() - started;
    const ms = answers.map((a) => a.ms);
    const byStatus = new Map<number, number>();
    for (const a of answers) byStatus.set(a.status, (byStatus.get(a.status) ?? 0) + 1);
    const saved = await db.ds.getRepository(Preference).findBy({ roundId: round.id });
    const want = new Map(load.map((f) => [f.studentId, f.clubs.join(",")]));
    const wrong = saved.filter((p) => want.get(p.studentId) !== p.clubIds.join(",") || p.version !== 1).length;
    const stderr = server.stderr();
    const locked = (stderr.match(/database is locked|SQLITE_BUSY/g) ?? []).length;
    const fiveXX = answers.filter((a) => a.status >= 500).length;

    console.log(`\n[${db.kind}] ${FAMILIES} concurrent submissions (Promise.all over fetch)`);
    console.log(`${"".padEnd(28)} ${"total ms".padStart(9)} ${"p50 ms".padStart(7)} ${"p99 ms".padStart(7)}`);
    const row = (name: string, t: number, xs: number[]) =>
      console.log(
        `${name.padEnd(28)} ${String(Math.round(t)).padStart(9)} ${String(percentile(xs, 50)).padStart(7)} ${String(percentile(xs, 99)).padStart(7)}`,
      );
    row("hello-world GET (baseline)", hello.total, hello.ms);
    row("POST /choices", total, ms);
    console.log(
      `ratio vs baseline: total ×${(total / hello.total).toFixed(1)}, p50 ×${(percentile(ms, 50) / Math.max(1, percentile(hello.ms, 50))).toFixed(1)}, p99 ×${(percentile(ms, 99) / Math.max(1, percentile(hello.ms, 99))).toFixed(1)}`,
    );
    console.log(
      `statuses: ${[...byStatus].map(([s, n]) => `${s}×${n}`).join(", ")}; 5xx: ${fiveXX}; "database is locked" in stderr: ${locked}`,
    );
    console.log(
      `Preference rows: ${saved.length} (want ${FAMILIES}); rows not equal to the submitted list or version ≠ 1: ${wrong}`,
    );
    const ok =
      saved.length === FAMILIES && wrong === 0 && fiveXX === 0 && locked === 0 && byStatus.get(302) === FAMILIES;
    console.log(`load check: ${ok ? "PASS" : "FAIL"}`);
    if (!ok) process.exitCode = 1;

    if (!(await raceTwoParents(server.url, families[FAMILIES], round.id, db))) process.exitCode = 1;
    if (/\b5\d\d\b.*(POST|GET)|Error:/.test(server.stderr()))
      console.log(`server stderr (tail):\n${server.stderr().slice(-2000)}`);
  } finally {
    await server.stop();
  }
}

async function main(): Promise<void> {
  const hello = await startHelloWorld(4200);
  try {
    let port = 4201;
    for (const kind of databaseKinds().filter((k) => !process.env.BENCH_DB || k === process.env.BENCH_DB)) {
      const db = await openTestDb(kind);
      try {
        await runOn(db, port++, hello.url);
      } finally {
        await db.drop();
      }
    }
    if (!process.env.TEST_PG_URL) console.log("\nPostgreSQL skipped: TEST_PG_URL is not set");
  } finally {
    await hello.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
