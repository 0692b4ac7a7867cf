import { expect } from "chai";
import fc from "fast-check";
import { forEachDatabase } from "../support/databases";
import { demoApp, staffLogin } from "../support/demo-app";
import { csrfFrom, loginAs, Agent } from "../support/http";
import { uploadImportFile } from "../support/import-upload";
import { fuzzUpload, materialize } from "../fixtures/import/fuzz-files";
import { ImportFileError, readTable, validateImport, IMPORT_KINDS } from "../../src/school/import";

// Memory is sampled while the property runs; the bound is generous (the
// benchmark's largest allowed import grows the server by ~400 MB) and says
// nothing about time.
const MEMORY_GROWTH_BOUND = 512 * 1024 * 1024;

function memoryWatch() {
  const start = process.memoryUsage();
  let peak = { rss: start.rss, heap: start.heapUsed };
  const sample = () => {
    const m = process.memoryUsage();
    peak = { rss: Math.max(peak.rss, m.rss), heap: Math.max(peak.heap, m.heapUsed) };
  };
  const timer = setInterval(sample, 5);
  return {
    sample,
    stop: () => {
      clearInterval(timer);
      sample();
      return { rss: peak.rss - start.rss, heap: peak.heap - start.heapUsed };
    },
  };
}

describe("fuzz: the import core reads any file or refuses it with a code", () => {
  it("When generated files (encodings, delimiters, sizes around every limit, broken and bloated zips) are read, then each gives a table or an ImportFileError, and memory stays bounded", async function () {
    this.timeout(600_000);
    const watch = memoryWatch();
    await fc.assert(
      fc.asyncProperty(fuzzUpload, fc.constantFrom(...IMPORT_KINDS), async (upload, kind) => {
        const file = await materialize(upload);
        try {
          const table = await readTable(file.data, file.filename);
          validateImport(kind, table);
        } catch (err) {
          if (!(err instanceof ImportFileError)) throw new Error(`${file.label}: ${String(err)}`, { cause: err });
        }
        watch.sample();
      }),
      { numRuns: 150, seed: 16_2026 },
    );
    const growth = watch.stop();
    expect(growth.rss).to.be.below(MEMORY_GROWTH_BOUND);
    expect(growth.heap).to.be.below(MEMORY_GROWTH_BOUND);
  });
});

forEachDatabase("fuzz: generated uploads to the import routes never 5xx", (ctx) => {
  let admin: Agent;
  let token: string;
  before(async function () {
    this.timeout(180_000);
    const demo = await demoApp(ctx.db);
    admin = await loginAs(demo.app, staffLogin(demo.logins, "admin"));
    token = csrfFrom((await admin.get("/admin/import")).text);
  });

  it("When generated files and extra form fields are uploaded as students, staff or clubs, then every answer is below 500 and memory stays bounded", async function () {
    this.timeout(900_000);
    const failures: string[] = [];
    const watch = memoryWatch();
    await fc.assert(
      fc.asyncProperty(
        fuzzUpload,
        fc.constantFrom(...IMPORT_KINDS),
        fc.array(fc.tuple(fc.constantFrom("note", "_csrf", "kind", "file", "名字"), fc.string({ maxLength: 200 })), {
          maxLength: 40,
        }),
        async (upload, kind, fields) => {
          const file = await materialize(upload);
          let req = uploadImportFile(admin, token, kind, file.filename, file.data);
          for (const [name, value] of fields) req = req.field(name, value);
          const res = await req;
          watch.sample();
          if (res.status >= 500) failures.push(`${kind} ${file.label} → ${res.status}`);
          return res.status < 500;
        },
      ),
      { numRuns: 60, seed: 16_2026 },
    );
    const growth = watch.stop();
    expect(failures).to.deep.equal([]);
    expect(growth.rss).to.be.below(MEMORY_GROWTH_BOUND);
    expect(growth.heap).to.be.below(MEMORY_GROWTH_BOUND);
  });
});
