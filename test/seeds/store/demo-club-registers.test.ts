import { expect } from "chai";
import { forEachDatabase } from "../../support/databases";
import { demoApp, staffLogin } from "../../support/demo-app";
import { loginAs } from "../../support/http";
import { seedDemoActivity } from "../../../seeds/demo-activity";
import { setSchoolClock } from "../../../src/kernel";

// The club report's rows as a reader sees them, keyed by header.
function clubRows(html: string): Record<string, string>[] {
  const table = /<table class="table report-table" data-table="clubs">([\s\S]*?)<\/table>/.exec(html)![1];
  const cells = (row: string, tag: string) =>
    [...row.matchAll(new RegExp(`<${tag}[^>]*>([\\s\\S]*?)</${tag}>`, "g"))].map((m) =>
      m[1].replace(/<[^>]*>/g, "").trim(),
    );
  const rows = [...table.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((r) => r[1]);
  const headers = cells(rows[0], "th");
  return rows.slice(1).map((r) => Object.fromEntries(cells(r, "td").map((c, i) => [headers[i], c === "—" ? "" : c])));
}

// The demo as `npm start` seeds it in mid-November: the published allocation's club registers are there.
forEachDatabase("the demo's club registers", (ctx) => {
  after(() => setSchoolClock());

  it("When the demo is seeded in mid-November, then every club with members has a real attendance figure from its registers, at most 100 %", async function () {
    this.timeout(300_000);
    setSchoolClock(() => new Date("2026-11-18T08:00:00Z"));
    const { app, logins } = await demoApp(ctx.db);
    await seedDemoActivity(ctx.db.ds);
    const admin = await loginAs(app, staffLogin(logins, "admin"));
    const page = await admin.get("/admin/reports/clubs");
    expect(page.status).to.equal(200);
    const rows = clubRows(page.text).filter((r) => Number(r["成员"]) > 0);
    expect(rows.length).to.be.greaterThan(15);
    for (const r of rows) {
      expect(r["出勤率"], r["社团"]).to.match(/^\d+\.\d%$/);
      expect(Number(r["出勤率"].replace("%", "")), r["社团"]).to.be.within(85, 100);
    }
    const registers = rows.map((r) => r["已点名课次/已上课次"]);
    for (const taken of registers) expect(taken).to.match(/^(\d+)\/\1$/);
    expect(page.text).to.not.contain("社团还没有点名记录");
  });
});
