// The admin's notice pages (issue 21): the outbox status page with "retry now",
// and the notice settings with validation, a write-only password and "send a
// test" per channel against real local receivers.
import { expect } from "chai";
import type { Express } from "express";
import type { DataSource } from "typeorm";
import { forEachDatabase } from "../../support/databases";
import { demoApp, staffLogin } from "../../support/demo-app";
import { type Agent, csrfFrom, loginAs } from "../../support/http";
import { AuditEntry, Setting, Staff, inTransaction } from "../../../src/db";
import { OutboxDelivery, noticeSettings, notifyStaffGroup } from "../../../src/notifications";
import { closeEmailTransports } from "../../../src/notifications/channels";
import { type MailReceiver, type RobotReceiver, startMailReceiver, startRobotReceiver } from "../support/receivers";
import { pointAtReceivers } from "../support/school";
import type { DemoLogins } from "../../../seeds/demo";

const VALID = {
  smtpHost: "smtp.school.example",
  smtpPort: "465",
  smtpSecure: "1",
  smtpUser: "kehou",
  smtpPass: "s3cret-pass",
  smtpFrom: "kehou@school.example",
  wecomWebhook: "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc",
  dingtalkWebhook: "https://oapi.dingtalk.com/robot/send?access_token=xyz",
  dingtalkSecret: "SECabc",
  escalateAfterMinutes: "20",
};

