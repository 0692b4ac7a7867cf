import { expect } from "chai";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Express } from "express";
import { forEachDatabase } from "../../support/databases";
import { demoApp, familyLogin, staffLogin } from "../../support/demo-app";
import { formToken, loginAs, Agent } from "../../support/http";
import { projectRoot } from "../../../src/config";
import { AuditEntry, Club, Staff, Student } from "../../../src/db/entities";
import { ChoiceRound } from "../../../src/choices/entities";
import { allocate, parseInstance } from "../../../src/allocation/core";
import { seedDemoChoices } from "../../../seeds/demo-choices";
import {
  AllocationPin,
  AllocationPublication,
  AllocationRun,
  ClubPlacement,
  WaitlistEntry,
} from "../../../src/allocation/entities";
import { changedChildren, parseRun } from "../../../src/allocation/run-report";
import { Notification } from "../../../src/notifications/entities";
import { policyBlockers } from "../../../src/policy/blockers-service";
import { publishRun } from "../../../src/allocation/publish-service";
import { SYSTEM } from "../../../src/audit";
import type { DemoLogins } from "../../../seeds/demo";

// A family logs in and accepts the privacy notice, as a real family must first.
async function familyAgent(app: Express, creds: { studentNumber: string; code: string }): Promise<Agent> {
  const agent = await loginAs(app, creds);
  await agent
    .post("/privacy/accept")
    .type("form")
    .send({ accept: "1", _csrf: await formToken(agent, "/privacy") });
  return agent;
}

