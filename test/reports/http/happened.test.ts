import { expect } from "chai";
import type { Express } from "express";
import { Between, In } from "typeorm";
import { forEachDatabase } from "../../support/databases";
import { demoApp, staffLogin } from "../../support/demo-app";
import { Agent, formToken, loginAs } from "../../support/http";
import { seedDemoEnrollments } from "../../../seeds/demo-enrollments";
import { currentTermCalendar, setSchoolClock } from "../../../src/kernel";
import { inTransaction } from "../../../src/db/transaction";
import { Club, Student, Term } from "../../../src/db/entities";
import { clubSessions } from "../../../src/timetable";
import { Attendance } from "../../../src/attendance/entities";
import { ChoiceRound } from "../../../src/choices/entities";
import { AllocationPublication, AllocationRun, ClubPlacement } from "../../../src/allocation/entities";
import { recordPublication } from "../../../src/membership";

// A report page's tables as a reader sees them: header texts and cell texts ("—" read as "").
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

// One table as records keyed by its headers, so a test names the column it reads.
function records(html: string, key: string): Record<string, string>[] {
  const table = pageTables(html).get(key);
  expect(table, `table ${key}`).to.not.equal(undefined);
  return table!.rows.map((r) => Object.fromEntries(table!.headers.map((h, i) => [h, r[i]])));
}

const percent = (text: string) => Number(text.replace("%", ""));

