import { expect } from "chai";
import type { Express } from "express";
import { forEachDatabase } from "../../support/databases";
import { demoApp, staffLogin } from "../../support/demo-app";
import { csrfFrom, loginAs, Agent } from "../../support/http";
import { uploadImportFile } from "../../support/import-upload";
import { farColumnXlsx, junkEntryXlsx, manyRowsCsv, wideRowCsv } from "../../fixtures/import/hostile-files";
import { Student } from "../../../src/db/entities";
import { ImportBatch } from "../../../src/school/entities";

// Files that once ran the server out of memory or stack: each is refused with
// a 400 that names the limit it broke, and nothing is stored.
forEachDatabase("school set-up: import limits over HTTP", (ctx) => {
  let app: Express;
  let admin: Agent;
  let token: string;
  before(async function () {
    this.timeout(120_000);
    const demo = await demoApp(ctx.db);
    app = demo.app;
    admin = await loginAs(app, staffLogin(demo.logins, "admin"));
    token = csrfFrom((await admin.get("/admin/import")).text);
  });

  const refused = async (agent: Agent, csrf: string, filename: string, data: Buffer) => {
    const counts = async () => [
      await ctx.db.ds.getRepository(Student).count(),
      await ctx.db.ds.getRepository(ImportBatch).count(),
    ];
    const before = await counts();
    const res = await uploadImportFile(agent, csrf, "students", filename, data);
    expect(res.status).to.equal(400);
    expect(await counts()).to.deep.equal(before);
    return res.text;
  };

  it("When a CSV row has 100,000 commas, then the upload answers 400 naming the column limit", async function () {
    this.timeout(60_000);
    expect(await refused(admin, token, "wide.csv", wideRowCsv())).to.contain("最多 50 列");
  });

  it("When an XLSX has a cell in column XFD, then the upload answers 400 naming the column limit", async function () {
    this.timeout(60_000);
    expect(await refused(admin, token, "far.xlsx", await farColumnXlsx())).to.contain("最多 50 列");
  });

  it("When a CSV has 200,000 rows, then the upload answers 400 naming the row limit", async function () {
    this.timeout(60_000);
    expect(await refused(admin, token, "long.csv", manyRowsCsv())).to.contain("最多 10000 行");
  });

  it("When an XLSX holds a 400 MB entry that inflates from a few hundred KB, then the upload answers 400 naming the unpacked-size limit", async function () {
    this.timeout(120_000);
    expect(await refused(admin, token, "junk.xlsx", await junkEntryXlsx())).to.contain("最多 32 MB");
  });

  it("When a cell holds more text than any field allows, then the upload answers 400 naming the cell limit and its row", async function () {
    this.timeout(60_000);
    const csv = Buffer.from(`学号,姓名,年级,班级,家庭编号,备注\r\n0001,张三,3,三年级(1)班,F1,${"长".repeat(5000)}\r\n`);
    const text = await refused(admin, token, "long-cell.csv", csv);
    expect(text).to.contain("最多 1000 个字");
    expect(text).to.contain('data-line="2"');
  });

  it("When an English-speaking admin uploads a file over a limit, then the limit is named in English", async function () {
    this.timeout(60_000);
    const other = await loginAs(app, { email: "admin02@kehou.demo", password: "kehou-demo-2026" });
    const csrf = csrfFrom((await other.get("/admin/import")).text);
    expect((await other.post("/lang").type("form").send({ lang: "en", _csrf: csrf })).status).to.be.oneOf([302, 303]);
    expect(await refused(other, csrf, "long.csv", manyRowsCsv(20_000))).to.contain("at most 10000 data rows");
  });
});