forEachDatabase("allocation runs, pins and publishing over HTTP", (ctx) => {
  let app: Express;
  let admin: Agent;
  let logins: DemoLogins;
  let round: ChoiceRound;
  const runs: Record<string, number> = {};

  before(async function () {
    this.timeout(180_000);
    const demo = await demoApp(ctx.db);
    app = demo.app;
    logins = demo.logins;
    ({ round } = await seedDemoChoices(ctx.db.ds, {
      students: 200,
      seed: 7,
      clubSize: 8,
      alsoStudentNumbers: logins.families.flatMap((f) => f.children),
    }));
    admin = await loginAs(app, staffLogin(logins, "admin"));
  });

  const post = async (path: string, body: Record<string, unknown>) =>
    admin
      .post(path)
      .type("form")
      .send({ ...body, _csrf: await formToken(admin, `/admin/rounds/${round.id}/runs`) });
  const runOf = (id: number) => ctx.db.ds.getRepository(AllocationRun).findOneByOrFail({ id });
  const newRun = async (mechanism: string, seed: string, note = "") => {
    const res = await post(`/admin/rounds/${round.id}/runs`, { mechanism, seed, note });
    expect(res.status, res.text.slice(0, 400)).to.equal(302);
    return Number(/\/admin\/runs\/(\d+)$/.exec(res.headers.location)![1]);
  };

  it("When a round has no preferences yet, then running it is refused with 400 and a next step", async () => {
    const repo = ctx.db.ds.getRepository(ChoiceRound);
    const empty = await repo.save(repo.create({ ...round, id: undefined, name: "空轮次" }));
    const res = await admin
      .post(`/admin/rounds/${empty.id}/runs`)
      .type("form")
      .send({ mechanism: "optimal", seed: "1", _csrf: await formToken(admin, `/admin/rounds/${empty.id}/runs`) });
    expect(res.status).to.equal(400);
    expect(res.text).to.contain("这个轮次还没有任何志愿");
    await repo.delete({ id: empty.id });
  });

  it("When the admin opens the allocation index and the round, then both link to it and the round explains the mechanisms", async () => {
    const index = await admin.get("/admin/runs");
    expect(index.status).to.equal(200);
    expect(index.text).to.contain(`/admin/rounds/${round.id}/runs`);
    const page = await admin.get(`/admin/rounds/${round.id}/runs`);
    expect(page.status).to.equal(200);
    expect(page.text).to.contain("最少填报数量是关键");
    expect(page.text).to.contain("无法被“钻空子”");
  });

  it("When the seed or the mechanism is wrong, then the form comes back with 400 naming the field and no run is stored", async () => {
    const before = await ctx.db.ds.getRepository(AllocationRun).count();
    const res = await post(`/admin/rounds/${round.id}/runs`, { mechanism: "optimal", seed: "12abc" });
    expect(res.status).to.equal(400);
    expect(res.text).to.contain('id="err-seed"');
    const bad = await post(`/admin/rounds/${round.id}/runs`, { mechanism: "fastest", seed: "" });
    expect(bad.status).to.equal(400);
    expect(bad.text).to.contain('id="err-mechanism"');
    expect(await ctx.db.ds.getRepository(AllocationRun).count()).to.equal(before);
  });

  it("When the admin runs optimal with seed 42, then the run page shows the metrics, the rank chart, fill per club, unplaced children and the first-come-first-served contrast", async () => {
    runs.optimal = await newRun("optimal", "42");
    const run = await runOf(runs.optimal);
    expect(run.seed).to.equal(42);
    const { result } = parseRun(run);
    expect(run.summary.placedStudents).to.equal(result.metrics.placedStudents);
    expect(run.summary.students).to.be.greaterThan(200);
    // A rush on the same seats cannot place more children than the optimum.
    expect(run.summary.fcfs.placedStudents).to.be.at.most(run.summary.placedStudents);
    const page = await admin.get(`/admin/runs/${runs.optimal}`);
    expect(page.status).to.equal(200);
    expect(page.text).to.contain(`data-metric="placed">${run.summary.placedStudents}<`);
    expect(page.text).to.contain(`data-fcfs="fcfs-placed">${run.summary.fcfs.placedStudents} `);
    expect(page.text).to.match(/<svg[^>]+role="img"/);
    expect(page.text).to.contain("各社团满员情况");
    const unplaced = Object.values(result.assignments).filter((c) => c.length === 0).length;
    expect(page.text).to.contain(`未录取的孩子 <span class="muted">(${unplaced})</span>`);
    const audit = await ctx.db.ds
      .getRepository(AuditEntry)
      .findOneByOrFail({ action: "allocation.run", entityId: String(runs.optimal) });
    expect(audit.details).to.include({ seed: 42, mechanism: "optimal" });
  });

  it("When the seed is left empty, then a random seed is drawn, stored and shown", async () => {
    const id = await newRun("lottery", "");
    const run = await runOf(id);
    expect(run.seed).to.be.a("number").and.at.least(0);
    expect((await admin.get(`/admin/runs/${id}`)).text).to.contain(`种子 ${run.seed}`);
  });

  it("When the instance and result are downloaded, then the engine and the CLI re-run the instance to the same bytes, and verify says so", async () => {
    const instanceRes = await admin
      .get(`/admin/runs/${runs.optimal}/instance.json`)
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => cb(null, Buffer.concat(chunks)));
      });
    const resultRes = await admin
      .get(`/admin/runs/${runs.optimal}/result.json`)
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => cb(null, Buffer.concat(chunks)));
      });
    expect(instanceRes.headers["content-disposition"]).to.contain("attachment");
    const instanceText = (instanceRes.body as Buffer).toString("utf8");
    const resultText = (resultRes.body as Buffer).toString("utf8");
    const again = await allocate(parseInstance(JSON.parse(instanceText)), { mechanism: "optimal", seed: 42 });
    expect(JSON.stringify(again.result) + "\n").to.equal(resultText);

    const dir = mkdtempSync(join(tmpdir(), "kehou-alloc-"));
    try {
      writeFileSync(join(dir, "instance.json"), instanceText);
      const stdout = execFileSync(
        process.execPath,
        [
          join(projectRoot(), "bin", "kehou.js"),
          "allocate",
          "--input",
          join(dir, "instance.json"),
          "--mechanism",
          "optimal",
          "--seed",
          "42",
        ],
        { stdio: ["ignore", "pipe", "ignore"] },
      );
      expect(stdout.equals(resultRes.body as Buffer)).to.equal(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const verify = await admin.get(`/admin/runs/${runs.optimal}/verify`);
    expect(verify.status).to.equal(200);
    expect(verify.text).to.contain("复核通过");
  });

  it("When a lottery run is compared with the optimal one, then the page shows both metrics, fill per club and how many children's clubs differ", async () => {
    runs.lottery = await newRun("lottery", "42", "lottery for contrast");
    const [a, b] = await Promise.all([runOf(runs.optimal), runOf(runs.lottery)]);
    const res = await admin.get(`/admin/runs/compare?a=${a.id}&b=${b.id}`);
    expect(res.status).to.equal(200);
    expect(res.text).to.contain(`data-changed="${changedChildren(parseRun(a), parseRun(b))}"`);
    expect(res.text).to.contain("最优分配").and.to.contain("抽签分配");
    expect(res.text).to.contain("舞蹈");
    expect((await admin.get("/admin/runs/compare?a=x&b=1")).status).to.equal(400);
    expect((await admin.get(`/admin/runs/compare?a=${a.id}&b=99999`)).status).to.equal(404);
  });

  it("When the admin pins without a reason, then 400 names the reason and nothing is pinned", async () => {
    const res = await post(`/admin/rounds/${round.id}/pins`, {
      studentNumber: logins.families[0].studentNumber,
      clubId: "1",
      reason: "",
      mode: "pin",
    });
    expect(res.status).to.equal(400);
    expect(res.text).to.contain('id="err-reason"');
    expect(await ctx.db.ds.getRepository(AllocationPin).count()).to.equal(0);
  });

  it("When the admin pins an unplaced child with a reason, then it is audited and every later run places the child there", async () => {
    const { instance, result } = parseRun(await runOf(runs.optimal));
    const child = instance.students.find((s) => result.assignments[s.id].length === 0 && s.slots.includes("thu-2"))!;
    const club = await ctx.db.ds.getRepository(Club).findOneByOrFail({ code: "chess" });
    const res = await post(`/admin/rounds/${round.id}/pins`, {
      studentNumber: child.id,
      clubId: String(club.id),
      reason: "家长申请，班主任同意",
      mode: "pin",
    });
    expect(res.status, res.text.slice(0, 300)).to.equal(302);
    const pin = await ctx.db.ds.getRepository(AllocationPin).findOneByOrFail({ clubId: club.id });
    const audit = await ctx.db.ds
      .getRepository(AuditEntry)
      .findOneByOrFail({ action: "allocation.pin", entityId: String(pin.id) });
    expect(audit.reason).to.equal("家长申请，班主任同意");
    runs.pinned = await newRun("optimal", "42", "with a pin");
    const rerun = parseRun(await runOf(runs.pinned));
    expect(rerun.instance.students.find((s) => s.id === child.id)!.pinned).to.deep.equal(["chess"]);
    expect(rerun.result.assignments[child.id]).to.include("chess");
    runs.pinnedChild = Number((await ctx.db.ds.getRepository(Student).findOneByOrFail({ studentNumber: child.id })).id);
  });

  it("When a second pin cannot hold with the first, then the engine's message is shown with 400 and the pin is not kept", async () => {
    const child = await ctx.db.ds.getRepository(Student).findOneByOrFail({ id: runs.pinnedChild });
    const club = await ctx.db.ds.getRepository(Club).findOneByOrFail({ code: "go" });
    const before = await ctx.db.ds.getRepository(AllocationPin).count();
    const res = await post(`/admin/rounds/${round.id}/pins`, {
      studentNumber: child.studentNumber,
      clubId: String(club.id),
      reason: "测试第二个指定",
      mode: "pin",
    });
    expect(res.status).to.equal(400);
    expect(res.text).to.match(/students\[\d+\]\.pinned/);
    expect(await ctx.db.ds.getRepository(AllocationPin).count()).to.equal(before);
  });

  it("When the admin moves the pinned child to another club, then the old pin is replaced and the move is audited", async () => {
    const child = await ctx.db.ds.getRepository(Student).findOneByOrFail({ id: runs.pinnedChild });
    const club = await ctx.db.ds.getRepository(Club).findOneByOrFail({ code: "ropeskip" });
    const res = await post(`/admin/rounds/${round.id}/pins`, {
      studentNumber: child.studentNumber,
      clubId: String(club.id),
      reason: "调整到跳绳",
      mode: "move",
    });
    expect(res.status).to.equal(302);
    const pins = await ctx.db.ds.getRepository(AllocationPin).findBy({ studentId: child.id });
    expect(pins.map((p) => p.clubId)).to.deep.equal([club.id]);
    expect(await ctx.db.ds.getRepository(AuditEntry).countBy({ action: "allocation.move" })).to.equal(1);
  });

  it("When nothing is published, then the family sees that the result is not out yet and no club", async () => {
    const family = await familyAgent(app, familyLogin(logins, 1));
    const res = await family.get("/results");
    expect(res.status).to.equal(200);
    expect(res.text).to.contain("社团分配结果尚未发布");
    expect(res.text).to.not.contain("为什么是这个结果");
  });

  it("When the term has a policy error, then publishing is refused without a written override reason and nothing changes", async () => {
    const run = await runOf(runs.optimal);
    // An external instructor without a vetting date is an error-level violation.
    await ctx.db.ds.getRepository(Staff).update({ staffNumber: "E001" }, { vettedOn: null });
    try {
      expect((await policyBlockers(ctx.db.ds, round.termId)).errors).to.be.greaterThan(0);
      const page = await admin.get(`/admin/runs/${run.id}`);
      expect(page.text).to.contain('name="overrideReason"');
      const refused = await post(`/admin/runs/${run.id}/publish`, {});
      expect(refused.status).to.equal(400);
      expect(refused.text).to.contain('id="err-overrideReason"');
      const tooShort = await post(`/admin/runs/${run.id}/publish`, { overrideReason: "ok" });
      expect(tooShort.status).to.equal(400);
      expect(await ctx.db.ds.getRepository(AllocationPublication).count()).to.equal(0);
      expect(await ctx.db.ds.getRepository(ClubPlacement).count()).to.equal(0);
    } finally {
      await ctx.db.ds.getRepository(Staff).update({ staffNumber: "E001" }, { vettedOn: "2026-08-21" });
    }
  });

  it("When the admin publishes with an override reason, then it is audited, placements, waitlists and notifications appear in one step, and the family sees its clubs and the explanation", async () => {
    const run = await runOf(runs.optimal);
    await ctx.db.ds.getRepository(Staff).update({ staffNumber: "E001" }, { vettedOn: null });
    const res = await post(`/admin/runs/${run.id}/publish`, { overrideReason: "校长已批准：先发布社团结果" });
    await ctx.db.ds.getRepository(Staff).update({ staffNumber: "E001" }, { vettedOn: "2026-08-21" });
    expect(res.status, res.text.slice(0, 300)).to.equal(302);
    const overridden = await ctx.db.ds
      .getRepository(AuditEntry)
      .findOneByOrFail({ action: "allocation.publish", entityId: String(run.id) });
    expect(overridden.reason).to.equal("校长已批准：先发布社团结果");
    expect(overridden.details).to.include({ overridden: true });
    const { instance, result } = parseRun(run);
    const placements = Object.values(result.assignments).reduce((n, c) => n + c.length, 0);
    expect(await ctx.db.ds.getRepository(ClubPlacement).countBy({ roundId: round.id })).to.equal(placements);
    expect(await ctx.db.ds.getRepository(WaitlistEntry).countBy({ roundId: round.id })).to.equal(
      Object.values(result.waitlists).reduce((n, w) => n + w.length, 0),
    );
    expect(
      (await ctx.db.ds.getRepository(AllocationPublication).findOneByOrFail({ roundId: round.id })).runId,
    ).to.equal(run.id);
    expect(await ctx.db.ds.getRepository(Notification).countBy({ kind: "results.published" })).to.be.greaterThan(150);
    expect(overridden.details).to.include({ placements });

    const family = await familyAgent(app, familyLogin(logins, 1));
    const page = await family.get("/results");
    expect(page.status).to.equal(200);
    expect(page.text).to.contain("为什么是这个结果");
    expect(page.text).to.contain("本轮采用“最优分配”");
    const older = logins.families[1].children[0];
    const clubs = result.assignments[older];
    const names = new Map((await ctx.db.ds.getRepository(Club).find()).map((c) => [c.code, c.name]));
    for (const code of clubs) expect(page.text).to.contain(names.get(code)!);
    expect(instance.students.some((s) => s.id === older)).to.equal(true);
    expect(page.text).to.contain("每周安排");
    const inbox = await family.get("/notifications");
    expect(inbox.text).to.contain("社团分配结果已发布");
  });

  it("When a family asks for another family's child, then it gets 404 and sees nothing of them", async () => {
    const other = await ctx.db.ds
      .getRepository(Student)
      .findOneByOrFail({ studentNumber: logins.families[1].children[0] });
    const family = await familyAgent(app, familyLogin(logins, 0));
    const res = await family.get(`/results/${other.id}`);
    expect(res.status).to.equal(404);
    expect(res.text).to.not.contain(other.name);
    const own = await ctx.db.ds
      .getRepository(Student)
      .findOneByOrFail({ studentNumber: logins.families[0].studentNumber });
    expect((await family.get(`/results/${own.id}`)).status).to.equal(200);
    expect((await family.get("/admin/runs")).status).to.equal(403);
    expect((await admin.get("/results")).status).to.equal(403);
  });

  it("When the admin publishes another run, then it replaces the published placements as a whole", async () => {
    const run = await runOf(runs.lottery);
    expect((await policyBlockers(ctx.db.ds, round.termId)).errors).to.equal(0);
    // Issue 18: a republication that changes places lists them first; the admin confirms.
    const asked = await post(`/admin/runs/${run.id}/publish`, {});
    expect(asked.status).to.equal(200);
    expect(asked.text).to.match(/data-change="\d+"/);
    const res = await post(`/admin/runs/${run.id}/publish`, { confirmChanges: "1" });
    expect(res.status).to.equal(302);
    const again = await post(`/admin/runs/${run.id}/publish`, { confirmChanges: "1" });
    expect(again.status).to.equal(302);
    expect(
      await ctx.db.ds.getRepository(AuditEntry).countBy({ action: "allocation.publish", entityId: String(run.id) }),
    ).to.equal(1);
    const { result } = parseRun(run);
    expect(await ctx.db.ds.getRepository(ClubPlacement).countBy({ roundId: round.id })).to.equal(
      result.metrics.placements,
    );
    const audit = await ctx.db.ds
      .getRepository(AuditEntry)
      .findOneByOrFail({ action: "allocation.publish", entityId: String(run.id) });
    expect(audit.details).to.include({ previousRunId: runs.optimal });
    const family = await familyAgent(app, familyLogin(logins, 1));
    expect((await family.get("/results")).text).to.contain("本轮采用“抽签分配”");
  });

  it("When publishing fails halfway, then nothing of it is visible: the previous publication, placements and notifications stay as they were", async () => {
    const good = await runOf(runs.lottery);
    const parsed = parseRun(good);
    // A stored result that cannot be inserted (the same club twice for one child) fails mid-transaction.
    const victim = Object.keys(parsed.result.assignments).find((id) => parsed.result.assignments[id].length > 0)!;
    parsed.result.assignments[victim] = [parsed.result.assignments[victim][0], parsed.result.assignments[victim][0]];
    const repo = ctx.db.ds.getRepository(AllocationRun);
    const broken = await repo.save(
      repo.create({ ...good, id: undefined, result: JSON.stringify(parsed.result) + "\n", note: "broken" }),
    );
    const before = {
      placements: await ctx.db.ds.getRepository(ClubPlacement).count(),
      notes: await ctx.db.ds.getRepository(Notification).count(),
      audit: await ctx.db.ds.getRepository(AuditEntry).countBy({ action: "allocation.publish" }),
    };
    let failed = false;
    await publishRun(ctx.db.ds, broken, { overrideReason: null, confirmChanges: true }, SYSTEM).catch(() => {
      failed = true;
    });
    expect(failed).to.equal(true);
    expect(
      (await ctx.db.ds.getRepository(AllocationPublication).findOneByOrFail({ roundId: round.id })).runId,
    ).to.equal(good.id);
    expect(await ctx.db.ds.getRepository(ClubPlacement).count()).to.equal(before.placements);
    expect(await ctx.db.ds.getRepository(Notification).count()).to.equal(before.notes);
    expect(await ctx.db.ds.getRepository(AuditEntry).countBy({ action: "allocation.publish" })).to.equal(before.audit);
  });

  it("When the admin and a family read the pages in English, then every text is translated (no raw keys)", async () => {
    const raw = /\b(assignment|notifications)\.[\w-]+\.[\w-]+/;
    const english = await loginAs(app, staffLogin(logins, "admin"));
    await english
      .post("/lang")
      .type("form")
      .send({ lang: "en", back: "/", _csrf: await formToken(english, "/admin/runs") });
    for (const path of [
      "/admin/runs",
      `/admin/rounds/${round.id}/runs`,
      `/admin/runs/${runs.optimal}`,
      `/admin/runs/${runs.pinned}/verify`,
      `/admin/runs/compare?a=${runs.optimal}&b=${runs.lottery}`,
      `/admin/rounds/${round.id}/placements?club=1`,
    ]) {
      const res = await english.get(path);
      expect(res.status, path).to.equal(200);
      expect(res.text, path).to.not.match(raw);
      expect(res.text, path).to.contain('lang="en"');
    }
    const family = await familyAgent(app, familyLogin(logins, 1));
    await family
      .post("/lang")
      .type("form")
      .send({ lang: "en", back: "/", _csrf: await formToken(family, "/results") });
    for (const [path, heading] of [
      ["/results", "Club results"],
      ["/notifications", "Notifications"],
    ]) {
      const res = await family.get(path);
      expect(res.text, path).to.not.match(raw);
      expect(res.text, path).to.contain(heading);
    }
  });

  it("When ids in allocation URLs are not numbers or do not exist, then the answer is 404, not 500", async () => {
    expect((await admin.get("/admin/runs/abc")).status).to.equal(404);
    expect((await admin.get("/admin/runs/999999")).status).to.equal(404);
    expect((await admin.get("/admin/rounds/999999/runs")).status).to.equal(404);
    expect((await post("/admin/runs/999999/publish", {})).status).to.equal(404);
  });
});