forEachDatabase("admin notice pages", (ctx) => {
  let app: Express;
  let logins: DemoLogins;
  let ds: DataSource;
  let admin: Agent;
  let mail: MailReceiver;
  let robots: RobotReceiver;

  before(async function () {
    this.timeout(180_000);
    ({ app, logins } = await demoApp(ctx.db));
    ds = ctx.db.ds;
    admin = await loginAs(app, staffLogin(logins, "admin"));
    mail = await startMailReceiver();
    robots = await startRobotReceiver();
  });
  after(async () => {
    closeEmailTransports();
    await mail.close();
    await robots.close();
  });

  const post = async (path: string, body: Record<string, string>) => {
    const page = await admin.get("/admin/settings/notices");
    return admin
      .post(path)
      .type("form")
      .send({ _csrf: csrfFrom(page.text), ...body });
  };

  it("When nothing was sent yet, then the outbox page says so and the admin home links both pages", async () => {
    const page = await admin.get("/admin/outbox").expect(200);
    expect(page.text).to.contain("还没有发送记录");
    const home = await admin.get("/").expect(200);
    expect(home.text).to.contain('href="/admin/outbox"').and.contain('href="/admin/settings/notices"');
  });

  it("When a teacher or a family asks for the outbox or the settings, then they are refused", async () => {
    const teacher = await loginAs(app, staffLogin(logins, "class_teacher"));
    await teacher.get("/admin/outbox").expect(403);
    await teacher.get("/admin/settings/notices").expect(403);
  });

  it("When the settings are bad, then the form answers 400 naming each field and nothing is saved", async () => {
    const res = await post("/admin/settings/notices", {
      ...VALID,
      smtpHost: "http://smtp.school.example:25",
      smtpPort: "70000",
      smtpFrom: "not-an-address",
      wecomWebhook: "http://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc",
      dingtalkWebhook: "javascript:alert(1)",
      escalateAfterMinutes: "0",
    });
    expect(res.status).to.equal(400);
    for (const field of ["smtpHost", "smtpPort", "smtpFrom", "wecomWebhook", "dingtalkWebhook", "escalateAfterMinutes"])
      expect(res.text, field).to.contain(`id="err-${field}"`);
    expect(res.text).to.not.contain("s3cret-pass");
    expect(await ds.getRepository(Setting).findOneBy({ key: "notify.smtp.host" })).to.equal(null);
  });

  it("When good settings are saved, then they are stored and audited, and the password is never shown back nor logged", async () => {
    const res = await post("/admin/settings/notices", VALID);
    expect(res.status).to.equal(302);
    const s = await noticeSettings(ds.manager);
    expect(s).to.include({
      "notify.smtp.host": "smtp.school.example",
      "notify.smtp.port": "465",
      "notify.smtp.secure": "true",
      "notify.smtp.pass": "s3cret-pass",
      "notify.dingtalk.secret": "SECabc",
      "notify.escalateAfterMinutes": "20",
    });
    const page = await admin.get("/admin/settings/notices").expect(200);
    expect(page.text).to.contain("smtp.school.example").and.contain("通知设置已保存");
    expect(page.text).to.not.contain("s3cret-pass").and.not.contain("SECabc");
    const audit = await ds.getRepository(AuditEntry).findOneByOrFail({ action: "notifications.settings" });
    expect(JSON.stringify(audit.details)).to.not.contain("s3cret-pass").and.not.contain("SECabc");
    // Saving again with the password left blank keeps it.
    await post("/admin/settings/notices", { ...VALID, smtpPass: "", dingtalkSecret: "" }).then((r) =>
      expect(r.status).to.equal(302),
    );
    expect((await noticeSettings(ds.manager))["notify.smtp.pass"]).to.equal("s3cret-pass");
  });

  it("When the admin sends a test e-mail and robot messages, then the local receivers get them and the page says so in words", async () => {
    await pointAtReceivers(ds, { smtpPort: mail.port, robotUrl: robots.url });
    await ds.getRepository(Setting).save({ key: "notify.smtp.secure", value: "false" });
    await ds.getRepository(Setting).delete({ key: "notify.smtp.user" });
    const me = await ds.getRepository(Staff).findOneByOrFail({ email: staffLogin(logins, "admin").email });
    expect((await post("/admin/settings/notices/test", { channel: "email" })).status).to.equal(302);
    await mail.waitFor(1);
    expect(mail.mails[0].to).to.equal(me.email);
    expect(mail.mails[0].text).to.contain("测试通知");
    expect((await admin.get("/admin/settings/notices")).text).to.contain(`测试邮件已发送到 ${me.email!}`);
    for (const channel of ["wecom", "dingtalk"]) {
      expect((await post("/admin/settings/notices/test", { channel })).status).to.equal(302);
      expect((await admin.get("/admin/settings/notices")).text).to.contain("请到群里确认是否收到");
    }
    expect(robots.accepted().map((c) => c.robot)).to.deep.equal(["wecom", "dingtalk"]);
  });

  it("When a test fails, then the page shows the receiver's error; an unknown channel is a 400", async () => {
    await ds.getRepository(Setting).save({ key: "notify.dingtalk.secret", value: "SECwrong" });
    await post("/admin/settings/notices/test", { channel: "dingtalk" });
    const page = await admin.get("/admin/settings/notices");
    expect(page.text).to.contain("通过钉钉群发送测试失败").and.contain("sign not match");
    const bad = await post("/admin/settings/notices/test", { channel: "fax" });
    expect(bad.status).to.equal(400);
    expect(bad.text).to.contain('id="err-channel"');
  });

  it("When a delivery failed for good, then the outbox lists it with its error, filters find it, and retry now puts it back in line (audited)", async () => {
    await inTransaction(ds, (em) => notifyStaffGroup(em, "attendance.daySummary", { count: 3 }));
    const [row] = await ds
      .getRepository(OutboxDelivery)
      .find({ where: { channel: "wecom" }, order: { id: "DESC" }, take: 1 });
    await ds
      .getRepository(OutboxDelivery)
      .update({ id: row.id }, { status: "failed", attempts: 8, lastError: "errcode 93000: flaky" });
    const page = await admin.get("/admin/outbox?status=failed&channel=wecom").expect(200);
    expect(page.text).to.contain(`data-id="${row.id}"`).and.contain("errcode 93000: flaky");
    expect(page.text).to.contain(`/admin/outbox/${row.id}/retry`);
    const sentOnly = await admin.get("/admin/outbox?status=sent").expect(200);
    expect(sentOnly.text).to.not.contain(`data-id="${row.id}"`);
    const retry = await post(`/admin/outbox/${row.id}/retry`, { back: "/admin/outbox?page=1&status=failed" });
    expect(retry.status).to.equal(302);
    expect(retry.headers.location).to.equal("/admin/outbox?page=1&status=failed");
    const after = await ds.getRepository(OutboxDelivery).findOneByOrFail({ id: row.id });
    expect(after.status).to.equal("pending");
    expect(await ds.getRepository(AuditEntry).countBy({ action: "outbox.retry", entityId: String(row.id) })).to.equal(
      1,
    );
    await post("/admin/outbox/999999/retry", {}).then((r) => expect(r.status).to.equal(404));
  });
});
