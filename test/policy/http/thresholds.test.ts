import { expect } from "chai";
import type { Express } from "express";
import { forEachDatabase } from "../../support/databases";
import { demoApp, familyLogin, staffLogin } from "../../support/demo-app";
import { formToken, loginAs, type Agent } from "../../support/http";
import { AuditEntry, Setting } from "../../../src/db/entities";

const FORM = "/admin/rules/daily-sport-hour/thresholds";

forEachDatabase("rule thresholds form", (ctx) => {
  let app: Express;
  let admin: Agent;
  let logins: Awaited<ReturnType<typeof demoApp>>["logins"];
  before(async function () {
    this.timeout(120_000);
    ({ app, logins } = await demoApp(ctx.db));
    admin = await loginAs(app, staffLogin(logins, "admin"));
  });
  const rulesRow = async () => (await ctx.db.ds.getRepository(Setting).findOneBy({ key: "policy.rules" }))?.value;
  const post = async (path: string, body: Record<string, string>) =>
    admin
      .post(path)
      .type("form")
      .send({ ...body, _csrf: await formToken(admin, FORM) });

  it("links each rule with thresholds to its form, in product words", async () => {
    const page = await admin.get("/admin/rules");
    expect(page.status).to.equal(200);
    expect(page.text).to.contain(`href="${FORM}"`);
    expect(page.text).not.to.contain("rules/ 目录");
    expect(page.text).not.to.contain('href="/admin/rules/venue-capacity/thresholds"');
    const form = await admin.get(FORM);
    expect(form.status).to.equal(200);
    expect(form.text).to.contain('name="minutes" value="60"');
    expect(form.text).to.contain("默认 60");
  });

  it("refuses a bad value with 400 naming the field, and a form without its token, changing nothing", async () => {
    const bad = await post(FORM, { minutes: "六十" });
    expect(bad.status).to.equal(400);
    expect(bad.text).to.contain('id="err-minutes"');
    const tooMany = await post(FORM, { minutes: "5000" });
    expect(tooMany.status).to.equal(400);
    expect(tooMany.text).to.contain("0–1440");
    const forged = await admin.post(FORM).type("form").send({ minutes: "90" });
    expect(forged.status).to.equal(403);
    expect(await rulesRow()).to.equal(undefined);
  });

  it("saves a threshold (audited, keeping the rule's other settings) that the compliance check uses at once", async () => {
    await ctx.db.ds
      .getRepository(Setting)
      .save({ key: "policy.rules", value: '{"daily-sport-hour":{"severity":"warning"}}' });
    const audits = await ctx.db.ds.getRepository(AuditEntry).countBy({ action: "policy.thresholds.update" });
    const saved = await post(FORM, { minutes: "300" });
    expect(saved.status).to.equal(302);
    expect(JSON.parse((await rulesRow())!)).to.deep.equal({
      "daily-sport-hour": { severity: "warning", parameters: { minutes: 300 } },
    });
    expect(await ctx.db.ds.getRepository(AuditEntry).countBy({ action: "policy.thresholds.update" })).to.equal(
      audits + 1,
    );
    const form = await admin.get(FORM);
    expect(form.text).to.contain('name="minutes" value="300"');
    expect(form.text).to.contain("已调整");
    const compliance = await admin.get("/admin/compliance?rule=daily-sport-hour");
    expect(compliance.text).to.contain("不足 300 分钟");

    const reset = await post(`${FORM}/reset`, {});
    expect(reset.status).to.equal(302);
    expect(JSON.parse((await rulesRow())!)).to.deep.equal({ "daily-sport-hour": { severity: "warning" } });
    await ctx.db.ds.getRepository(Setting).delete({ key: "policy.rules" });
  });

  it("edits grade bands of homework minutes", async () => {
    const path = "/admin/rules/homework-limit/thresholds";
    const res = await post(path, {
      "maxWrittenMinutes.0": "0",
      "maxWrittenMinutes.1": "20",
      "maxWrittenMinutes.2": "45",
    });
    expect(res.status).to.equal(302);
    const row = JSON.parse((await rulesRow())!) as Record<
      string,
      { parameters: { maxWrittenMinutes: { cases: { value: number }[] } } }
    >;
    expect(row["homework-limit"].parameters.maxWrittenMinutes.cases.map((c) => c.value)).to.deep.equal([0, 20, 45]);
    expect((await admin.get(path)).text).to.contain("3,4 年级".replace(",", "、"));
    await post(`${path}/reset`, {});
    expect(await rulesRow()).to.equal(undefined);
  });

  it("is for admins only, and a rule without thresholds has no form", async () => {
    const family = await loginAs(app, familyLogin(logins, 0));
    expect((await family.get(FORM)).status).to.be.oneOf([302, 403]);
    expect((await admin.get("/admin/rules/venue-capacity/thresholds")).status).to.equal(404);
    expect((await admin.get("/admin/rules/no-such-rule/thresholds")).status).to.equal(404);
    expect((await admin.get("/admin/rules/..%2Fetc/thresholds")).status).to.equal(404);
  });
});
