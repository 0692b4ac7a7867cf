// `npm run bench hostile`: peak resident memory of a real server (dist/src/server.js,
// demo school on a scratch SQLite file) while it is flooded as in issue 16:
// anonymous multipart POSTs of 5,000 fields of 1 MB to /admin/import/students
// (once, then 20 at a time), the same flood as a signed-in admin with a good
// token (refused by multer's field limits), 5,000 urlencoded fields, an 11 MB
// upload. Bodies are streamed, never built: the client stays small. Peak RSS
// is the kernel's VmHWM for the server process, reset before each phase.
import { request } from "node:http";
import { readFileSync, writeFileSync } from "node:fs";
import { startKehou, loginCookie } from "../support/processes";

const MB = 1024 * 1024;
const PORT = 4161;
const CHUNK = Buffer.alloc(MB, 0x78);

function status(pid: number, field: "VmRSS" | "VmHWM"): number {
  const m = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return m ? Number(m[1]) * 1024 : NaN;
}

// Resets the peak (VmHWM) to the current RSS; Linux only, the server is ours.
function resetPeak(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, "5");
    return true;
  } catch {
    return false;
  }
}

interface Sent {
  status: number;
  bytesSent: number;
}

// Streams a multipart body of `fields` fields of 1 MB (or one file of `fileBytes`) until the server answers or closes.
function flood(
  url: string,
  path: string,
  opts: { fields?: number; fileBytes?: number; cookie?: string; type?: string; raw?: () => Buffer | null },
): Promise<Sent> {
  const boundary = "bench-flood";
  return new Promise((resolve) => {
    let bytesSent = 0;
    let answered = 0;
    let done = false;
    const finish = () => {
      if (!done) {
        done = true;
        resolve({ status: answered, bytesSent });
      }
    };
    const req = request(
      `${url}${path}`,
      {
        method: "POST",
        headers: {
          "content-type": opts.type ?? `multipart/form-data; boundary=${boundary}`,
          ...(opts.cookie ? { cookie: opts.cookie } : {}),
        },
      },
      (res) => {
        answered = res.statusCode ?? 0;
        res.resume();
        res.on("end", () => {
          req.destroy();
          finish();
        });
      },
    );
    req.on("error", finish);
    req.on("close", finish);
    let i = 0;
    let fileLeft = opts.fileBytes ?? 0;
    const next = (): Buffer | null => {
      if (opts.raw) return opts.raw();
      if (i < (opts.fields ?? 0)) {
        const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="f${i++}"\r\n\r\n`);
        return Buffer.concat([head, CHUNK, Buffer.from("\r\n")]);
      }
      if (fileLeft > 0) {
        const first =
          fileLeft === opts.fileBytes
            ? Buffer.from(
                `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.csv"\r\nContent-Type: text/csv\r\n\r\n`,
              )
            : Buffer.alloc(0);
        const n = Math.min(MB, fileLeft);
        fileLeft -= n;
        return Buffer.concat([first, CHUNK.subarray(0, n), fileLeft === 0 ? Buffer.from("\r\n") : Buffer.alloc(0)]);
      }
      return null;
    };
    const pump = () => {
      while (!done && !req.destroyed) {
        const chunk = next();
        if (!chunk) {
          req.end(opts.raw ? undefined : `--${boundary}--\r\n`);
          return;
        }
        bytesSent += chunk.length;
        if (!req.write(chunk)) {
          req.once("drain", pump);
          return;
        }
      }
    };
    pump();
  });
}

// 5,000 urlencoded fields and more, streamed.
function urlencodedFields(count: number): () => Buffer | null {
  let i = 0;
  return () => {
    if (i >= count) return null;
    const n = Math.min(1000, count - i);
    const part = Array.from({ length: n }, (_, k) => `${i + k ? "&" : ""}f${i + k}=1`).join("");
    i += n;
    return Buffer.from(part);
  };
}

async function main(): Promise<void> {
  const kehou = await startKehou(PORT);
  const pid = kehou.proc.pid!;
  try {
    const admin = await loginCookie(kehou.url, {
      mode: "staff",
      email: "admin@kehou.demo",
      password: "kehou-demo-2026",
    });
    const page = await (await fetch(`${kehou.url}/admin/import`, { headers: { cookie: admin } })).text();
    const token = encodeURIComponent(/\/admin\/import\/students\?_csrf=([^"]+)"/.exec(page)?.[1] ?? "");
    const canReset = resetPeak(pid);
    const rows: string[] = [];
    const phase = async (name: string, run: () => Promise<Sent[]>) => {
      if (canReset) resetPeak(pid);
      const before = status(pid, "VmRSS");
      const sent = await run();
      const peak = status(pid, "VmHWM");
      const statuses = [...new Set(sent.map((s) => s.status || "closed"))].join("/");
      const mb = (n: number) => (n / MB).toFixed(0).padStart(5);
      rows.push(
        `${name.padEnd(58)} ${String(statuses).padEnd(10)} ${mb(sent.reduce((a, s) => a + s.bytesSent, 0))} MB sent  RSS before ${mb(before)} MB  peak ${mb(peak)} MB`,
      );
    };
    await phase("anonymous multipart, 5,000 fields of 1 MB (one request)", async () => [
      await flood(kehou.url, "/admin/import/students", { fields: 5000 }),
    ]);
    await phase("anonymous multipart, 5,000 fields of 1 MB (20 at once)", () =>
      Promise.all(Array.from({ length: 20 }, () => flood(kehou.url, "/admin/import/students", { fields: 5000 }))),
    );
    await phase("admin + good token, 5,000 fields of 1 MB (multer limits)", async () => [
      await flood(kehou.url, `/admin/import/students?_csrf=${token}`, { fields: 5000, cookie: admin }),
    ]);
    await phase("anonymous urlencoded, 5,000 fields to /login", async () => [
      await flood(kehou.url, "/login", { type: "application/x-www-form-urlencoded", raw: urlencodedFields(5000) }),
    ]);
    await phase("anonymous 11 MB upload", async () => [
      await flood(kehou.url, "/admin/import/students", { fileBytes: 11 * MB }),
    ]);
    await phase("admin + good token, 11 MB upload (413)", async () => [
      await flood(kehou.url, `/admin/import/students?_csrf=${token}`, { fileBytes: 11 * MB, cookie: admin }),
    ]);
    const alive = (await fetch(`${kehou.url}/healthz`)).status;
    console.log(
      `peak RSS of the server process per phase (VmHWM${canReset ? ", reset before each phase" : ", since start: clear_refs refused"}):`,
    );
    for (const row of rows) console.log(`  ${row}`);
    console.log(`  /healthz afterwards: ${alive}`);
  } finally {
    await kehou.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
