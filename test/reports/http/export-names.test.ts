import { expect } from "chai";
import type { Express } from "express";
import { forEachDatabase } from "../../support/databases";
import { demoApp, staffLogin } from "../../support/demo-app";
import { loginAs, type Agent } from "../../support/http";
import { Student } from "../../../src/db/entities";
import { schoolToday } from "../../../src/kernel";

// Every file the app hands out is named by one helper (src/http/download.ts): what, the term, the school's date.
forEachDatabase("export file names: term and date, RFC 5987 with an ASCII fallback", (ctx) => {
  let app: Express;
  let admin: Agent;
  let today: string;
  const term = "2026–2027学年第一学期";
  before(async function () {
    this.timeout(120_000);
    const demo = await demoApp(ctx.db);
    app = demo.app;
    admin = await loginAs(app, staffLogin(demo.logins, "admin"));
    today = await schoolToday(ctx.db.ds);
  });

  const nameOf = (header: string): string => {
    const star = /filename\*=UTF-8''([^;]+)/.exec(header);
    return star ? decodeURIComponent(star[1]) : /filename="([^"]+)"/.exec(header)![1];
  };

  it("When a report is exported as CSV or XLSX, then the file is named kehou-<report>-<term>-<date>", async () => {
    for (const ext of ["csv", "xlsx"]) {
      const res = await admin.get(`/admin/reports/participation.${ext}`).buffer(true);
      expect(res.status).to.equal(200);
      const header = res.headers["content-disposition"];
      expect(nameOf(header)).to.equal(`kehou-participation-${term}-${today}.${ext}`);
      expect(header).to.contain(`filename="kehou-participation-2026-2027-${today}.${ext}"`);
      expect(res.headers["cache-control"]).to.equal("no-store");
    }
    const week = await admin.get("/admin/reports/participation.csv?week=2026-09-14&table=groups").buffer(true);
    expect(nameOf(week.headers["content-disposition"])).to.equal(
      `kehou-participation-2026-09-14-groups-${term}-${today}.csv`,
    );
  });

  it("When a child's data is exported, then the file is named after the child's number, the term and the date", async () => {
    const child = await ctx.db.ds.getRepository(Student).findOneByOrFail({ archived: false });
    const res = await admin.get(`/admin/students/${child.id}/export.json`);
    expect(res.status).to.equal(200);
    expect(nameOf(res.headers["content-disposition"])).to.equal(
      `kehou-student-${child.studentNumber}-${term}-${today}.json`,
    );
    expect(res.headers["content-type"]).to.contain("application/json");
  });
});