forEachDatabase("reports from what happened: planned weeks and attendance from registers", (ctx) => {
  let app: Express;
  let admin: Agent;
  before(async function () {
    this.timeout(180_000);
    const demo = await demoApp(ctx.db);
    app = demo.app;
    admin = await loginAs(app, staffLogin(demo.logins, "admin"));
  });
  after(() => setSchoolClock());

  describe("before any register is taken", () => {
    before(() => setSchoolClock(() => new Date("2026-09-09T08:00:00Z")));

    it("When no register has been taken yet, then the participation report says so instead of showing a rate", async () => {
      const page = await admin.get("/admin/reports/participation");
      expect(page.status).to.equal(200);
      expect(page.text).to.contain("还没有点名记录");
      const weeks = records(page.text, "weeks");
      const first = weeks.find((w) => w["周（周一）"] === "2026-09-07")!;
      expect(first["出勤率"]).to.equal("");
    });
  });

  describe("with the demo's opt-ins and registers, on Wednesday 18 November", () => {
    before(async function () {
      this.timeout(120_000);
      await seedDemoEnrollments(ctx.db.ds);
      setSchoolClock(() => new Date("2026-11-18T08:00:00Z"));
    });

    it("When weeks have not happened yet, then they are labelled planned and carry no rate, on the page and in the CSV", async () => {
      const page = await admin.get("/admin/reports/participation");
      const weeks = records(page.text, "weeks").filter((w) => /^\d{4}-\d{2}-\d{2}$/.test(w["周（周一）"]));
      const future = weeks.filter((w) => w["周（周一）"] > "2026-11-18");
      const past = weeks.filter((w) => w["周（周一）"] < "2026-11-16");
      expect(future.length, "December and January weeks").to.be.greaterThan(5);
      for (const w of future) {
        expect(w["状态"], w["周（周一）"]).to.equal("计划中（尚未发生）");
        expect([w["比例"], w["出勤率"], w["人数"], w["总数"]], w["周（周一）"]).to.deep.equal(["", "", "", ""]);
      }
      for (const w of past) {
        expect(w["状态"]).to.equal("已结束");
        expect(percent(w["比例"])).to.be.within(90, 100);
      }
      expect(weeks.find((w) => w["周（周一）"] === "2026-11-16")!["状态"]).to.equal("进行中");
      expect(page.text).to.contain(`2026-11-23 起的 ${future.length} 周尚未到来`);
      const csv = await admin.get("/admin/reports/participation.csv?table=weeks");
      const december = csv.text.split(/\r?\n/).filter((l) => l.startsWith("2026-12"));
      expect(december.length).to.be.greaterThan(2);
      for (const line of december) expect(line).to.contain("计划中（尚未发生）").and.not.match(/%/);
    });

    it("When the teachers report is read, then weeks still to come are planned with no rate, and the term figure is of the weeks so far", async () => {
      const page = await admin.get("/admin/reports/teachers");
      const weeks = records(page.text, "weeks");
      const future = weeks.filter((w) => w["周（周一）"] > "2026-11-18");
      expect(future.length).to.be.greaterThan(5);
      for (const w of future) expect([w["状态"], w["比例"]], w["周（周一）"]).to.deep.equal(["计划中（尚未发生）", ""]);
      for (const w of weeks.filter((x) => x["周（周一）"] < "2026-11-16")) expect(w["比例"]).to.match(/%$/);
      const planned = await admin.get("/admin/reports/teachers?week=2026-12-07");
      expect(planned.text).to.contain("尚未到来");
      expect(records(planned.text, "summary")[0]["比例"]).to.equal("");
    });

    it("When a future week is chosen, then the page says it is planned and shows no rate", async () => {
      const page = await admin.get("/admin/reports/participation?week=2026-12-07");
      expect(page.status).to.equal(200);
      expect(page.text).to.contain("尚未到来");
      expect(records(page.text, "groups")).to.deep.equal([]);
      const weekly = await admin.get("/admin/reports/weekly?week=2026-12-07");
      expect(weekly.text).to.contain("尚未到来");
      expect(records(weekly.text, "figures").map((r) => r["指标"])).to.not.include("学生参与率");
    });

    it('When the language is English, then planned weeks read "Planned" and the attendance columns are named', async () => {
      const token = await formToken(admin, "/admin/reports");
      await admin.post("/lang").type("form").send({ lang: "en", _csrf: token });
      try {
        const page = await admin.get("/admin/reports/participation");
        const weeks = records(page.text, "weeks");
        expect(weeks.find((w) => w["Week (Monday)"] === "2026-12-07")!.Status).to.equal("Planned (not yet happened)");
        expect(Object.keys(weeks[0])).to.include.members(["Attended", "Expected", "Attendance"]);
      } finally {
        await admin
          .post("/lang")
          .type("form")
          .send({ lang: "zh-CN", _csrf: await formToken(admin, "/admin/reports") });
      }
    });

    it("When the first two weeks have registers, then each week's attendance is its present marks over the children its registers expected, and later weeks have none", async () => {
      const page = await admin.get("/admin/reports/participation");
      const weeks = records(page.text, "weeks");
      for (const [monday, friday] of [
        ["2026-08-31", "2026-09-06"],
        ["2026-09-07", "2026-09-13"],
      ]) {
        // The demo marks every child a register expects, so the marks are the expected children.
        const marks = await ctx.db.ds
          .getRepository(Attendance)
          .find({ where: { date: Between(monday, friday) }, select: { status: true } });
        const row = weeks.find((w) => w["周（周一）"] === monday)!;
        expect(Number(row["应到人次"]), monday).to.equal(marks.length);
        expect(Number(row["实到人次"]), monday).to.equal(marks.filter((m) => m.status === "present").length);
        expect(percent(row["出勤率"])).to.be.within(90, 100);
      }
      const october = weeks.find((w) => w["周（周一）"] === "2026-10-12")!;
      expect(october["出勤率"]).to.equal("");
      expect(october["已点名课次/已上课次"]).to.match(/^0\/[1-9]\d*$/);
    });

    it("When a child no longer in a club is still marked present, then club attendance counts members only and never exceeds 100 %", async () => {
      const club = await ctx.db.ds.getRepository(Club).findOneByOrFail({ code: "chess" });
      const pupils = await ctx.db.ds.getRepository(Student).find({ order: { studentNumber: "ASC" }, take: 5 });
      const members = pupils.slice(0, 4);
      const term = await ctx.db.ds.getRepository(Term).findOneByOrFail({ current: true });
      const [entry] = await clubSessions(ctx.db.ds.manager, club.id);
      await inTransaction(ctx.db.ds, async (em) => {
        const now = new Date().toISOString();
        const closed = `${term.startDate}T00:00:00.000Z`;
        const round = await em.getRepository(ChoiceRound).save({
          termId: term.id,
          name: "出勤测试",
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
      });
      // Club sessions have happened but no club register was taken: no figure, and the page says why.
      const before = await admin.get("/admin/reports/clubs");
      expect(before.text).to.contain("社团还没有点名记录");
      expect(records(before.text, "clubs").find((r) => r["社团"] === club.name)!["出勤率"]).to.equal("");

      // The club's last school day before today: three members present, one on leave, and a stray "present" for a child who is not a member.
      const cal = (await currentTermCalendar(ctx.db.ds))!;
      const date = cal.dates.filter((d) => d < "2026-11-18" && cal.weekdayOf.get(d) === entry.weekday).at(-1)!;
      const marks = [
        ...members.map((s, i) => ({ studentId: s.id, status: i === 3 ? ("excused" as const) : ("present" as const) })),
        { studentId: pupils[4].id, status: "present" as const },
      ];
      await ctx.db.ds.getRepository(Attendance).insert(
        marks.map((m) => ({
          entryId: entry.id,
          date,
          studentId: m.studentId,
          status: m.status,
          note: null,
          markedByStaffId: null,
          markedAt: `${date}T09:00:00.000Z`,
        })),
      );

      const page = await admin.get("/admin/reports/clubs");
      const row = records(page.text, "clubs").find((r) => r["社团"] === club.name)!;
      expect(row["出勤率"]).to.equal("75.0%");
      expect(row["已点名课次/已上课次"]).to.match(/^1\/[1-9]\d*$/);
      for (const r of records(page.text, "clubs"))
        if (r["出勤率"]) expect(percent(r["出勤率"]), r["社团"]).to.be.at.most(100);
      const marked = await ctx.db.ds.getRepository(Attendance).countBy({ entryId: In([entry.id]), date });
      expect(marked).to.equal(5);
    });
  });
});
