// Fuzz of the parsers' limits at the HTTP level: generated multipart bodies
// (field and part counts around the limits, field and file sizes around the
// limits, charsets real and made up, broken framing) to the upload route, as
// an admin with a good token and as anyone; urlencoded and JSON bodies around
// their limits to /login and an admin form. No answer is 5xx, and the
// process's resident memory stays within a bound a missing limit would break.
import { expect } from "chai";
import fc from "fast-check";
import request from "supertest";
import type { Express } from "express";
import { forEachDatabase } from "../support/databases";
import { demoApp, staffLogin } from "../support/demo-app";
import { csrfFrom, loginAs, Agent } from "../support/http";

const MB = 1024 * 1024;
// Well above what the limits let through (a 10 MB file, held once by multer and
// once by the client building it here), well below what any missing limit costs.
const RSS_HEADROOM = 400 * MB;

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

function build(c: MultipartCase): { type: string; body: Buffer } {
  const boundary = "fz-boundary";
  const chunks: Buffer[] = [];
  for (const p of c.parts) {
    const file =
      p.filename === undefined
        ? ""
        : p.encodedName
          ? `; filename*=${p.charset ?? "utf-8"}''${encodeURIComponent(p.filename)}`
          : `; filename="${p.filename}"`;
    const type = p.charset !== undefined ? `\r\nContent-Type: text/csv; charset=${p.charset}` : "";
    chunks.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"${file}${type}\r\n\r\n`),
      Buffer.alloc(p.bytes, 0x41),
      Buffer.from("\r\n"),
    );
  }
  if (c.framing !== "no-close") chunks.push(Buffer.from(`--${boundary}--\r\n`));
  let body = Buffer.concat(chunks);
  if (c.framing === "truncated") body = body.subarray(0, Math.floor(body.length / 2));
  if (c.framing === "no-crlf") body = Buffer.from(body.toString("latin1").replace(/\r\n/g, "\n"), "latin1");
  const params =
    (c.framing === "no-boundary" ? "" : `; boundary=${boundary}`) +
    (c.requestCharset !== undefined ? `; charset=${c.requestCharset}` : "");
  return { type: `multipart/form-data${params}`, body };
}

// The highest resident set size seen while `work` runs, sampled between requests.
async function peakRss(work: (sample: () => void) => Promise<void>): Promise<number> {
  let peak = process.memoryUsage().rss;
  await work(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  });
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
    global.gc?.();
    const baseline = process.memoryUsage().rss;
    const peak = await peakRss((sample) =>
      fc.assert(
        fc.asyncProperty(
          multipartCase,
          fc.boolean(),
          fc.constantFrom("students", "staff", "clubs", "nope"),
          async (c, asAdmin, kind) => {
            const { type, body } = build(c);
            const url = `/admin/import/${kind}?_csrf=${encodeURIComponent(token)}`;
            const status = await statusOf(
              (asAdmin ? admin.post(url) : request(app).post(url)).set("Content-Type", type).send(body),
            );
            sample();
            if (status >= 500)
              failures.push(
                `${status} ${JSON.stringify({ ...c, parts: c.parts.map((p) => ({ ...p })) }).slice(0, 300)}`,
              );
            return status < 500;
          },
        ),
        { numRuns: 150, seed: 20261206 },
      ),
    );
    expect(failures).to.deep.equal([]);
    expect(
      peak - baseline,
      `peak RSS ${Math.round(peak / MB)} MB over a ${Math.round(baseline / MB)} MB baseline`,
    ).to.be.below(RSS_HEADROOM);
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
