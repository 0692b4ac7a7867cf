// Issue 17: the school clock had two `schoolToday`s and only attendance's
// followed the settable clock. Every page that asks "today" asks one clock.
import { expect } from "chai";
import type { Express } from "express";
import { setSchoolClock } from "../../../src/kernel";
import { SchoolClass } from "../../../src/db/entities";
import { forEachDatabase } from "../../support/databases";
import { demoApp, staffLogin } from "../../support/demo-app";
import { loginAs, type Agent } from "../../support/http";

forEachDatabase("one school clock", (ctx) => {
  let app: Express;
  let teacher: Agent;
  let class31: SchoolClass;

  before(async function () {
    this.timeout(120_000);
    const demo = await demoApp(ctx.db);
    app = demo.app;
    teacher = await loginAs(app, staffLogin(demo.logins, "class_teacher"));
    class31 = await ctx.db.ds.getRepository(SchoolClass).findOneByOrFail({ name: "三年级(1)班" });
  });
  after(() => setSchoolClock());

  it("When the school clock is set to Thursday 10 Sep 2026, then the homework board opens on that week", async () => {
    // 01:30 UTC is 09:30 in Beijing: the same date in both zones, so only the clock decides.
    setSchoolClock(() => new Date("2026-09-10T01:30:00Z"));
    const res = await teacher.get(`/homework/class/${class31.id}`);
    expect(res.status).to.equal(200);
    // The week navigation names the week shown: Monday 7 Sep, whether or not it has homework.
    expect(res.text).to.contain(`href="/homework/class/${class31.id}?week=2026-09-14"`);
    expect(res.text).to.contain(`href="/homework/class/${class31.id}?week=2026-08-31"`);
  });

  it("When the school clock is set past midnight in Beijing but not in UTC, then today is the Beijing date", async () => {
    // 2026-09-10T17:00Z is 01:00 on Friday 11 Sep at the school.
    setSchoolClock(() => new Date("2026-09-10T17:00:00Z"));
    const res = await teacher.get("/homework/new");
    expect(res.status).to.equal(200);
    expect(res.text).to.contain('value="2026-09-11"');
  });
});
