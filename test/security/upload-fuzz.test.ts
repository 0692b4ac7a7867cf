// Fuzz of the parsers' limits at the HTTP level: generated multipart bodies
// (field and part counts around the limits, field and file sizes around the
// limits, charsets real and made up, broken framing) to the upload route, as
// an admin with a good token and as anyone; urlencoded and JSON bodies around
// their limits to /login and an admin form. No answer is 5xx, and the
// process's memory stays within a bound a missing limit would break.
// The multipart bodies (up to ~50 MB) are streamed from a few shared bytes, not
// built: built in this process they were most of what its memory measured
// (building them alone grew RSS by ~290 MB, building and sending ~240 MB), so a
// loaded machine's GC slack could pass the bound while the app held little.
import { expect } from "chai";
import fc from "fast-check";
import request from "supertest";
import type { Express } from "express";
import { request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { forEachDatabase } from "../support/databases";
import { demoApp, staffLogin } from "../support/demo-app";
import { csrfFrom, loginAs, Agent } from "../support/http";

const MB = 1024 * 1024;
// What the app may hold at once for an upload: the 10 MB file multer keeps, its
// chunks while they are joined, the import reading it (about 30 MB of live
// Buffers at the peak). A 50 MB file buffered past the limits holds at least
// twice that (its chunks and their join); GC slack alone does not, now that the
// client holds a few KB and garbage is collected between requests.
const RSS_HEADROOM = 150 * MB;
const BUFFERS_HEADROOM = 64 * MB;
const OVERSIZE = 50 * MB;

// A collection before the baseline, so it is not taken on a heap full of the
// demo seed's garbage (--expose-gc is not given to the suite: switched on here).
function collectGarbage(): void {
  setFlagsFromString("--expose-gc");
  (runInNewContext("gc") as () => void)();
}
const charset = fc.constantFrom(
  "utf-8",
  "UTF-8",
  "gbk",
  "gb18030",
  "latin1",
  "utf-16le",
  "klingon",
  "",
  'utf-8; x="',
  "\u00ff",
);
const size = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 0, max: 200 }) },
  { weight: 2, arbitrary: fc.constantFrom(8 * 1024 - 1, 8 * 1024, 8 * 1024 + 1, 64 * 1024) },
  { weight: 1, arbitrary: fc.constantFrom(MB, 10 * MB - 64, 10 * MB + 1) },
);
const part = fc.record({
  name: fc.oneof(fc.constantFrom("file", "_csrf", "note", "file[]", ""), fc.string({ maxLength: 120 })),
  filename: fc.option(
    fc.oneof(
      fc.constantFrom("s.csv", "学生.xlsx", "a\u0000b.csv", "../../etc/passwd", ""),
      fc.string({ maxLength: 40 }),
    ),
    { nil: undefined },
  ),
  charset: fc.option(charset, { nil: undefined }),
  encodedName: fc.boolean(),
  bytes: size,
});
const framing = fc.constantFrom("ok", "no-close", "truncated", "no-crlf", "no-boundary");
const multipartCase = fc.record({
  parts: fc.oneof(
    { weight: 4, arbitrary: fc.array(part, { maxLength: 8 }) },
    { weight: 1, arbitrary: fc.array(part, { minLength: 18, maxLength: 60 }) },
  ),
  framing,
  requestCharset: fc.option(charset, { nil: undefined }),
});
type MultipartCase = typeof multipartCase extends fc.Arbitrary<infer T> ? T : never;

/** A body as segments: bytes as they are, or a count of "A" bytes (a part's content), never built whole. */
type Segment = Buffer | number;

