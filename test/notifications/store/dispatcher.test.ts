// Issue 21: the dispatcher delivers the outbox to real local receivers — an
// SMTP server and WeCom / DingTalk robots — at least once, with the key that
// travels with every copy, retries with back-off, and claims that expire.
import { expect } from "chai";
import type { DataSource } from "typeorm";
import { forEachDatabase } from "../../support/databases";
import { Setting, inTransaction } from "../../../src/db";
import { SYSTEM } from "../../../src/audit";
import { OutboxDelivery, notifyStaff, notifyStaffGroup } from "../../../src/notifications";
import { dispatchAll, dispatchOnce } from "../../../src/notifications/dispatcher";
import { claimDue } from "../../../src/notifications/dispatcher-store";
import { retryNow } from "../../../src/notifications/outbox-service";
import { closeEmailTransports } from "../../../src/notifications/channels";
import { MAX_ATTEMPTS } from "../../../src/notifications/core";
import { type MailReceiver, type RobotReceiver, startMailReceiver, startRobotReceiver } from "../support/receivers";
import { addStaff, pointAtReceivers } from "../support/school";

const rows = (ds: DataSource) => ds.getRepository(OutboxDelivery).find({ order: { id: "ASC" } });

forEachDatabase("outbox dispatcher: real receivers", (ctx) => {
  let ds: DataSource;
  let mail: MailReceiver;
  let robots: RobotReceiver;
  let teacherEn: number;
  let teacherZh: number;

  before(async () => {
    ds = ctx.db.ds;
    mail = await startMailReceiver();
    robots = await startRobotReceiver();
    teacherEn = (await addStaff(ds, "1", "class_teacher", "li.teacher@school.example", "en")).id;
    teacherZh = (await addStaff(ds, "2", "class_teacher", "wang.teacher@school.example")).id;
    await pointAtReceivers(ds, { smtpPort: mail.port, robotUrl: robots.url });
  });
  after(async () => {
    closeEmailTransports();
    await mail.close();
    await robots.close();
  });
  beforeEach(async () => {
    await ds.getRepository(OutboxDelivery).deleteAll();
    mail.mails.length = 0;
    robots.calls.length = 0;
  });

  it("When an absence notice is committed for two class teachers, then each gets an e-mail in their language with the key as Message-ID and header", async () => {
    const payload = { child: "王小明", session: "合唱", date: "2026-12-01", time: "16:40", link: "/attendance" };
    await inTransaction(ds, async (em) => {
      await notifyStaff(em, teacherEn, "attendance.absent", payload);
      await notifyStaff(em, teacherZh, "attendance.absent", payload);
    });
    const result = await dispatchAll(ds, { siteUrl: "https://kehou.school.example" });
    expect(result).to.deep.equal({ claimed: 2, sent: 2, failed: 0 });
    await mail.waitFor(2);
    const [en, zh] = await rows(ds);
    const byTo = new Map(mail.mails.map((m) => [m.to, m]));
    const mEn = byTo.get("li.teacher@school.example")!;
    const mZh = byTo.get("wang.teacher@school.example")!;
    expect(mEn.messageId).to.equal(`<${en.idempotencyKey}@kehou>`);
    expect(mEn.key).to.equal(en.idempotencyKey);
    expect(mZh.key).to.equal(zh.idempotencyKey);
    expect(mEn.from).to.contain("kehou@school.example");
    expect(mEn.subject).to.contain("[实验小学]").and.contain("absent without excuse");
    expect(mEn.text).to.contain("王小明 was absent without excuse from 合唱");
    expect(mEn.text).to.contain("https://kehou.school.example/attendance");
    expect(mEn.html).to.contain('<a href="https://kehou.school.example/attendance">');
    expect(mZh.subject).to.contain("【实验小学】").and.contain("无故缺勤");
    expect(mZh.text).to.contain("请确认孩子去向");
    for (const r of await rows(ds)) expect(r).to.include({ status: "sent", attempts: 1, lastError: null });
  });

  it("When a day's summary goes to the staff groups, then WeCom and DingTalk each accept it (shape and signature checked) carrying the key and no child's name", async () => {
    await inTransaction(ds, (em) =>
      notifyStaffGroup(em, "attendance.daySummary", { className: "三年级2班", count: 2, link: "/attendance" }),
    );
    await dispatchAll(ds);
    const accepted = robots.accepted();
    expect(accepted.map((c) => c.robot).sort()).to.deep.equal(["dingtalk", "wecom"]);
    const delivered = await rows(ds);
    expect(delivered.map((r) => r.status)).to.deep.equal(["sent", "sent"]);
    expect(accepted.map((c) => c.key).sort()).to.deep.equal(delivered.map((r) => r.idempotencyKey).sort());
    const wecom = accepted.find((c) => c.robot === "wecom")!.body as { markdown: { content: string } };
    expect(wecom.markdown.content).to.contain("实验小学");
    expect(JSON.stringify(accepted.map((c) => c.body))).to.not.contain("王小明");
  });

  it("When the DingTalk secret is wrong, then the robot refuses and the row records the errcode and waits to be tried again", async () => {
    await ds.getRepository(Setting).save({ key: "notify.dingtalk.secret", value: "SECwrong" });
    try {
      await inTransaction(ds, (em) => notifyStaffGroup(em, "attendance.daySummary", { count: 1 }));
      await dispatchAll(ds);
      const dingtalk = (await rows(ds)).find((r) => r.channel === "dingtalk")!;
      expect(dingtalk).to.include({ status: "pending", attempts: 1 });
      expect(dingtalk.lastError).to.equal("errcode 93000: sign not match");
      expect(Date.parse(dingtalk.nextAttemptAt) - Date.now()).to.be.within(20_000, 31_000);
    } finally {
      await pointAtReceivers(ds, { smtpPort: mail.port, robotUrl: robots.url });
    }
  });

  it("When a receiver fails three times and then accepts, then the notice arrives on the fourth try after 30 s, 2 min and 10 min, with the same key every time", async () => {
    await ds.getRepository(Setting).save({ key: "notify.wecom.webhook", value: `${robots.url}/flaky?key=k` });
    await ds.getRepository(Setting).save({ key: "notify.dingtalk.webhook", value: "" });
    try {
      robots.failNext(3);
      const t0 = Date.now();
      await inTransaction(ds, (em) => notifyStaffGroup(em, "attendance.daySummary", { count: 1 }));
      const at = (ms: number) => () => new Date(t0 + ms);
      const passes: [number, number][] = [];
      for (const ms of [1_000, 20_000, 31_000, 100_000, 152_000, 500_000, 753_000]) {
        const r = await dispatchOnce(ds, { now: at(ms) });
        passes.push([ms, r.claimed]);
      }
      // Tried at 1 s, then not before 31 s, then not before 2 min later, then 10 min later.
      expect(passes).to.deep.equal([
        [1_000, 1],
        [20_000, 0],
        [31_000, 1],
        [100_000, 0],
        [152_000, 1],
        [500_000, 0],
        [753_000, 1],
      ]);
      const [row] = await rows(ds);
      expect(row).to.include({ status: "sent", attempts: 4, lastError: null });
      const flaky = robots.calls.filter((c) => c.robot === "flaky");
      expect(flaky.map((c) => c.refused)).to.deep.equal(["flaky", "flaky", "flaky", null]);
      expect(new Set(flaky.map((c) => c.key))).to.deep.equal(new Set([row.idempotencyKey]));
    } finally {
      await pointAtReceivers(ds, { smtpPort: mail.port, robotUrl: robots.url });
    }
  });

  it("When every try fails, then the row is failed for good after the last one, and an admin's retry sends it", async () => {
    await ds.getRepository(Setting).save({ key: "notify.wecom.webhook", value: `${robots.url}/flaky?key=k` });
    await ds.getRepository(Setting).save({ key: "notify.dingtalk.webhook", value: "" });
    try {
      robots.failNext(MAX_ATTEMPTS);
      await inTransaction(ds, (em) => notifyStaffGroup(em, "attendance.daySummary", { count: 1 }));
      let clock = Date.now();
      for (let i = 0; i < MAX_ATTEMPTS; i++) {
        await dispatchOnce(ds, { now: () => new Date(clock) });
        clock += 3_700_000;
      }
      const [failed] = await rows(ds);
      expect(failed).to.include({ status: "failed", attempts: MAX_ATTEMPTS, lastError: "errcode 93000: flaky" });
      expect(await dispatchOnce(ds, { now: () => new Date(clock) })).to.include({ claimed: 0 });
      expect(await retryNow(ds, failed.id, SYSTEM)).to.equal(true);
      expect(await dispatchOnce(ds)).to.deep.equal({ claimed: 1, sent: 1, failed: 0 });
      const [sent] = await rows(ds);
      expect(sent).to.include({ status: "sent", attempts: MAX_ATTEMPTS + 1 });
    } finally {
      await pointAtReceivers(ds, { smtpPort: mail.port, robotUrl: robots.url });
    }
  });

  it("When a worker claimed rows and died, then nobody takes them until the claim expires, and then another worker sends them", async () => {
    await inTransaction(ds, (em) => notifyStaff(em, teacherZh, "attendance.absent", { child: "王小明" }));
    const now = Date.now();
    const claimed = await claimDue(ds, {
      workerId: "dead-worker",
      now: new Date(now).toISOString(),
      until: new Date(now + 60_000).toISOString(),
      limit: 10,
    });
    expect(claimed).to.have.length(1);
    expect(await dispatchOnce(ds, { workerId: "alive", now: () => new Date(now + 30_000) })).to.include({ claimed: 0 });
    expect(await dispatchOnce(ds, { workerId: "alive", now: () => new Date(now + 61_000) })).to.deep.equal({
      claimed: 1,
      sent: 1,
      failed: 0,
    });
    await mail.waitFor(1);
    expect(mail.mails[0].key).to.equal(claimed[0].idempotencyKey);
    const [row] = await rows(ds);
    expect(row).to.include({ status: "sent", claimedBy: "alive" });
  });

  it("When SMTP refuses the connection, then the row records the reason in words", async () => {
    await ds.getRepository(Setting).save({ key: "notify.smtp.port", value: "1" });
    try {
      await inTransaction(ds, (em) => notifyStaff(em, teacherZh, "attendance.absent", { child: "王小明" }));
      await dispatchAll(ds);
      const [row] = await rows(ds);
      expect(row.status).to.equal("pending");
      expect(row.lastError).to.match(/ECONNREFUSED/);
    } finally {
      closeEmailTransports();
      await pointAtReceivers(ds, { smtpPort: mail.port, robotUrl: robots.url });
    }
  });
});
