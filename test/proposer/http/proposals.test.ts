import { expect } from "chai";
import type { Express } from "express";
import { forEachDatabase } from "../../support/databases";
import { demoApp, staffLogin } from "../../support/demo-app";
import { formToken, loginAs, type Agent } from "../../support/http";
import { AuditEntry, Club, Period, TimetableEntry } from "../../../src/db/entities";
import { inTransaction } from "../../../src/db/transaction";
import { ProposalRun } from "../../../src/proposer/entities";
import { runSettled } from "../../../src/proposer/runner";
import { markInterrupted } from "../../../src/proposer";

// The admin's proposal pages on the demo school: start a run with a small
// budget, watch it finish off the request thread, accept it into the draft
// once; a changed draft, a second accept, bad options and non-admins are refused.
forEachDatabase("proposer: the admin's proposals", (ctx) => {
  let app: Express;
  let admin: Agent;
  let teacher: Agent;
  let slots: string[];
  let clubIds: string[];

  before(async function () {
    this.timeout(120_000);
    const demo = await demoApp(ctx.db);
    app = demo.app;
    admin = await loginAs(app, staffLogin(demo.logins, "admin"));
    teacher = await loginAs(app, staffLogin(demo.logins, "teacher"));
    const [, p2] = await ctx.db.ds.getRepository(Period).find({ order: { position: "ASC" } });
    // Thursday (the demo's club day) and Monday period 2, where grades have activities beside which clubs may meet.
    slots = [`4-${p2.id}`, `1-${p2.id}`];
    clubIds = (await ctx.db.ds.getRepository(Club).find({ where: { cancelled: false } })).map((c) => String(c.id));
  });

  const runs = () => ctx.db.ds.getRepository(ProposalRun);
  const post = async (path: string, body: Record<string, unknown>) =>
    admin
      .post(path)
      .type("form")
      .send({ ...body, _csrf: await formToken(admin, "/admin/proposals") });
  const start = async (budget = "5", timeLimit = "60") => {
    const res = await post("/admin/proposals", { clubIds, slots, budget, timeLimit, seed: "3" });
    expect(res.status, res.text.slice(0, 500)).to.equal(303);
    return Number(/\/admin\/proposals\/(\d+)$/.exec(res.headers.location)![1]);
  };
  const finished = async (id: number) => {
    await runSettled(ctx.db.ds, id);
    return runs().findOneByOrFail({ id });
  };

  it("When the admin opens the proposals page, then the form offers the term's clubs and the club slots checked", async () => {
    const res = await admin.get("/admin/proposals");
    expect(res.status).to.equal(200);
    expect(res.text)
      .to.contain("自动排课建议")
      .and.to.contain('name="clubIds"')
      .and.to.contain('name="budget" inputmode="numeric" value="200"');
    expect(res.text).to.contain(`value="${slots[0]}" checked`);
    expect(res.text).to.contain("还没有排课建议");
  });

  it("When a teacher or a family asks for the proposals, then they are refused", async () => {
    expect((await teacher.get("/admin/proposals")).status).to.equal(403);
    expect((await teacher.get("/admin/proposals/1/progress")).status).to.equal(403);
  });

  const bad: [string, Record<string, unknown>, string][] = [
    ["no clubs", { clubIds: [] }, "请至少选择一个社团"],
    ["a budget of 0", { budget: "0" }, "计算预算须为"],
    ["a time limit of ten minutes and more", { timeLimit: "601" }, "时间上限须为"],
    ["an unknown slot", { slots: ["4-999999"] }, "所选时段不在本学期"],
    ["an unknown club", { clubIds: ["999999"] }, "所选社团不属于本学期"],
  ];
  for (const [what, change, message] of bad)
    it(`When the form has ${what}, then 400 names the field and no run starts`, async () => {
      const before = await runs().count();
      const res = await post("/admin/proposals", { clubIds, slots, budget: "5", timeLimit: "60", ...change });
      expect(res.status).to.equal(400);
      expect(res.text).to.contain(message);
      expect(await runs().count()).to.equal(before);
    });

  it("When a run with a small budget is started, then it finishes off the request thread and its page shows the proposal beside the draft", async function () {
    this.timeout(60_000);
    const id = await start();
    const run = await finished(id);
    expect(run.status, run.error ?? "").to.equal("done");
    expect(run.evaluations).to.be.at.most(5);
    expect(run.currentMetrics).to.not.equal(null);
    const progress = await admin.get(`/admin/proposals/${id}/progress`);
    expect(progress.body).to.include({ status: "done", finished: true, percent: 100 });
    const page = await admin.get(`/admin/proposals/${id}`);
    expect(page.status).to.equal(200);
    expect(page.text).to.contain("预计").and.to.contain("名孩子有社团（现在").and.to.contain("为什么这样排");
    expect(page.text).to.contain("建议与草稿对照").and.to.contain('name="confirm"');
  });

  it("When a proposal is accepted, then the draft holds its sessions, it is audit-logged, and a second accept is refused", async function () {
    this.timeout(60_000);
    const id = await start();
    await finished(id);
    const noConfirm = await post(`/admin/proposals/${id}/accept`, {});
    expect(noConfirm.status).to.equal(400);
    expect(noConfirm.text).to.contain("请勾选确认");
    const res = await post(`/admin/proposals/${id}/accept`, { confirm: "yes" });
    expect(res.status).to.equal(303);
    const run = await runs().findOneByOrFail({ id });
    expect(run.acceptedAt).to.not.equal(null);
    const result = JSON.parse(run.result!) as { entries: unknown[] };
    const clubEntries = await ctx.db.ds.getRepository(TimetableEntry).find({ where: { kind: "club" } });
    expect(clubEntries.length).to.equal(result.entries.length);
    expect(await ctx.db.ds.getRepository(AuditEntry).countBy({ action: "proposer.run.accept" })).to.equal(1);
    const again = await post(`/admin/proposals/${id}/accept`, { confirm: "yes" });
    expect(again.status).to.equal(409);
    expect(again.text).to.contain("这个建议已经采用过了");
  });

  it("When the draft changed after the proposal started, then accepting is refused and the draft is left alone", async function () {
    this.timeout(60_000);
    const id = await start();
    await finished(id);
    await inTransaction(ctx.db.ds, async (em) => {
      const e = await em
        .getRepository(TimetableEntry)
        .findOneOrFail({ where: { kind: "homework" }, order: { id: "ASC" } });
      await em
        .getRepository(TimetableEntry)
        .update({ id: e.id }, { title: `${e.title}（改）`, grades: [...e.grades, 6] });
    });
    const before = JSON.stringify(await ctx.db.ds.getRepository(TimetableEntry).find({ order: { id: "ASC" } }));
    const res = await post(`/admin/proposals/${id}/accept`, { confirm: "yes" });
    expect(res.status).to.equal(409);
    expect(res.text).to.contain("课表草稿在这个建议开始计算之后改动过");
    expect(JSON.stringify(await ctx.db.ds.getRepository(TimetableEntry).find({ order: { id: "ASC" } }))).to.equal(
      before,
    );
  });

  it("When a run is computing, then a second one for the term is refused, and stop ends it keeping the best so far", async function () {
    this.timeout(60_000);
    const id = await start("5000", "600");
    const second = await post("/admin/proposals", { clubIds, slots, budget: "5", timeLimit: "60" });
    expect(second.status).to.equal(400);
    expect(second.text).to.contain("已有一个建议正在计算");
    const stop = await post(`/admin/proposals/${id}/stop`, {});
    expect(stop.status).to.equal(303);
    const run = await finished(id);
    // The demo is small: the search may have ended on its own before the stop arrived (test/proposer/store stops a long one).
    expect(run.status, run.error ?? "").to.be.oneOf(["stopped", "done"]);
    expect((JSON.parse(run.result!) as { entries: unknown[] }).entries.length).to.be.greaterThan(0);
  });

  it("When the server restarts while a run is computed, then the run is marked failed (interrupted)", async function () {
    this.timeout(60_000);
    const id = await start("5000", "600");
    expect(await markInterrupted(ctx.db.ds)).to.equal(1);
    await post(`/admin/proposals/${id}/stop`, {});
    const run = await finished(id);
    expect(run).to.include({ status: "failed", error: "interrupted" });
    const page = await admin.get(`/admin/proposals/${id}`);
    expect(page.text).to.contain("服务器重启时这次计算被中断了");
  });
});
