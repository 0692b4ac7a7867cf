// Page throughput as a ratio to a bare Express hello-world in the same run
// (issue 9: family form and timetable page at least 30 %). Pages keep their shared
// reads until the database changes (src/db/kept-reads.ts), so the pages are measured
// twice: on a quiet database, and while another connection commits a small write
// WRITES_PER_S times a second (every kept read is then re-read after each write).
// Two rows show what the stack allows before any page data: the same Express with
// a DB session, helmet and an EJS page of the family form's size and nothing else
// ("stack floor"), and Kehou's own not-found page for a signed-in family (every
// middleware and the layout, no reads but the session).
import Database from "better-sqlite3";
import { acceptPrivacy, loginCookie, startHelloWorld, startKehou, startStackFloor } from "../support/processes";
import { measure, report, Figure } from "../support/measure";

const WRITES_PER_S = Number(process.env.BENCH_WRITES_PER_S ?? 50);

// Another writer on the same file: each commit moves PRAGMA data_version for the server.
function startWriter(databaseUrl: string): () => void {
  const db = new Database(databaseUrl.replace(/^sqlite:/, ""));
  db.pragma("busy_timeout = 5000");
  db.exec("CREATE TABLE IF NOT EXISTS bench_tick (at TEXT NOT NULL)");
  const insert = db.prepare("INSERT INTO bench_tick (at) VALUES (?)");
  const timer = setInterval(() => insert.run(new Date().toISOString()), 1000 / WRITES_PER_S);
  return () => {
    clearInterval(timer);
    db.close();
  };
}

// `status`: what the page answers when it works (200 unless said).
const PAGES: { name: string; path: string; as?: "admin" | "family"; status?: number }[] = [
  { name: "login page (anonymous)", path: "/login" },
  { name: "not-found page (family signed in)", path: "/no-such-page", as: "family", status: 404 },
  { name: "family home", path: "/", as: "family" },
  { name: "family choice form", path: "/choices", as: "family" },
  { name: "family timetable (published)", path: "/timetable", as: "family" },
  { name: "admin timetable grid", path: "/admin/timetable", as: "admin" },
  { name: "admin home", path: "/", as: "admin" },
];

async function main(): Promise<void> {
  const hello = await startHelloWorld(4100);
  const kehou = await startKehou(4101);
  try {
    const cookies = {
      admin: await loginCookie(kehou.url, { mode: "staff", email: "admin@kehou.demo", password: "kehou-demo-2026" }),
      family: await loginCookie(kehou.url, { mode: "family", studentNumber: "20240101", code: "KH26DEMO" }),
    };
    await acceptPrivacy(kehou.url, cookies.family);
    const baseline = await measure("express hello-world", hello.url);
    const targets: { name: string; url: string; headers?: Record<string, string> }[] = [];
    for (const page of PAGES) {
      const headers = page.as ? { cookie: cookies[page.as] } : undefined;
      let path = page.path;
      let probe = await fetch(kehou.url + path, { headers, redirect: "manual" });
      // /choices redirects a family to its child's own form: measure that page.
      const location = probe.headers.get("location");
      if (probe.status === 302 && location?.startsWith(page.path + "/")) {
        path = location;
        probe = await fetch(kehou.url + path, { headers, redirect: "manual" });
      }
      if (probe.status !== (page.status ?? 200)) {
        console.log(`skip ${page.name}: ${path} answers ${probe.status}`);
        continue;
      }
      targets.push({ name: page.name, url: kehou.url + path, headers });
    }
    const form = targets.find((t) => t.name === "family choice form");
    const bytes = form ? Buffer.byteLength(await (await fetch(form.url, { headers: form.headers })).text()) : 4000;
    const floor = await startStackFloor(4102, bytes);
    const figures: Figure[] = [];
    try {
      figures.push(await measure(`stack floor (${bytes} B page)`, floor.url, { headers: { cookie: floor.cookie } }));
    } finally {
      await floor.stop();
    }
    for (const t of targets) figures.push(await measure(t.name, t.url, { headers: t.headers }));
    console.log("\nquiet database:");
    report(figures, baseline);
    const stopWriter = startWriter(kehou.databaseUrl);
    const busy: Figure[] = [];
    try {
      for (const t of targets) busy.push(await measure(t.name, t.url, { headers: t.headers }));
    } finally {
      stopWriter();
    }
    console.log(`\nwhile another connection commits ${WRITES_PER_S} writes a second:`);
    report(busy, baseline);
  } finally {
    await kehou.stop();
    await hello.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
