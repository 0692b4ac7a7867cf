import { expect } from "chai";
import request from "supertest";
import type { Express } from "express";
import { forEachDatabase } from "../../support/databases";
import { demoApp, familyLogin, staffLogin } from "../../support/demo-app";
import { csrfFrom, formToken, loginAs } from "../../support/http";
import type { DemoLogins } from "../../../seeds/demo";
import { AuditEntry, Family, Student } from "../../../src/db/entities";

forEachDatabase("login, roles and languages", (ctx) => {
  let app: Express;
  let logins: DemoLogins;
  before(async function () {
    this.timeout(120_000);
    ({ app, logins } = await demoApp(ctx.db));
  });

  it("When an anonymous user opens /, then they are sent to the login page", async () => {
    const res = await request(app).get("/");
    expect(res.status).to.equal(302);
    expect(res.headers.location).to.match(/^\/login/);
  });

  for (const role of ["admin", "class_teacher", "teacher", "external"]) {
    it(`When a ${role} logs in, then they land on the home page made for that role`, async () => {
      const agent = await loginAs(app, staffLogin(logins, role));
      const res = await agent.get("/");
      expect(res.status).to.equal(200);
      const heading = {
        admin: "教务工作台",
        class_teacher: "班主任首页",
        teacher: "我的课后服务",
        external: "我的课后服务",
      }[role]!;
      expect(res.text).to.contain(heading);
      expect(res.text.includes('href="/admin/audit"')).to.equal(role === "admin");
    });
  }

  it("When a non-admin opens an admin page, then it is refused with 403", async () => {
    const agent = await loginAs(app, staffLogin(logins, "teacher"));
    expect((await agent.get("/admin/staff")).status).to.equal(403);
    expect((await agent.get("/admin/audit")).status).to.equal(403);
  });

  it("When a family logs in, then after the privacy notice it sees its own children only", async () => {
    const agent = await loginAs(app, familyLogin(logins, 1));
    const first = await agent.get("/");
    expect(first.headers.location).to.equal("/privacy");
    const token = csrfFrom((await agent.get("/privacy")).text);
    await agent.post("/privacy/accept").type("form").send({ _csrf: token, accept: "1" }).expect(302);
    const home = await agent.get("/");
    expect(home.status).to.equal(200);
    const names = async (numbers: string[]) =>
      (await ctx.db.ds.getRepository(Student).findBy(numbers.map((studentNumber) => ({ studentNumber })))).map(
        (s) => s.name,
      );
    for (const name of await names(logins.families[1].children)) expect(home.text).to.contain(name);
    for (const name of await names(logins.families[0].children)) expect(home.text).to.not.contain(name);
  });

  it("When a family tries to switch to another family's child, then it gets 404 and stays as it was", async () => {
    const agent = await loginAs(app, familyLogin(logins, 0));
    const token = csrfFrom((await agent.get("/privacy")).text);
    await agent.post("/privacy/accept").type("form").send({ _csrf: token, accept: "1" });
    const other = await ctx.db.ds.query<{ id: number }[]>(
      `SELECT id FROM student WHERE "studentNumber" = '${logins.families[1].studentNumber}'`,
    );
    const home = await agent.get("/");
    const res = await agent
      .post("/family/child")
      .type("form")
      .send({ _csrf: csrfFrom(home.text), studentId: String(other[0].id) });
    expect(res.status).to.equal(404);
  });

  it("When the family code is wrong or the student unknown, then the message is the same and does not say which", async () => {
    const agent = request.agent(app);
    const t1 = await formToken(agent, "/login");
    const wrongCode = await agent
      .post("/login")
      .type("form")
      .send({ _csrf: t1, mode: "family", studentNumber: logins.families[0].studentNumber, code: "WRONG123" });
    const unknown = await agent
      .post("/login")
      .type("form")
      .send({ _csrf: t1, mode: "family", studentNumber: "99999999", code: "WRONG123" });
    expect(wrongCode.status).to.equal(401);
    expect(unknown.status).to.equal(401);
    expect(wrongCode.text).to.contain("学号或家庭码不正确");
    expect(unknown.text).to.contain("学号或家庭码不正确");
  });

  it("When a login form is posted without a CSRF token, then it is refused with 403", async () => {
    const res = await request(app)
      .post("/login")
      .type("form")
      .send({ mode: "staff", ...staffLogin(logins, "admin") });
    expect(res.status).to.equal(403);
  });

  it("When the login form is empty, then it re-renders with 400 and names the fields", async () => {
    const agent = request.agent(app);
    const token = await formToken(agent, "/login");
    const res = await agent.post("/login").type("form").send({ _csrf: token, mode: "staff", email: "", password: "" });
    expect(res.status).to.equal(400);
    expect(res.text).to.contain('id="err-email"');
    expect(res.text).to.contain('id="err-password"');
  });

  it("When an account fails too often, then further attempts wait with 429, even with the right password", async () => {
    const agent = request.agent(app);
    const token = await formToken(agent, "/login");
    const email = "teacher05@kehou.demo";
    for (let i = 0; i < 5; i++)
      await agent
        .post("/login")
        .type("form")
        .send({ _csrf: token, mode: "staff", email, password: "not-the-password" });
    const res = await agent
      .post("/login")
      .type("form")
      .send({ _csrf: token, mode: "staff", email, password: logins.staff[0].password });
    expect(res.status).to.equal(429);
    expect(res.text).to.match(/\d+ 秒后再试/);
  });

  it("When a user switches to English, then the choice is remembered on the next visit", async () => {
    const agent = request.agent(app);
    const token = await formToken(agent, "/login");
    await agent.post("/lang").type("form").send({ _csrf: token, lang: "en", back: "/login" }).expect(302);
    const res = await agent.get("/login");
    expect(res.text).to.contain('<html lang="en">');
    expect(res.text).to.contain("Log in to Kehou");
  });

  it("When a staff member logs in, then the session id changes (no fixation) and logout ends it", async () => {
    const agent = request.agent(app);
    const loginPage = await agent.get("/login");
    const before = /kehou\.sid=([^;]+)/.exec(String(loginPage.headers["set-cookie"]))?.[1];
    const res = await agent
      .post("/login")
      .type("form")
      .send({ _csrf: csrfFrom(loginPage.text), mode: "staff", ...staffLogin(logins, "admin") });
    const after = /kehou\.sid=([^;]+)/.exec(String(res.headers["set-cookie"]))?.[1];
    expect(after).to.be.a("string").and.not.equal(before);
    expect(String(res.headers["set-cookie"]))
      .to.match(/HttpOnly/i)
      .and.match(/SameSite=Lax/i);
    const home = await agent.get("/");
    await agent
      .post("/logout")
      .type("form")
      .send({ _csrf: csrfFrom(home.text) })
      .expect(302);
    const stale = await request(app).get("/").set("Cookie", `kehou.sid=${after}`);
    expect(stale.status).to.equal(302);
  });

  it("When anyone logs in, then the login is in the audit log", async () => {
    await loginAs(app, staffLogin(logins, "class_teacher"));
    expect(await ctx.db.ds.getRepository(AuditEntry).existsBy({ action: "login", actorKind: "staff" })).to.equal(true);
  });

  it("When a page is served, then its CSP allows no inline script", async () => {
    const res = await request(app).get("/login");
    const csp = String(res.headers["content-security-policy"]);
    expect(csp).to.match(/script-src 'self'/);
    expect(csp).to.not.contain("unsafe-inline");
  });

  it("When a family accepts the privacy notice, then the acceptance is recorded with its version", async () => {
    const fam = await ctx.db.ds
      .getRepository(Family)
      .findOneByOrFail({ familyKey: `F${logins.families[1].studentNumber}` });
    expect(fam.privacyAcceptedAt).to.be.a("string");
    expect(fam.privacyVersion).to.be.a("string");
  });
});
