// Issue 21: a family's optional e-mail address. Adding it needs consent (kept
// with the privacy notice's version) and sends a link through the outbox to
// the new address; it counts for notices only once the link is opened by the
// same family, once; withdrawing consent or removing it stops its use. Each
// change is audited.
import { expect } from "chai";
import type { Express } from "express";
import type { DataSource } from "typeorm";
import { forEachDatabase } from "../../support/databases";
import { demoApp, familyLogin } from "../../support/demo-app";
import { csrfFrom, formToken, loginAs, type Agent } from "../../support/http";
import type { DemoLogins } from "../../../seeds/demo";
import { AuditEntry, Setting, Student, inTransaction } from "../../../src/db";
import { FamilyEmail, OutboxDelivery, notify } from "../../../src/notifications";
import { PRIVACY_VERSION } from "../../../src/privacy";

async function familyAgent(app: Express, logins: DemoLogins, i: number): Promise<Agent> {
  const agent = await loginAs(app, familyLogin(logins, i));
  const privacy = await agent.get("/privacy");
  await agent
    .post("/privacy/accept")
    .type("form")
    .send({ _csrf: csrfFrom(privacy.text), accept: "1" });
  return agent;
}

forEachDatabase("a family's e-mail address for notices", (ctx) => {
  let app: Express;
  let logins: DemoLogins;
  let ds: DataSource;
  let family: Agent;
  let familyId: number;
  let token = "";

  before(async function () {
    this.timeout(180_000);
    ({ app, logins } = await demoApp(ctx.db));
    ds = ctx.db.ds;
    family = await familyAgent(app, logins, 0);
    familyId = (await ds.getRepository(Student).findOneByOrFail({ studentNumber: logins.families[0].studentNumber }))
      .familyId;
  });

  const row = () => ds.getRepository(FamilyEmail).findOneBy({ familyId });
  const links = () =>
    ds.getRepository(OutboxDelivery).find({ where: { kind: "account.verifyEmail" }, order: { id: "ASC" } });
  const audit = (action: string) =>
    ds.getRepository(AuditEntry).find({ where: { action, entity: "family", entityId: String(familyId) } });
  const post = async (path: string, body: Record<string, string> = {}, from = "/account/email") =>
    family
      .post(path)
      .type("form")
      .send({ _csrf: await formToken(family, from), ...body });
  const deliveriesFor = (kind: string) =>
    ds.getRepository(OutboxDelivery).find({ where: { kind, recipientKind: "family", recipientId: familyId } });
  const tell = (kind: string) =>
    inTransaction(ds, (em) => notify(em, familyId, kind, { round: "测试轮", child: "小明", link: "/choices" }));

  it("When the school has no e-mail set up, then the page says so and an address is refused with the field named", async () => {
    const page = await family.get("/account/email");
    expect(page.status).to.equal(200);
    expect(page.text).to.contain("学校还没有开通邮件通知");
    const res = await post("/account/email", { address: "parent@example.cn", consent: "1" });
    expect(res.status).to.equal(400);
    expect(res.text).to.contain('id="err-address"');
    expect(await row()).to.equal(null);
  });

  it("When the address is malformed or consent is missing, then nothing is kept and the form names the field", async () => {
    await ds.getRepository(Setting).save([
      { key: "notify.smtp.host", value: "127.0.0.1" },
      { key: "notify.smtp.from", value: "kehou@school.example" },
    ]);
    const bad = await post("/account/email", { address: "not-an-address", consent: "1" });
    expect(bad.status).to.equal(400);
    expect(bad.text).to.contain('id="err-address"');
    const noConsent = await post("/account/email", { address: "parent@example.cn" });
    expect(noConsent.status).to.equal(400);
    expect(noConsent.text).to.contain('id="err-consent"');
    expect(await row()).to.equal(null);
    expect(await links()).to.deep.equal([]);
  });

  it("When a family adds an address with consent, then it waits unverified, the link goes to that address through the outbox, and the change is audited", async () => {
    const res = await post("/account/email", { address: " Parent@Example.cn ", consent: "1" });
    expect(res.status).to.equal(302);
    const stored = await row();
    expect(stored).to.include({ address: "parent@example.cn", verifiedAt: null, consentVersion: PRIVACY_VERSION });
    const [link] = await links();
    expect(link).to.include({
      channel: "email",
      address: "parent@example.cn",
      recipientKind: "family",
      status: "pending",
    });
    expect(link.recipientId).to.equal(familyId);
    const match = /^\/account\/email\/verify\/([A-Za-z0-9_-]{43})$/.exec(String(link.payload.link));
    expect(match, "the payload's link").to.not.equal(null);
    token = match![1];
    expect(stored!.tokenHash).to.not.contain(token);
    expect(await audit("family.email.add")).to.have.length(1);
    // Unverified: the address carries nothing yet.
    await tell("round.opened");
    expect(await deliveriesFor("round.opened")).to.deep.equal([]);
  });

  it("When another family opens the link, then it verifies nothing", async () => {
    const other = await familyAgent(app, logins, 1);
    const page = await other.get(`/account/email/verify/${token}`);
    expect(page.text).to.contain("这个链接无效");
    const res = await other
      .post(`/account/email/verify/${token}`)
      .type("form")
      .send({ _csrf: csrfFrom(page.text) });
    expect(res.status).to.equal(400);
    expect((await row())!.verifiedAt).to.equal(null);
  });

  it("When the family opens the link and confirms, then the address counts, once; notices go to it unless opted out, and an unexcused absence always does", async () => {
    expect((await family.get("/account/email/verify/short")).status).to.equal(404);
    const page = await family.get(`/account/email/verify/${token}`);
    expect(page.status).to.equal(200);
    expect(page.text).to.contain("parent@example.cn");
    const res = await family
      .post(`/account/email/verify/${token}`)
      .type("form")
      .send({ _csrf: csrfFrom(page.text) });
    expect(res.status).to.equal(302);
    expect((await row())!.verifiedAt).to.be.a("string");
    expect(await audit("family.email.verify")).to.have.length(1);
    const again = await family
      .post(`/account/email/verify/${token}`)
      .type("form")
      .send({ _csrf: await formToken(family, "/account/email") });
    expect(again.status).to.equal(400);

    await tell("round.deadline");
    const sent = await deliveriesFor("round.deadline");
    expect(sent.map((d) => [d.channel, d.address])).to.deep.equal([["email", "parent@example.cn"]]);

    // Opting out of everything on e-mail: the deadline stops, the absence still goes.
    const settings = await family.get("/notifications/settings");
    await family
      .post("/notifications/settings")
      .type("form")
      .send({ _csrf: csrfFrom(settings.text), form: "notice-settings" });
    await tell("round.deadline");
    await tell("attendance.absent");
    expect(await deliveriesFor("round.deadline")).to.have.length(1);
    expect((await deliveriesFor("attendance.absent")).map((d) => d.address)).to.deep.equal(["parent@example.cn"]);
  });

  it("When a new link is asked for too soon, or for an address already verified, then none is sent", async () => {
    const before = (await links()).length;
    const res = await post("/account/email/resend");
    expect(res.status).to.equal(302);
    expect((await links()).length).to.equal(before);
    const same = await post("/account/email", { address: "parent@example.cn", consent: "1" });
    expect(same.status).to.equal(400);
  });

  it("When the family changes the address and the link has expired, then the new address never counts", async () => {
    const res = await post("/account/email", { address: "new@example.cn", consent: "1" });
    expect(res.status).to.equal(302);
    expect(await audit("family.email.change")).to.have.length(1);
    const link = (await links()).at(-1)!;
    expect(link.address).to.equal("new@example.cn");
    const fresh = String(link.payload.link).split("/").at(-1)!;
    await ds.getRepository(FamilyEmail).update({ familyId }, { tokenExpiresAt: "2000-01-01T00:00:00.000Z" });
    const page = await family.get(`/account/email/verify/${fresh}`);
    const expired = await family
      .post(`/account/email/verify/${fresh}`)
      .type("form")
      .send({ _csrf: csrfFrom(page.text) });
    expect(expired.status).to.equal(400);
    expect((await row())!.verifiedAt).to.equal(null);
  });

  it("When consent is withdrawn and then the address removed, then it is no longer used, and both are audited", async () => {
    const now = new Date().toISOString();
    await ds.getRepository(FamilyEmail).update({ familyId }, { verifiedAt: now });
    expect((await post("/account/email/withdraw")).status).to.equal(302);
    expect((await row())!.withdrawnAt).to.be.a("string");
    await tell("attendance.absent");
    expect(
      (await deliveriesFor("attendance.absent")).filter((d) => d.address === "new@example.cn"),
      "a withdrawn address carries nothing, not even the mandatory kind",
    ).to.deep.equal([]);
    expect(await audit("family.email.withdraw")).to.have.length(1);
    const page = await family.get("/account/email");
    expect(page.text).to.contain("已撤回同意");
    expect((await post("/account/email/remove")).status).to.equal(302);
    expect(await row()).to.equal(null);
    const removed = await audit("family.email.remove");
    expect(JSON.stringify(removed[0].details)).to.contain("new@example.cn");
  });
});
