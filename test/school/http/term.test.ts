import { expect } from "chai";
import type { Express } from "express";
import { forEachDatabase } from "../../support/databases";
import { demoApp, staffLogin } from "../../support/demo-app";
import { csrfFrom, loginAs, Agent } from "../../support/http";
import { AuditEntry, CalendarDay, Term } from "../../../src/db/entities";

forEachDatabase("school set-up: terms and calendar", (ctx) => {
  let app: Express;
  let admin: Agent;
  let token: string;
  let demoTerm: Term;
  before(async function () {
    this.timeout(120_000);
    const demo = await demoApp(ctx.db);
    app = demo.app;
    admin = await loginAs(app, staffLogin(demo.logins, "admin"));
    token = csrfFrom((await admin.get("/admin/terms/new")).text);
    demoTerm = await ctx.db.ds.getRepository(Term).findOneByOrFail({ current: true });
  });
  const post = (path: string, body: Record<string, unknown>) =>
    admin
      .post(path)
      .type("form")
      .send({ ...body, _csrf: token });
  const days = () => ctx.db.ds.getRepository(CalendarDay).countBy({ termId: demoTerm.id });

  it("When the term form is invalid, then it answers 400 naming each field and creates nothing", async () => {
    const before = await ctx.db.ds.getRepository(Term).count();
    const res = await post("/admin/terms", { name: "", startDate: "2027-02-30", endDate: "2027-01-01" });
    expect(res.status).to.equal(400);
    for (const field of ["name", "startDate"]) expect(res.text).to.contain(`id="err-${field}"`);
    const backwards = await post("/admin/terms", { name: "春季", startDate: "2027-03-01", endDate: "2027-02-01" });
    expect(backwards.status).to.equal(400);
    expect(backwards.text).to.contain('id="err-endDate"');
    const tooLong = await post("/admin/terms", { name: "春季", startDate: "2027-03-01", endDate: "2029-02-01" });
    expect(tooLong.text).to.contain('id="err-endDate"');
    expect(await ctx.db.ds.getRepository(Term).count()).to.equal(before);
  });

  it("When the admin creates a term and marks it current, then it is the only current term, and the change is audited", async () => {
    const res = await post("/admin/terms", {
      name: "2026–2027 学年第二学期",
      startDate: "2027-02-22",
      endDate: "2027-07-02",
    });
    expect(res.status).to.equal(302);
    const spring = await ctx.db.ds.getRepository(Term).findOneByOrFail({ name: "2026–2027 学年第二学期" });
    expect(spring.current).to.equal(false);
    await post(`/admin/terms/${spring.id}/current`, {});
    const current = await ctx.db.ds.getRepository(Term).findBy({ current: true });
    expect(current.map((t) => t.id)).to.deep.equal([spring.id]);
    await post(`/admin/terms/${demoTerm.id}/current`, {});
    expect((await ctx.db.ds.getRepository(Term).findOneByOrFail({ current: true })).id).to.equal(demoTerm.id);
    expect(await ctx.db.ds.getRepository(AuditEntry).countBy({ action: "term.current" })).to.equal(2);
  });

  it("When a make-up day is not a weekend, has no weekday or a weekday outside 1–5, then the form names the field and nothing is added", async () => {
    const before = await days();
    const weekday = await post(`/admin/calendar/${demoTerm.id}/days`, {
      kind: "makeup",
      date: "2026-11-04",
      name: "调休",
      runsWeekday: "3",
    });
    expect(weekday.status).to.equal(400);
    expect(weekday.text).to.contain('id="err-date"');
    // A Monday–Friday make-up date naming no weekday: both fields are wrong (the kernel's rule).
    const weekdayNoRuns = await post(`/admin/calendar/${demoTerm.id}/days`, {
      kind: "makeup",
      date: "2026-11-04",
      name: "调休",
      runsWeekday: "",
    });
    expect(weekdayNoRuns.status).to.equal(400);
    expect(weekdayNoRuns.text).to.contain('id="err-date"').and.to.contain('id="err-runsWeekday"');
    const badDate = await post(`/admin/calendar/${demoTerm.id}/days`, {
      kind: "makeup",
      date: "2026-02-30",
      name: "调休",
      runsWeekday: "",
    });
    expect(badDate.status).to.equal(400);
    expect(badDate.text).to.contain('id="err-date"').and.to.contain('id="err-runsWeekday"');
    const noRuns = await post(`/admin/calendar/${demoTerm.id}/days`, {
      kind: "makeup",
      date: "2026-11-07",
      name: "调休",
      runsWeekday: "",
    });
    expect(noRuns.status).to.equal(400);
    expect(noRuns.text).to.contain('id="err-runsWeekday"');
    const saturday = await post(`/admin/calendar/${demoTerm.id}/days`, {
      kind: "makeup",
      date: "2026-11-07",
      name: "调休",
      runsWeekday: "6",
    });
    expect(saturday.status).to.equal(400);
    expect(saturday.text).to.contain('id="err-runsWeekday"');
    const outside = await post(`/admin/calendar/${demoTerm.id}/days`, {
      kind: "makeup",
      date: "2027-02-06",
      name: "调休",
      runsWeekday: "1",
    });
    expect(outside.status).to.equal(400);
    expect(outside.text).to.contain('id="err-date"');
    const taken = await post(`/admin/calendar/${demoTerm.id}/days`, {
      kind: "holiday",
      date: "2026-10-01",
      name: "重复",
    });
    expect(taken.status).to.equal(400);
    expect(taken.text).to.contain('id="err-date"');
    expect(await days()).to.equal(before);
  });

  it("When a valid make-up Saturday is added, then it is stored with its weekday and shown on the calendar", async () => {
    const res = await post(`/admin/calendar/${demoTerm.id}/days`, {
      kind: "makeup",
      date: "2026-11-07",
      name: "运动会调休",
      runsWeekday: "2",
    });
    expect(res.status).to.equal(302);
    const day = await ctx.db.ds.getRepository(CalendarDay).findOneByOrFail({ termId: demoTerm.id, date: "2026-11-07" });
    expect(day.kind).to.equal("makeup");
    expect(day.runsWeekday).to.equal(2);
    const page = await admin.get(`/admin/calendar?term=${demoTerm.id}`);
    expect(page.text).to.contain("运动会调休");
    expect(page.text).to.match(/class="cal-makeup" title="运动会调休"/);
    expect(page.text).to.match(/class="cal-holiday" title="国庆节"/);
    expect(page.text).to.contain("2026年9月");
    expect(page.text).to.contain("2027年1月");
  });

  it("When a holiday spans several days, then each weekday in the range is added and weekends are skipped", async () => {
    const res = await post(`/admin/calendar/${demoTerm.id}/days`, {
      kind: "holiday",
      date: "2026-12-24",
      until: "2026-12-29",
      name: "冬假",
    });
    expect(res.status).to.equal(302);
    const added = await ctx.db.ds.getRepository(CalendarDay).findBy({ termId: demoTerm.id, name: "冬假" });
    expect(added.map((d) => d.date).sort()).to.deep.equal(["2026-12-24", "2026-12-25", "2026-12-28", "2026-12-29"]);
  });

  it("When the admin deletes a calendar day, then it asks first, and the page after offers an undo that restores it", async () => {
    const day = await ctx.db.ds.getRepository(CalendarDay).findOneByOrFail({ termId: demoTerm.id, date: "2026-10-23" });
    const calendar = await admin.get(`/admin/calendar?term=${demoTerm.id}`);
    expect(calendar.text).to.match(
      new RegExp(`action="/admin/calendar/days/${day.id}/delete" class="inline" data-confirm="[^"]+"`),
    );
    const res = await post(`/admin/calendar/days/${day.id}/delete`, {});
    expect(res.status).to.equal(302);
    expect(await ctx.db.ds.getRepository(CalendarDay).existsBy({ id: day.id })).to.equal(false);
    const after = await admin.get(res.headers.location);
    expect(after.text).to.contain('name="restore" value="1"');
    const undo = /<form method="post" action="([^"]+)" class="undo-bar[\s\S]*?<\/form>/.exec(after.text)!;
    const fields = Object.fromEntries(
      [...undo[0].matchAll(/name="([^"]+)" value="([^"]*)"/g)].map((m) => [m[1], m[2]]),
    );
    expect(fields).to.include({ date: "2026-10-23", kind: "event", name: "秋季运动会" });
    await admin.post(undo[1]).type("form").send(fields);
    const restored = await ctx.db.ds
      .getRepository(CalendarDay)
      .findOneByOrFail({ termId: demoTerm.id, date: "2026-10-23" });
    expect(restored.kind).to.equal("event");
  });

  it("When a calendar day is edited into a make-up weekday, then the same rules apply", async () => {
    const day = await ctx.db.ds.getRepository(CalendarDay).findOneByOrFail({ termId: demoTerm.id, date: "2026-11-12" });
    const bad = await post(`/admin/calendar/days/${day.id}`, {
      kind: "makeup",
      date: "2026-11-12",
      name: "x",
      runsWeekday: "1",
    });
    expect(bad.status).to.equal(400);
    expect(bad.text).to.contain('id="err-date"');
    const ok = await post(`/admin/calendar/days/${day.id}`, {
      kind: "exam",
      date: "2026-11-12",
      name: "期中考试（语文）",
      runsWeekday: "",
    });
    expect(ok.status).to.equal(302);
    expect((await ctx.db.ds.getRepository(CalendarDay).findOneByOrFail({ id: day.id })).name).to.equal(
      "期中考试（语文）",
    );
  });

  it("When a term is shortened so that calendar days fall outside it, then the form refuses and the term is unchanged", async () => {
    const res = await post(`/admin/terms/${demoTerm.id}`, {
      name: demoTerm.name,
      startDate: demoTerm.startDate,
      endDate: "2026-12-31",
      current: "1",
    });
    expect(res.status).to.equal(400);
    expect(res.text).to.contain('id="err-endDate"');
    expect((await ctx.db.ds.getRepository(Term).findOneByOrFail({ id: demoTerm.id })).endDate).to.equal(
      demoTerm.endDate,
    );
  });

  it("When a calendar route gets an unknown id, or a non-admin asks, then it answers 404 or 403", async () => {
    expect((await post("/admin/calendar/days/999999/delete", {})).status).to.equal(404);
    expect((await admin.get("/admin/terms/abc/edit")).status).to.equal(404);
    const teacher = await loginAs(app, { email: "teacher01@kehou.demo", password: "kehou-demo-2026" });
    expect((await teacher.get("/admin/calendar")).status).to.equal(403);
  });
});