function build(c: MultipartCase): { type: string; segments: Segment[]; length: number } {
  const boundary = "fz-boundary";
  // Without CRLFs: the content is all "A", so only the framing changes.
  const text = (t: string) => Buffer.from(c.framing === "no-crlf" ? t.replace(/\r\n/g, "\n") : t, "utf8");
  let segments: Segment[] = [];
  for (const p of c.parts) {
    const file =
      p.filename === undefined
        ? ""
        : p.encodedName
          ? `; filename*=${p.charset ?? "utf-8"}''${encodeURIComponent(p.filename)}`
          : `; filename="${p.filename}"`;
    const type = p.charset !== undefined ? `\r\nContent-Type: text/csv; charset=${p.charset}` : "";
    segments.push(
      text(`--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"${file}${type}\r\n\r\n`),
      p.bytes,
      text("\r\n"),
    );
  }
  if (c.framing !== "no-close") segments.push(text(`--${boundary}--\r\n`));
  const lengthOf = (x: Segment): number => (typeof x === "number" ? x : x.length);
  let length = segments.reduce<number>((n, x) => n + lengthOf(x), 0);
  if (c.framing === "truncated") {
    let left = Math.floor(length / 2);
    const cut: Segment[] = [];
    for (const x of segments) {
      if (left <= 0) break;
      const n = Math.min(left, lengthOf(x));
      cut.push(typeof x === "number" ? n : x.subarray(0, n));
      left -= n;
    }
    segments = cut;
    length = Math.floor(length / 2);
  }
  const params =
    (c.framing === "no-boundary" ? "" : `; boundary=${boundary}`) +
    (c.requestCharset !== undefined ? `; charset=${c.requestCharset}` : "");
  return { type: `multipart/form-data${params}`, segments, length };
}

const CONTENT = Buffer.alloc(64 * 1024, 0x41);

function* chunks(segments: Segment[]): Generator<Buffer> {
  for (const x of segments) {
    if (typeof x !== "number") yield x;
    else for (let left = x; left > 0; left -= CONTENT.length) yield CONTENT.subarray(0, Math.min(left, CONTENT.length));
  }
}

// POSTs a streamed body and resolves with the status. A browser declares the Content-Length;
// undeclared (chunked), the length is known only once the body is read: the parser must count as it goes.
function postStreamed(url: string, headers: Record<string, string>, segments: Segment[], length: number | null) {
  const sized = length === null ? headers : { ...headers, "Content-Length": String(length) };
  return new Promise<number>((resolve, reject) => {
    const req = httpRequest(url, { method: "POST", headers: sized }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
      res.on("error", reject);
    });
    req.on("error", reject);
    Readable.from(chunks(segments), { objectMode: false }).pipe(req);
  });
}

// The highest resident set size and live Buffer bytes seen while `work` runs:
// sampled every few milliseconds (a request's peak comes and goes within it) and
// between requests.
async function peakMemory(work: (sample: () => void) => Promise<void>): Promise<{ rss: number; buffers: number }> {
  const peak = { rss: 0, buffers: 0 };
  const sample = () => {
    const m = process.memoryUsage();
    peak.rss = Math.max(peak.rss, m.rss);
    peak.buffers = Math.max(peak.buffers, m.arrayBuffers);
  };
  sample();
  const timer = setInterval(sample, 5);
  try {
    await work(sample);
  } finally {
    clearInterval(timer);
  }
  return peak;
}

// A refusal past a limit closes the connection (http/parser-errors.ts): a
// client still writing its body may see the close (EPIPE, ECONNRESET) before
// the 413. That is a refusal, not a failure; any other error still fails.
async function statusOf(req: PromiseLike<{ status: number }>): Promise<number> {
  try {
    return (await req).status;
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === "EPIPE" || code === "ECONNRESET") return 413;
    throw err;
  }
}

