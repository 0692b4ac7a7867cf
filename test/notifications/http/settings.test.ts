// Issue 21: "通知设置". Each person ticks which of their channels carry which
// notices; the app column and the unexcused-absence row are ticked and
// disabled with the reason; e-mail is offered once there is an address, and a
// save without it keeps the earlier e-mail choices.
import { expect } from "chai";
import type { Express } from "express";
import request from "supertest";
import { forEachDatabase } from "../../support/databases";
import { demoApp, familyLogin, staffLogin } from "../../support/demo-app";
import { csrfFrom, formToken, loginAs, type Agent } from "../../support/http";
import type { DemoLogins } from "../../../seeds/demo";
import { AuditEntry, Staff, Student } from "../../../src/db/entities";
import { FamilyEmail, NoticeOptOut } from "../../../src/notifications";

forEachDatabase("notice settings page", (ctx) => {
  let app: Express;
  let logins: DemoLogins;
  let family: Agent;
  let familyId: number;

  before(async function () {
    this.timeout(180_000);
    ({ app, logins } = await demoApp(ctx.db));
    family = await loginAs(app, familyLogin(logins, 0));
    const privacy = await family.get("/privacy");
    await family
      .post("/privacy/accept")
      .type("form")
      .send({ _csrf: csrfFrom(privacy.text), accept: "1" });
    familyId = (
      await ctx.db.ds.getRepository(Student).findOneByOrFail({ studentNumber: logins.families[0].studentNumber })
    ).familyId;
  });

  const optOuts = (where: { familyId?: number; staffId?: number }) =>
    ctx.db.ds.getRepository(NoticeOptOut).find({ where, order: { id: "ASC" } });

  it("When an anonymous visitor asks for the settings, then they are sent to log in", async () => {
    const res = await request(app).get("/notifications/settings");
    expect(res.status).to.equal(302);
    expect(res.headers.location).to.match(/^\/login/);
  });

  it("When a family without an e-mail address opens its settings, then the absence row and the app column are ticked and disabled with the reason, and e-mail cannot be ticked", async () => {
    const res = await family.get("/notifications/settings");
    expect(res.status).to.equal(200);
    expect(res.text).to.contain("通知设置");
    expect(res.text).to.match(/value="attendance\.absent\|email"[^>]*checked[^>]*disabled/);
    expect(res.text).to.match(/value="round\.opened\|app"[^>]*checked[^>]*disabled/);
    expect(res.text).to.match(/value="round\.opened\|email"[^>]*disabled/);
    expect(res.text).to.contain("总会通过您的所有方式送达");
    expect(res.text).to.contain('href="/account/email"');
  });

  it("When a family without an address saves, then no e-mail choice is recorded", async () => {
    const token = await formToken(family, "/notifications/settings");
    const res = await family
      .post("/notifications/settings")
      .type("form")
      .send({ _csrf: token, form: "notice-settings" });
    expect(res.status).to.equal(302);
    expect(await optOuts({ familyId })).to.deep.equal([]);
  });

  it("When a family with a confirmed address unticks kinds, then those become opt-outs, the absence row cannot be switched off, and the change is audited", async () => {
    const now = new Date().toISOString();
    await ctx.db.ds.getRepository(FamilyEmail).insert({
      familyId,
      address: "parent@example.cn",
      verifiedAt: now,
      consentAt: now,
      consentVersion: "2026-09",
      withdrawnAt: null,
      tokenHash: null,
      tokenExpiresAt: null,
      updatedAt: now,
    });
    const page = await family.get("/notifications/settings");
    expect(page.text).to.contain("parent@example.cn");
    expect(page.text).to.match(/value="round\.opened\|email"[^>]*checked/);
    expect(page.text).to.not.match(/value="round\.opened\|email"[^>]*disabled/);
    const res = await family
      .post("/notifications/settings")
      .type("form")
      .send(
        `form=notice-settings&_csrf=${encodeURIComponent(csrfFrom(page.text))}&on=round.opened%7Cemail&on=results.published%7Cemail`,
      );
    expect(res.status).to.equal(302);
    const rows = await optOuts({ familyId });
    const kinds = rows.map((r) => r.kind);
    expect(kinds).to.include("round.deadline");
    expect(kinds).to.not.include("round.opened");
    expect(kinds).to.not.include("attendance.absent");
    expect(rows.every((r) => r.channel === "email" && r.staffId === null)).to.equal(true);
    const audit = await ctx.db.ds
      .getRepository(AuditEntry)
      .findOneByOrFail({ action: "notifications.settings", entity: "family", entityId: String(familyId) });
    expect(JSON.stringify(audit.details)).to.contain("round.deadline|email");
    const again = await family.get("/notifications/settings");
    expect(again.text).to.not.match(/value="round\.deadline\|email"[^>]*checked/);
  });

  it("When a forged form ticks the absence row off and names unknown boxes, then only the family's own table changes", async () => {
    const token = await formToken(family, "/notifications/settings");
    const res = await family
      .post("/notifications/settings")
      .type("form")
      .send(`form=notice-settings&_csrf=${encodeURIComponent(token)}&on=leave.requested%7Cemail&on=x%7Csms`);
    expect(res.status).to.equal(302);
    const kinds = (await optOuts({ familyId })).map((r) => r.kind);
    expect(kinds).to.not.include("attendance.absent");
    expect(kinds).to.not.include("leave.requested");
    expect(kinds).to.include("round.opened");
  });

  it("When a teacher with an account e-mail opens and saves the settings, then the staff kinds are listed and their choices are theirs alone", async () => {
    const teacher = await loginAs(app, staffLogin(logins, "class_teacher"));
    const staff = await ctx.db.ds
      .getRepository(Staff)
      .findOneByOrFail({ email: staffLogin(logins, "class_teacher").email });
    const page = await teacher.get("/notifications/settings");
    expect(page.status).to.equal(200);
    expect(page.text).to.contain("leave.requested|email");
    expect(page.text).to.not.contain("round.opened|email");
    expect(page.text).to.match(/value="attendance\.absent\|email"[^>]*checked[^>]*disabled/);
    const res = await teacher
      .post("/notifications/settings")
      .type("form")
      .send(`form=notice-settings&_csrf=${encodeURIComponent(csrfFrom(page.text))}&on=leave.requested%7Cemail`);
    expect(res.status).to.equal(302);
    const kinds = (await optOuts({ staffId: staff.id })).map((r) => r.kind).sort();
    expect(kinds).to.include("pickup.unlisted");
    expect(kinds).to.not.include("leave.requested");
    expect(kinds).to.not.include("attendance.absent");
  });
});
