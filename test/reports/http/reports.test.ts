import { expect } from "chai";
import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import type { Express } from "express";
import { In } from "typeorm";
import { forEachDatabase } from "../../support/databases";
import { demoApp, familyLogin, staffLogin } from "../../support/demo-app";
import { Agent, loginAs } from "../../support/http";
import { seedDemoEnrollments } from "../../../seeds/demo-enrollments";
import { setSchoolClock } from "../../../src/kernel";
import { inTransaction } from "../../../src/db/transaction";
import { Club, Staff, Student, Term, TimetableEntry } from "../../../src/db/entities";
import { ChoiceRound, Preference } from "../../../src/choices/entities";
import { AllocationPublication, AllocationRun, ClubPlacement, WaitlistEntry } from "../../../src/allocation/entities";
import { recordPublication } from "../../../src/membership";

// The tables of a report page, as text, exactly as a reader sees them ("—" is an empty figure).
function pageTables(html: string): Map<string, { headers: string[]; rows: string[][] }> {
  const decode = (s: string) =>
    s
      .replace(/<[^>]*>/g, "")
      .replace(/&#34;|&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&amp;/g, "&")
      .trim();
  const cells = (row: string, tag: string) =>
    [...row.matchAll(new RegExp(`<${tag}[^>]*>([\\s\\S]*?)</${tag}>`, "g"))].map((m) => decode(m[1]));
  const out = new Map<string, { headers: string[]; rows: string[][] }>();
  for (const m of html.matchAll(/<table class="table report-table" data-table="([^"]+)">([\s\S]*?)<\/table>/g)) {
    const rows = [...m[2].matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((r) => r[1]);
    out.set(m[1], {
      headers: cells(rows[0], "th"),
      rows: rows.slice(1).map((r) => cells(r, "td").map((c) => (c === "—" ? "" : c))),
    });
  }
  return out;
}

// The raw bytes of a download (a BOM must survive, so no text decoding).
async function download(
  agent: Agent,
  path: string,
): Promise<{ status: number; body: Buffer; headers: Record<string, string> }> {
  const res = await agent
    .get(path)
    .buffer(true)
    .parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on("data", (c: Buffer) => chunks.push(c));
      r.on("end", () => cb(null, Buffer.concat(chunks)));
    });
  return { status: res.status, body: res.body as Buffer, headers: res.headers };
}

// Excel shows a rate with the cell's "0.0%" format: the page must show that same text.
function xlsxText(value: ExcelJS.CellValue, numFmt: string | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number" && numFmt === "0.0%") return `${(Math.round(value * 1000) / 10).toFixed(1)}%`;
  // Rich text, formulas and links are objects: show them as JSON rather than "[object Object]".
  if (typeof value === "object" && !(value instanceof Date)) return JSON.stringify(value);
  return String(value);
}

