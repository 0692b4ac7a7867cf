import { expect } from "chai";
import type { Express } from "express";
import { forEachDatabase } from "../../support/databases";
import { demoApp, staffLogin } from "../../support/demo-app";
import { formToken, loginAs, type Agent } from "../../support/http";
import { seedDemoChoices } from "../../../seeds/demo-choices";
import { Student, TimetableEntry } from "../../../src/db/entities";
import { ChoiceRound } from "../../../src/choices/entities";
import { Attendance } from "../../../src/attendance/entities";
import { schoolToday } from "../../../src/kernel";

const items = (html: string): string[] => [...html.matchAll(/data-todo="([^"]+)"/g)].map((m) => m[1]);
const hrefOf = (html: string, key: string): string =>
  new RegExp(`data-todo="${key}">\\s*<a href="([^"]+)"`).exec(html)![1];

forEachDatabase("the admin home: a to-do list for today and this week", (ctx) => {
  let app: Express;
  let admin: Agent;
  before(async function () {
    this.timeout(120_000);
    const demo = await demoApp(ctx.db);
    app = demo.app;
    admin = await loginAs(app, staffLogin(demo.logins, "admin"));
  });

  it("When the admin opens the home, then the to-do list comes first and the whole menu stays below it", async () => {
    const res = await admin.get("/");
    expect(res.status).to.equal(200);
    expect(res.text.indexOf('id="todo-title"')).to.be.lessThan(res.text.indexOf('id="menu"'));
    expect(res.text).to.contain('href="#menu"');
    for (const href of ["/admin/rounds", "/admin/runs", "/admin/timetable", "/admin/compliance", "/attendance"])
      expect(res.text).to.contain(`href="${href}"`);
  });

  it("When a round is open, runs wait, the draft differs from the published week and a child is absent today, then each is an item linking to a page that answers 200", async () => {
    const ds = ctx.db.ds;
    // A closed round with a draft run and nothing published: families wait for a result.
    const { round } = await seedDemoChoices(ds, { students: 60, seed: 5 });
    const run = await admin
      .post(`/admin/rounds/${round.id}/runs`)
      .type("form")
      .send({ mechanism: "optimal", seed: "1", _csrf: await formToken(admin, `/admin/rounds/${round.id}/runs`) });
    expect(run.status).to.equal(302);
    // An open round, closing in ten days.
    const open = await ds.getRepository(ChoiceRound).save({
      ...round,
      id: undefined,
      name: "开放中的补选",
      opensAt: new Date(Date.now() - 3_600_000).toISOString(),
      closesAt: new Date(Date.now() + 10 * 86_400_000).toISOString(),
    } as Partial<ChoiceRound>);
    // One draft session removed since publishing: a change families cannot see yet.
    const entry = await ds.getRepository(TimetableEntry).findOneOrFail({ where: {}, order: { id: "DESC" } });
    await ds.getRepository(TimetableEntry).delete({ id: entry.id });
    // A child marked absent without an excuse today.
    const today = await schoolToday(ds);
    const child = await ds.getRepository(Student).findOneOrFail({ where: { archived: false }, order: { id: "ASC" } });
    await ds.getRepository(Attendance).insert({
      entryId: entry.id,
      date: today,
      studentId: child.id,
      status: "absent",
      note: null,
      markedByStaffId: null,
      markedAt: new Date().toISOString(),
    });

    const started = Date.now();
    const home = await admin.get("/");
    const ms = Date.now() - started;
    expect(home.status).to.equal(200);
    const keys = items(home.text);
    for (const key of ["runs", "round", "timetableChanges", "absences"]) expect(keys, key).to.include(key);
    expect(hrefOf(home.text, "runs")).to.equal(`/admin/rounds/${round.id}/runs`);
    expect(hrefOf(home.text, "round")).to.equal(`/admin/rounds/${open.id}`);
    expect(home.text).to.contain("名孩子已提交");
    expect(home.text).to.contain("1 处改动尚未发布");
    expect(home.text).to.contain("今天有 1 人次未到且未请假");
    // Each item's page is there (the admin can always go on from the home).
    for (const key of keys) expect((await admin.get(hrefOf(home.text, key))).status, key).to.equal(200);
    console.log(`      admin home with items: ${ms} ms`);
  });

  it("When the page is English, then the items are in English with plurals", async () => {
    await admin
      .post("/lang")
      .type("form")
      .send({ lang: "en", _csrf: await formToken(admin, "/") });
    const home = await admin.get("/");
    expect(home.text).to.contain("1 timetable change is not published");
    expect(home.text).to.contain("1 child absent today without an excuse");
    expect(home.text).to.contain("To do");
    await admin
      .post("/lang")
      .type("form")
      .send({ lang: "zh-CN", _csrf: await formToken(admin, "/") });
  });

  it("When nothing needs the admin, then the home says 今天没有待办", async () => {
    const ds = ctx.db.ds;
    await ds.getRepository(Attendance).clear();
    const res = await admin.get("/");
    // Today's section is empty now; the week may still hold work.
    expect(res.text).to.contain("今天没有待办");
    expect(items(res.text)).not.to.include("absences");
  });
});
