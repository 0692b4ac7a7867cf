import { expect } from "chai";
import request from "supertest";
import type { Express } from "express";
import { forEachDatabase } from "../support/databases";
import { demoApp, staffLogin } from "../support/demo-app";
import { csrfFrom, formToken, loginAs } from "../support/http";
import { createApp } from "../../src/app";
import { AuditEntry, LoginThrottle } from "../../src/db/entities";
import type { DemoLogins } from "../../seeds/demo";

// An app behind a reverse proxy (TRUST_PROXY=1): the client address and the scheme come from X-Forwarded-*.
const proxiedApp = (ds: import("typeorm").DataSource) =>
  createApp({
    ds,
    config: { sessionSecret: "test-secret-test-secret", production: false, logLevel: "silent", trustProxy: true },
  });

async function attempt(app: Express, from: string, form: Record<string, string>) {
  const agent = request.agent(app);
  const page = await agent.get("/login").set("X-Forwarded-For", from);
  return agent
    .post("/login")
    .set("X-Forwarded-For", from)
    .type("form")
    .send({ _csrf: csrfFrom(page.text), ...form });
}
const staff = (email: string, password: string) => ({ mode: "staff", email, password });
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

forEachDatabase("security: sessions and login throttling", (ctx) => {
  let app: Express;
  let proxied: Express;
  let logins: DemoLogins;
  before(async function () {
    this.timeout(180_000);
    ({ app, logins } = await demoApp(ctx.db));
    proxied = proxiedApp(ctx.db.ds);
  });

  it("When the app runs behind an HTTPS proxy, then the session cookie is Secure; over plain HTTP or from an untrusted hop it is not", async () => {
    const https = await request(proxied).get("/login").set("X-Forwarded-Proto", "https");
    expect(String(https.headers["set-cookie"]))
      .to.match(/kehou\.sid=/)
      .and.match(/;\s*Secure/i)
      .and.match(/HttpOnly/i)
      .and.match(/SameSite=Lax/i);
    const http = await request(proxied).get("/login");
    expect(String(http.headers["set-cookie"]))
      .to.match(/kehou\.sid=/)
      .and.not.match(/;\s*Secure/i);
    const untrusted = await request(app).get("/login").set("X-Forwarded-Proto", "https");
    expect(String(untrusted.headers["set-cookie"])).to.not.match(/;\s*Secure/i);
  });

  it("When a staff email is unknown or its password wrong, then the answer is the same 401 and the same message", async () => {
    const wrong = await attempt(proxied, "10.1.0.1", staff(staffLogin(logins, "teacher").email, "not-the-password"));
    const unknown = await attempt(proxied, "10.1.0.1", staff("nobody-here@kehou.demo", "not-the-password"));
    expect([wrong.status, unknown.status]).to.deep.equal([401, 401]);
    const message = (html: string) => /class="[^"]*error[^"]*"[^>]*>([^<]+)</.exec(html)?.[1];
    expect(message(unknown.text)).to.be.a("string").and.equal(message(wrong.text));
    expect(wrong.text).to.contain("邮箱或密码不正确");
  });

  it("When an account does not exist, then the login still pays the argon2 verify (no timing difference to enumerate)", async function () {
    this.timeout(60_000);
    const known = staffLogin(logins, "class_teacher").email;
    const time = async (email: string, i: number) => {
      const t = performance.now();
      await attempt(proxied, `10.2.0.${i}`, staff(email, "not-the-password"));
      return performance.now() - t;
    };
    await time("warm-up@kehou.demo", 0);
    const k: number[] = [];
    const u: number[] = [];
    for (let i = 1; i <= 4; i++) {
      k.push(await time(known, i));
      u.push(await time(`ghost${i}@kehou.demo`, 10 + i));
    }
    expect(median(u)).to.be.greaterThan(median(k) * 0.5);
    await ctx.db.ds.getRepository(LoginThrottle).clear();
  });

  it("When a student number is unknown, then the family login still pays the argon2 verify of a wrong code", async function () {
    this.timeout(60_000);
    const known = logins.families[0].studentNumber;
    const time = async (studentNumber: string, i: number) => {
      const t = performance.now();
      await attempt(proxied, `10.6.0.${i}`, { mode: "family", studentNumber, code: "WRONG234" });
      return performance.now() - t;
    };
    await time("88880000", 0);
    const k: number[] = [];
    const u: number[] = [];
    for (let i = 1; i <= 4; i++) {
      k.push(await time(known, i));
      u.push(await time(`8888000${i}`, 10 + i));
    }
    expect(median(u)).to.be.greaterThan(median(k) * 0.5);
    await ctx.db.ds.getRepository(LoginThrottle).clear();
  });

  it("When one address fails on many accounts, then it is slowed down even for a right password, while another address is not", async function () {
    this.timeout(120_000);
    for (let i = 0; i < 31; i++) await attempt(proxied, "10.3.0.1", staff(`spray${i}@kehou.demo`, "guess"));
    const right = staffLogin(logins, "external");
    expect((await attempt(proxied, "10.3.0.1", staff(right.email, right.password))).status).to.equal(429);
    expect((await attempt(proxied, "10.3.0.2", staff(right.email, right.password))).status).to.equal(302);
  });

  it("When an account keeps failing, then each wait is longer than the last, and once it has passed the right password works (no lockout)", async function () {
    this.timeout(60_000);
    const email = "teacher07@kehou.demo";
    const repo = ctx.db.ds.getRepository(LoginThrottle);
    const expire = () =>
      repo.update({ key: `staff:${email}` }, { nextAllowedAt: new Date(Date.now() - 1000).toISOString() });
    for (let i = 0; i < 5; i++) await attempt(proxied, `10.4.0.${i}`, staff(email, "guess"));
    const waits: number[] = [];
    for (let i = 0; i < 4; i++) {
      const refused = await attempt(proxied, "10.4.1.1", staff(email, "guess"));
      expect(refused.status).to.equal(429);
      waits.push(Number(/(\d+) 秒后再试/.exec(refused.text)?.[1]));
      await expire();
      expect((await attempt(proxied, "10.4.1.1", staff(email, "guess"))).status).to.equal(401);
    }
    expect(
      waits.every((w, i) => i === 0 || w > waits[i - 1]),
      `waits ${String(waits)}`,
    ).to.equal(true);
    await expire();
    expect((await attempt(proxied, "10.4.1.2", staff(email, logins.staff[0].password))).status).to.equal(302);
  });

  it("When an admin clears a slowed-down account, then it can log in at once, the clearing is audit-logged, and a teacher may not clear", async function () {
    this.timeout(60_000);
    const email = "teacher08@kehou.demo";
    for (let i = 0; i < 6; i++) await attempt(proxied, `10.5.0.${i}`, staff(email, "guess"));
    expect((await attempt(proxied, "10.5.1.1", staff(email, logins.staff[0].password))).status).to.equal(429);
    const teacher = await loginAs(app, staffLogin(logins, "teacher"));
    expect((await teacher.get("/admin/login-throttles")).status).to.equal(403);
    const refused = await teacher
      .post("/admin/login-throttles/clear")
      .type("form")
      .send({ _csrf: await formToken(teacher, "/"), key: `staff:${email}` });
    expect(refused.status).to.equal(403);
    const admin = await loginAs(app, staffLogin(logins, "admin"));
    const page = await admin.get("/admin/login-throttles");
    expect(page.status).to.equal(200);
    expect(page.text).to.contain(`staff:${email}`);
    const cleared = await admin
      .post("/admin/login-throttles/clear")
      .type("form")
      .send({ _csrf: csrfFrom(page.text), key: `staff:${email}` });
    expect(cleared.status).to.equal(302);
    expect((await attempt(proxied, "10.5.1.1", staff(email, logins.staff[0].password))).status).to.equal(302);
    expect(
      await ctx.db.ds
        .getRepository(AuditEntry)
        .existsBy({ action: "login.throttle.clear", entityId: `staff:${email}` }),
    ).to.equal(true);
    const again = await admin
      .post("/admin/login-throttles/clear")
      .type("form")
      .send({ _csrf: csrfFrom(page.text), key: `staff:${email}` });
    expect(again.status).to.equal(404);
  });
});