forEachDatabase("report pages and their exports", (ctx) => {
  let app: Express;
  let admin: Agent;
  let logins: Awaited<ReturnType<typeof demoApp>>["logins"];
  before(async function () {
    this.timeout(180_000);
    const demo = await demoApp(ctx.db);
    ({ app, logins } = demo);
    await seedDemoEnrollments(ctx.db.ds);
    setSchoolClock(() => new Date("2026-09-18T08:00:00Z"));
    admin = await loginAs(app, staffLogin(logins, "admin"));
  });
  after(() => setSchoolClock());

  async function checkExports(path: string): Promise<Map<string, { headers: string[]; rows: string[][] }>> {
    const [base, query = ""] = path.split("?");
    const page = await admin.get(path);
    expect(page.status, path).to.equal(200);
    const tables = pageTables(page.text);
    expect(tables.size, `${path} has tables`).to.be.greaterThan(0);
    const sep = query ? `?${query}&` : "?";

    const xlsx = await download(admin, `${base}.xlsx${query ? `?${query}` : ""}`);
    expect(xlsx.status).to.equal(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.body as unknown as ArrayBuffer);
    expect(book.worksheets.length).to.equal(tables.size);

    let i = 0;
    for (const [key, table] of tables) {
      const csv = await download(admin, `${base}.csv${sep}table=${key}`);
      expect(csv.status).to.equal(200);
      const bytes = csv.body;
      expect([...bytes.subarray(0, 3)], "UTF-8 BOM").to.deep.equal([0xef, 0xbb, 0xbf]);
      const records: string[][] = parse(bytes, { bom: true, relax_column_count: false });
      expect(records[0], `${path} ${key} headers`).to.deep.equal(table.headers);
      // A long table shows one page; that page must be the start of the export.
      expect(records.slice(1, 1 + table.rows.length), `${path} ${key} CSV rows`).to.deep.equal(table.rows);

      const sheet = book.worksheets[i++];
      const sheetRows: string[][] = [];
      sheet.eachRow((row) =>
        sheetRows.push(table.headers.map((_, c) => xlsxText(row.getCell(c + 1).value, row.getCell(c + 1).numFmt))),
      );
      expect(sheetRows[0], `${path} ${key} sheet headers`).to.deep.equal(table.headers);
      expect(sheetRows.slice(1, 1 + table.rows.length), `${path} ${key} XLSX rows`).to.deep.equal(table.rows);
      expect(sheetRows.length - 1).to.equal(records.length - 1);
    }
    return tables;
  }

  it("When the admin opens the report index, then every report is linked from it", async () => {
    const res = await admin.get("/admin/reports");
    expect(res.status).to.equal(200);
    for (const name of ["participation", "teachers", "clubs", "compliance", "survey", "weekly"])
      expect(res.text).to.contain(`href="/admin/reports/${name}"`);
  });

  it("When the participation report is exported, then the CSV and XLSX carry the page's numbers (about 96 % of children)", async () => {
    const tables = await checkExports("/admin/reports/participation");
    const school = tables.get("groups")!.rows.at(-1)!;
    expect(school[0]).to.equal("全校");
    const rate = Number(school[4].replace("%", ""));
    expect(rate).to.be.within(94, 98);
    expect(Number(school[2]) / Number(school[3])).to.be.closeTo(rate / 100, 0.0006);
  });

  it("When one week is chosen, then the page and both exports show that week", async () => {
    const tables = await checkExports("/admin/reports/participation?week=2026-09-14");
    expect(tables.get("groups")!.rows.length).to.equal(24 + 6 + 1);
  });

  for (const name of ["teachers", "clubs", "compliance", "survey", "weekly"]) {
    it(`When the ${name} report is exported, then the CSV and XLSX carry the page's numbers`, async () => {
      await checkExports(`/admin/reports/${name}`);
    });
  }

  it("When an export is asked for with ?format=, then it is the same file as the .csv / .xlsx link", async () => {
    const a = await download(admin, "/admin/reports/teachers.csv");
    const b = await download(admin, "/admin/reports/teachers?format=csv");
    expect(b.body.equals(a.body)).to.equal(true);
    expect(b.headers["content-disposition"]).to.contain(".csv");
    expect((await admin.get("/admin/reports/teachers?format=pdf")).status).to.equal(404);
    expect((await admin.get("/admin/reports/participation?week=2030-01-07")).status).to.equal(400);
  });

  it("When the demo survey's results are exported, then about 900 replies and about 99 % satisfaction match the page", async () => {
    const list = await admin.get("/admin/reports/survey");
    const id = /href="\/admin\/surveys\/(\d+)\/results"/.exec(list.text)![1];
    const tables = await checkExports(`/admin/surveys/${id}/results`);
    const satisfaction = tables.get("options")!.rows.find((r) => r[1].startsWith("满意率"))!;
    expect(Number(satisfaction[2])).to.be.within(850, 940);
    expect(Number(satisfaction[3].replace("%", ""))).to.be.within(98.5, 99.6);
  });

  // Rows as publishing an allocation leaves them (src/allocation): placements and their memberships, a waitlist, the families' lists.
  async function publishAllocation(club: Club, members: Student[], waiting: Student[], other: Club): Promise<void> {
    const term = await ctx.db.ds.getRepository(Term).findOneByOrFail({ current: true });
    await inTransaction(ctx.db.ds, async (em) => {
      const now = new Date().toISOString();
      // The round closed before the term (the school's clock is in the term): its seats hold from the first day.
      const closed = `${term.startDate}T00:00:00.000Z`;
      const round = await em.getRepository(ChoiceRound).save({
        termId: term.id,
        name: "测试轮次",
        opensAt: closed,
        closesAt: closed,
        grades: [3],
        createdAt: now,
        updatedAt: now,
      });
      const run = await em.getRepository(AllocationRun).save({
        roundId: round.id,
        mechanism: "optimal",
        seed: 1,
        instance: "{}",
        result: "{}",
        createdById: null,
        createdAt: now,
        summary: {
          students: 0,
          placedStudents: 0,
          placements: 0,
          sumOfRanks: 0,
          rankCounts: [],
          underMinClubs: 0,
          fcfs: { placedStudents: 0, placements: 0, rankCounts: [] },
          solverPath: "test",
          ms: 0,
        },
      });
      await em
        .getRepository(AllocationPublication)
        .save({ roundId: round.id, runId: run.id, publishedAt: now, publishedById: null, version: 0 });
      const list = (s: Student, i: number) => (i === 0 ? [other.id, club.id] : [club.id, other.id]);
      await em.getRepository(Preference).save(
        [...members, ...waiting].map((s, i) => ({
          roundId: round.id,
          studentId: s.id,
          clubIds: list(s, i),
          source: "family" as const,
          enteredByStaffId: null,
          submittedAt: now,
          updatedAt: now,
        })),
      );
      await em.getRepository(ClubPlacement).save(
        members.map((s) => ({
          roundId: round.id,
          studentId: s.id,
          clubId: club.id,
          source: "allocation" as const,
          createdAt: now,
        })),
      );
      await recordPublication(
        em,
        round.id,
        run.id,
        members.map((s) => ({ studentId: s.id, clubId: club.id })),
        new Map(),
        now,
      );
      await em.getRepository(WaitlistEntry).save(
        waiting.map((s, i) => ({
          roundId: round.id,
          clubId: club.id,
          studentId: s.id,
          position: i + 1,
          status: "waiting" as const,
        })),
      );
    });
  }

  it("When an allocation is published, then the club report shows members, waitlist and choices met, and exports them", async () => {
    const [club, other] = await ctx.db.ds
      .getRepository(Club)
      .find({ where: { code: In(["chess", "go"]) }, order: { code: "ASC" } });
    const pupils = await ctx.db.ds.getRepository(Student).find({ order: { studentNumber: "ASC" }, take: 6 });
    await publishAllocation(club, pupils.slice(0, 4), pupils.slice(4), other);
    const tables = await checkExports("/admin/reports/clubs");
    const row = tables.get("clubs")!.rows.find((r) => r[0] === club.name)!;
    expect(row.slice(1, 5)).to.deep.equal([
      "4",
      String(club.maxSize),
      `${(Math.round((4 / club.maxSize) * 1000) / 10).toFixed(1)}%`,
      "2",
    ]);
    expect(tables.get("rank")!.rows).to.deep.equal([
      ["第1志愿", "3", "75.0%"],
      ["第2志愿", "1", "25.0%"],
    ]);
    expect((await admin.get("/admin/reports/clubs")).text).to.not.contain("社团分配结果尚未发布");

    // The club's own register now lists its members (Thursday 2026-09-17, the day before "today").
    const staff = await ctx.db.ds.getRepository(Staff).findOneByOrFail({ id: club.staffId! });
    const instructor = await loginAs(app, { email: staff.email!, password: logins.staff[0].password });
    const entry = await ctx.db.ds.getRepository(TimetableEntry).findOneByOrFail({ clubId: club.id });
    const register = await instructor.get(`/attendance/sessions/${entry.id}/2026-09-17`);
    expect(register.status).to.equal(200);
    expect((register.text.match(/class="roster-row/g) ?? []).length).to.equal(4);
  });

  it("When a teacher or a family asks for a report or an export, then it is refused", async () => {
    const teacher = await loginAs(app, staffLogin(logins, "teacher"));
    expect((await teacher.get("/admin/reports")).status).to.equal(403);
    expect((await teacher.get("/admin/reports/participation.xlsx")).status).to.equal(403);
    const family = await loginAs(app, familyLogin(logins, 0));
    const res = await family.get("/admin/reports/participation.csv");
    expect(res.status).to.be.oneOf([302, 403]);
  });
});