forEachDatabase("fuzz: parser limits on the upload route and the forms", (ctx) => {
  let app: Express;
  let admin: Agent;
  let token: string;
  before(async function () {
    this.timeout(180_000);
    const demo = await demoApp(ctx.db);
    app = demo.app;
    admin = await loginAs(app, staffLogin(demo.logins, "admin"));
    token = csrfFrom((await admin.get("/admin/import")).text);
  });

  it("When generated multipart bodies reach the upload route, as an admin with a good token or as anyone, then none answers 5xx and memory stays bounded", async function () {
    this.timeout(600_000);
    const failures: string[] = [];
    const server: Server = app.listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    // The admin's session cookie, so the streamed requests are the same admin as the agent.
    const cookie = (await admin.get("/admin/import")).request.cookies;
    let largest = 0;
    try {
      collectGarbage();
      const baseline = process.memoryUsage();
      // A file on the one field the route takes, past the limit: declared (refused unread) and chunked (cut off).
      const oversize = (bytes: number): MultipartCase => ({
        parts: [{ name: "file", filename: "s.csv", charset: undefined, encodedName: false, bytes }],
        framing: "ok",
        requestCharset: undefined,
      });
      const peak = await peakMemory((sample) =>
        fc.assert(
          fc.asyncProperty(
            multipartCase,
            fc.boolean(),
            fc.constantFrom("students", "staff", "clubs", "nope"),
            fc.boolean(),
            async (c, asAdmin, kind, chunked) => {
              const { type, segments, length } = build(c);
              largest = Math.max(largest, length);
              const url = `${base}/admin/import/${kind}?_csrf=${encodeURIComponent(token)}`;
              const headers: Record<string, string> = { "Content-Type": type, ...(asAdmin ? { Cookie: cookie } : {}) };
              const status = await statusOf(
                postStreamed(url, headers, segments, chunked ? null : length).then((code) => ({ status: code })),
              );
              sample();
              // The next request starts without this one's garbage: live Buffers are what the app holds.
              collectGarbage();
              if (status >= 500)
                failures.push(
                  `${status} ${JSON.stringify({ ...c, chunked, parts: c.parts.map((p) => ({ ...p })) }).slice(0, 300)}`,
                );
              return status < 500;
            },
          ),
          {
            numRuns: 150,
            seed: 20261206,
            examples: [
              [oversize(OVERSIZE), true, "students", false],
              [oversize(OVERSIZE), true, "students", true],
              [oversize(10 * MB + 1), true, "staff", true],
            ],
          },
        ),
      );
      expect(failures).to.deep.equal([]);
      const said = `largest body ${Math.round(largest / MB)} MB; peak RSS ${Math.round(peak.rss / MB)} MB over ${Math.round(baseline.rss / MB)} MB, live Buffers ${Math.round(peak.buffers / MB)} MB over ${Math.round(baseline.arrayBuffers / MB)} MB`;
      expect(largest, "the cases reach past the limits").to.be.at.least(OVERSIZE);
      expect(peak.rss - baseline.rss, said).to.be.below(RSS_HEADROOM);
      expect(peak.buffers - baseline.arrayBuffers, said).to.be.below(BUFFERS_HEADROOM);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it("When generated urlencoded and JSON bodies around the limits reach /login and an admin form, then none answers 5xx", async function () {
    this.timeout(600_000);
    const failures: string[] = [];
    const formCase = fc.record({
      fields: fc.constantFrom(0, 1, 10, 1999, 2000, 2001, 5000),
      valueBytes: fc.constantFrom(0, 1, 100, 200 * 1024),
      json: fc.boolean(),
      charset: fc.option(charset, { nil: undefined }),
      path: fc.constantFrom("/login", "/admin/staff", "/lang"),
      asAdmin: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(formCase, async (c) => {
        // Many fields or long values, not both: the client builds the body in memory too.
        const value = "v".repeat(c.fields > 10 ? Math.min(c.valueBytes, 100) : c.valueBytes);
        const keys = Array.from({ length: c.fields }, (_, i) => `f${i}`);
        const body = c.json
          ? JSON.stringify(Object.fromEntries(keys.map((k) => [k, value])))
          : keys.map((k) => `${k}=${value}`).join("&");
        const type =
          (c.json ? "application/json" : "application/x-www-form-urlencoded") +
          (c.charset !== undefined ? `; charset=${c.charset}` : "");
        const status = await statusOf(
          (c.asAdmin ? admin.post(c.path) : request(app).post(c.path))
            .set("Content-Type", type)
            .set("x-csrf-token", token)
            .send(body),
        );
        if (status >= 500) failures.push(`${c.path} ${JSON.stringify({ ...c })} → ${status}`);
        return status < 500;
      }),
      { numRuns: 120, seed: 61206 },
    );
    expect(failures).to.deep.equal([]);
  });
});
