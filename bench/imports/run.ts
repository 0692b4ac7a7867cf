// Issue 16: peak memory of the real server (`npm start`, demo school, SQLite)
// while it reads the largest import it accepts and the hostile files it must
// refuse. Each upload gets a fresh server on the same seeded database (V8
// keeps the heap it grew, so a second upload would only show the first's
// peak); a row is that process's peak RSS (VmHWM) after one upload.
import { readFileSync } from "node:fs";
import { startServer, Server } from "../load/server";
import { loginCookie, tempSqliteUrl } from "../support/processes";
import { getPage, hiddenFields } from "../load/http";
import { atLimitCsv, atLimitXlsx } from "../../test/fixtures/import/limit-files";
import {
  farColumnXlsx,
  junkEntryXlsx,
  manyRowsCsv,
  mergeBombXlsx,
  wideRowCsv,
} from "../../test/fixtures/import/hostile-files";

const PORT = Number(process.env.BENCH_PORT ?? 3471);
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);

function statusKb(pid: number, field: "VmHWM" | "VmRSS"): number {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) * 1024 : NaN;
  } catch {
    return NaN; // the process is gone
  }
}

async function upload(server: Server, cookie: string, filename: string, data: Buffer): Promise<number> {
  const token = hiddenFields((await getPage(server.url, "/admin/import", cookie)).html)._csrf;
  const form = new FormData();
  form.append("file", new Blob([data]), filename);
  // The token rides in the action URL: it is checked before the upload is parsed.
  const res = await fetch(`${server.url}/admin/import/students?_csrf=${encodeURIComponent(token)}`, {
    method: "POST",
    body: form,
    headers: { cookie },
    redirect: "manual",
  });
  await res.arrayBuffer();
  return res.status;
}

// The flood from the issue: one anonymous multipart POST of many 1 MB fields,
// generated as it is sent. 5,000 fields ran the server out of heap before the
// pre-parse gate; now the server refuses before reading the body.
const FLOOD_FIELDS = Number(process.env.BENCH_FLOOD_FIELDS ?? 5000);

async function flood(server: Server): Promise<string> {
  const boundary = "kehoubenchflood";
  const value = Buffer.alloc(1 << 20, "a");
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent === FLOOD_FIELDS) {
        controller.enqueue(Buffer.from(`--${boundary}--\r\n`));
        controller.close();
        return;
      }
      controller.enqueue(
        Buffer.concat([
          Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="f${sent++}"\r\n\r\n`),
          value,
          Buffer.from("\r\n"),
        ]),
      );
    },
  });
  try {
    const res = await fetch(`${server.url}/admin/import/students`, {
      method: "POST",
      body,
      redirect: "manual",
      headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
      duplex: "half",
    });
    await res.arrayBuffer();
    return String(res.status);
  } catch {
    return "cut"; // the server closed the connection before reading it all
  }
}

async function main(): Promise<void> {
  const files: [string, string, (() => Buffer | Promise<Buffer>) | null][] = [
    ["(no upload: start-up and sign-in)", "", null],
    ["largest allowed CSV (10,000 x 24)", "limit.csv", () => atLimitCsv()],
    ["largest allowed XLSX (10,000 x 24)", "limit.xlsx", () => atLimitXlsx()],
    ["a usual roster XLSX (952 x 7)", "usual.xlsx", () => atLimitXlsx(952, 0)],
    ["CSV, one row of 100,000 commas", "wide.csv", wideRowCsv],
    ["CSV, 200,000 rows", "long.csv", () => manyRowsCsv()],
    ["XLSX, cell at column XFD", "far.xlsx", farColumnXlsx],
    ["XLSX, 400 MB junk entry", "junk.xlsx", () => junkEntryXlsx()],
    ["XLSX, merge over A1:XFD1048576", "merge.xlsx", mergeBombXlsx],
    [`anonymous flood, ${FLOOD_FIELDS} fields of 1 MB`, "flood", null],
  ];
  const databaseUrl = tempSqliteUrl();
  await (await startServer(PORT, databaseUrl)).stop(); // seeds the demo school once
  console.log(
    `${"upload".padEnd(36)} ${"bytes".padStart(10)}  HTTP  ${"idle RSS".padStart(9)}  ${"peak RSS".padStart(9)}`,
  );
  let highest = 0;
  for (const [name, filename, build] of files) {
    const data = build ? await build() : null;
    const server = await startServer(PORT, databaseUrl);
    try {
      const pid = server.proc.pid!;
      const cookie = await loginCookie(server.url, {
        mode: "staff",
        email: "admin@kehou.demo",
        password: "kehou-demo-2026",
      });
      await getPage(server.url, "/admin/import", cookie);
      const idle = statusKb(pid, "VmRSS");
      const status = data
        ? await upload(server, cookie, filename, data)
        : filename === "flood"
          ? await flood(server)
          : "-";
      const peak = statusKb(pid, "VmHWM");
      if (!Number.isNaN(peak)) highest = Math.max(highest, peak);
      const shown = Number.isNaN(peak) ? "died" : `${mb(peak)} MB`;
      console.log(
        `${name.padEnd(36)} ${String(data?.length ?? (filename === "flood" ? FLOOD_FIELDS << 20 : "-")).padStart(10)}  ${String(status).padEnd(3)}   ${`${mb(idle)} MB`.padStart(9)}  ${shown.padStart(9)}`,
      );
    } finally {
      await server.stop();
    }
  }
  console.log(`\nhighest peak RSS: ${mb(highest)} MB`);
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
