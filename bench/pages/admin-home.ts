// The admin home (its to-do list asks every owner for a figure, the 双减 policy
// run among them) on a quiet database and while another connection writes 50
// times a second. Three kinds of write, because the policy run is kept by the
// versions of the tables it reads:
//   unrelated — a table the policy does not read (what most writes are: sessions,
//               audit lines, registers, choices);
//   touch     — a policy table written without changing its facts (a setting saved
//               again): the input is read again, not evaluated again;
//   facts     — a policy fact changes each time (a homework entry's minutes): a
//               new input, evaluated again.
// BENCH_SECONDS, BENCH_CONNECTIONS and BENCH_WRITES_PER_S tune it; BENCH_WRITES
// picks the kinds (comma-separated).
import Database from "better-sqlite3";
import { loginCookie, startHelloWorld, startKehou } from "../support/processes";
import { measure, report, Figure } from "../support/measure";

const WRITES_PER_S = Number(process.env.BENCH_WRITES_PER_S ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const KINDS = (process.env.BENCH_WRITES ?? "unrelated,touch,facts").split(",");

type Writer = (db: Database.Database) => () => void;

const WRITERS: Record<string, Writer> = {
  unrelated: (db) => {
    db.exec("CREATE TABLE IF NOT EXISTS bench_tick (at TEXT NOT NULL)");
    const insert = db.prepare("INSERT INTO bench_tick (at) VALUES (?)");
    return () => insert.run(new Date().toISOString());
  },
  touch: (db) => {
    const key = (db.prepare("SELECT key FROM setting ORDER BY key LIMIT 1").pluck().get() as string) ?? "";
    const touch = db.prepare("UPDATE setting SET value = value WHERE key = ?");
    return () => touch.run(key);
  },
  facts: (db) => {
    const id = db.prepare("SELECT id FROM homework_entry ORDER BY id LIMIT 1").pluck().get() as number | undefined;
    if (id === undefined) throw new Error("the demo has no homework entry to change");
    const change = db.prepare("UPDATE homework_entry SET minutes = 10 + ((minutes + 1) % 20) WHERE id = ?");
    return () => change.run(id);
  },
};

function startWriter(databaseUrl: string, kind: string): () => void {
  const db = new Database(databaseUrl.replace(/^sqlite:/, ""));
  db.pragma("busy_timeout = 5000");
  const write = WRITERS[kind](db);
  const timer = setInterval(write, 1000 / WRITES_PER_S);
  return () => {
    clearInterval(timer);
    db.close();
  };
}

async function main(): Promise<void> {
  const hello = await startHelloWorld(4110);
  const kehou = await startKehou(4111);
  try {
    const cookie = await loginCookie(kehou.url, {
      mode: "staff",
      email: "admin@kehou.demo",
      password: "kehou-demo-2026",
    });
    const headers = { cookie };
    const probe = await fetch(kehou.url + "/", { headers, redirect: "manual" });
    if (probe.status !== 200) throw new Error(`the admin home answers ${probe.status}`);
    const options = { headers, seconds: SECONDS, connections: CONNECTIONS };
    const baseline = await measure("express hello-world", hello.url, { seconds: SECONDS });
    const figures: Figure[] = [await measure("admin home, quiet", kehou.url + "/", options)];
    for (const kind of KINDS) {
      const stop = startWriter(kehou.databaseUrl, kind);
      try {
        figures.push(await measure(`admin home, ${WRITES_PER_S} ${kind} writes/s`, kehou.url + "/", options));
      } finally {
        stop();
      }
    }
    console.log(`\n${CONNECTIONS} connections, ${SECONDS} s each:`);
    report(figures, baseline);
  } finally {
    await kehou.stop();
    await hello.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
