import { expect } from "chai";
import request from "supertest";
import type { Express } from "express";
import type { DataSource } from "typeorm";
import { forEachDatabase } from "../support/databases";
import { demoApp, familyLogin, staffLogin } from "../support/demo-app";
import { csrfFrom } from "../support/http";
import { advanceClock, HOUR_MS, restoreClock } from "../support/clock";
import { createApp } from "../../src/app";
import { LoginThrottle } from "../../src/db/entities";
import type { DemoLogins } from "../../seeds/demo";

// Behind a proxy (TRUST_PROXY=1), so each test chooses the client address.
const proxiedApp = (ds: DataSource) =>
  createApp({
    ds,
    config: { sessionSecret: "test-secret-test-secret", production: false, logLevel: "silent", trustProxy: true },
  });

type Device = ReturnType<typeof request.agent>;
// One browser: its cookie jar persists across attempts, like a phone's.
async function tryLogin(device: Device, from: string, form: Record<string, string>) {
  const page = await device.get("/login").set("X-Forwarded-For", from);
  return device
    .post("/login")
    .set("X-Forwarded-For", from)
    .type("form")
    .send({ _csrf: csrfFrom(page.text), ...form });
}
// Logging out keeps the browser's other cookies, as a real browser does.
async function logout(device: Device, from: string) {
  const page = await device.get("/privacy").set("X-Forwarded-For", from);
  expect(
    (
      await device
        .post("/logout")
        .set("X-Forwarded-For", from)
        .type("form")
        .send({ _csrf: csrfFrom(page.text) })
    ).status,
  ).to.equal(302);
}
// A patient attacker: whenever told to wait, the clock moves on by that much
// (no real waiting), so every one of `times` guesses is counted.
async function guessPatiently(
  device: Device,
  from: string,
  times: number,
  form: (i: number) => Record<string, string>,
) {
  for (let i = 0; i < times; i++) {
    let res = await tryLogin(device, from, form(i));
    while (res.status === 429) {
      advanceClock(Number(/(\d+) 秒后再试/.exec(res.text)![1]) * 1000);
      res = await tryLogin(device, from, form(i));
    }
    expect(res.status).to.equal(401);
  }
}
const staff = (c: { email: string; password: string }) => ({ mode: "staff", ...c });
const family = (c: { studentNumber: string; code: string }) => ({ mode: "family", ...c });

forEachDatabase("security: a login throttle that holds under bursts", (ctx) => {
  let app: Express;
  let logins: DemoLogins;
  before(async function () {
    this.timeout(180_000);
    ({ logins } = await demoApp(ctx.db));
    app = proxiedApp(ctx.db.ds);
  });
  afterEach(async () => {
    restoreClock();
    await ctx.db.ds.getRepository(LoginThrottle).clear();
  });

  it("When 40 wrong family codes for one child arrive at once, then only a handful are answered before the rest must wait", async function () {
    this.timeout(120_000);
    const target = familyLogin(logins, 1);
    const devices = Array.from({ length: 40 }, () => request.agent(app));
    const tokens: string[] = [];
    for (const [i, d] of devices.entries())
      tokens.push(csrfFrom((await d.get("/login").set("X-Forwarded-For", `10.20.0.${i}`)).text));
    const burst = await Promise.all(
      devices.map((d, i) =>
        d
          .post("/login")
          .set("X-Forwarded-For", `10.20.0.${i}`)
          .type("form")
          .send({ _csrf: tokens[i], mode: "family", studentNumber: target.studentNumber, code: "WRONG2345" }),
      ),
    );
    const statuses = burst.map((r) => r.status);
    const answered = statuses.filter((s) => s !== 429).length;
    expect(
      statuses.every((s) => s === 401 || s === 429),
      `statuses ${String(statuses)}`,
    ).to.equal(true);
    expect(answered, `answered ${answered} of 40`).to.be.within(1, 8);
  });

  it("When twelve staff on one school address log in at the same moment with their right passwords, then none is told to wait", async function () {
    this.timeout(120_000);
    // A claim used to read the time before waiting for the address row, so a
    // login queued behind another saw that one's fresh stamp "in the future".
    const emails = [
      "admin@kehou.demo",
      ...Array.from({ length: 11 }, (_, i) => `teacher${String(i + 1).padStart(2, "0")}@kehou.demo`),
    ];
    const { password } = staffLogin(logins, "teacher");
    const devices = emails.map(() => request.agent(app));
    const tokens = await Promise.all(
      devices.map(async (d) => csrfFrom((await d.get("/login").set("X-Forwarded-For", "10.30.0.1")).text)),
    );
    const results = await Promise.all(
      devices.map((d, i) =>
        d
          .post("/login")
          .set("X-Forwarded-For", "10.30.0.1")
          .type("form")
          .send({ _csrf: tokens[i], mode: "staff", email: emails[i], password }),
      ),
    );
    expect(results.map((r) => r.status)).to.deep.equal(emails.map(() => 302));
  });

  it("When someone fails 15 times on the admin's account, then the admin's own device still logs in at once, while a new device must wait", async function () {
    this.timeout(120_000);
    const adminCreds = staffLogin(logins, "admin");
    const adminsPc = request.agent(app);
    expect((await tryLogin(adminsPc, "10.21.0.1", staff(adminCreds))).status).to.equal(302);
    await logout(adminsPc, "10.21.0.1");
    const attacker = request.agent(app);
    await guessPatiently(attacker, "10.21.9.9", 15, (i) => staff({ email: adminCreds.email, password: `guess-${i}` }));
    expect((await tryLogin(request.agent(app), "10.21.0.2", staff(adminCreds))).status).to.equal(429);
    expect((await tryLogin(adminsPc, "10.21.0.3", staff(adminCreds))).status).to.equal(302);
  });

  it("When a classmate fails many times on a family's student number, then the family's phone that logged in before still gets in", async function () {
    this.timeout(120_000);
    const creds = familyLogin(logins, 1);
    const phone = request.agent(app);
    expect((await tryLogin(phone, "10.22.0.1", family(creds))).status).to.equal(302);
    await logout(phone, "10.22.0.1");
    const classmate = request.agent(app);
    await guessPatiently(classmate, "10.22.5.5", 12, (i) =>
      family({ studentNumber: creds.studentNumber, code: `WRONG${2000 + i}` }),
    );
    expect((await tryLogin(request.agent(app), "10.22.0.9", family(creds))).status).to.equal(429);
    expect((await tryLogin(phone, "10.22.0.1", family(creds))).status).to.equal(302);
    await logout(phone, "10.22.0.1");
  });

  it("When an account's failures are two quiet hours old, then they have decayed: one more mistake does not make the right password wait", async function () {
    this.timeout(60_000);
    const creds = { email: "teacher09@kehou.demo", password: staffLogin(logins, "teacher").password };
    for (let i = 0; i < 6; i++)
      await tryLogin(request.agent(app), `10.23.0.${i}`, staff({ email: creds.email, password: "guess" }));
    advanceClock(2 * HOUR_MS);
    expect(
      (await tryLogin(request.agent(app), "10.23.1.1", staff({ email: creds.email, password: "guess" }))).status,
    ).to.equal(401);
    expect((await tryLogin(request.agent(app), "10.23.1.2", staff(creds))).status).to.equal(302);
  });

  it("When someone on the school's shared address has used up its free attempts, then the admin's own computer there still logs in, while a new device there waits", async function () {
    this.timeout(180_000);
    const adminCreds = staffLogin(logins, "admin");
    const adminsPc = request.agent(app);
    expect((await tryLogin(adminsPc, "10.24.0.1", staff(adminCreds))).status).to.equal(302);
    await logout(adminsPc, "10.24.0.1");
    // 35 wrong codes for 35 different children from the same address: every account is fresh, the address is not.
    const pupil = request.agent(app);
    let status = 0;
    for (let i = 0; i < 35 && status !== 429; i++)
      status = (
        await tryLogin(
          pupil,
          "10.24.0.1",
          family({ studentNumber: `9${String(i).padStart(7, "0")}`, code: "WRONG2345" }),
        )
      ).status;
    expect(status).to.equal(429);
    const stranger = await tryLogin(request.agent(app), "10.24.0.1", staff(adminCreds));
    expect(stranger.status).to.equal(429);
    expect(Number(stranger.headers["retry-after"])).to.be.greaterThan(0);
    expect((await tryLogin(adminsPc, "10.24.0.1", staff(adminCreds))).status).to.equal(302);
  });

  it("When the account's password is reset, then a device cookie from before no longer waives the delay", async function () {
    this.timeout(180_000);
    const email = "teacher10@kehou.demo";
    const { password } = staffLogin(logins, "teacher");
    const oldPc = request.agent(app);
    expect((await tryLogin(oldPc, "10.25.0.1", staff({ email, password }))).status).to.equal(302);
    await logout(oldPc, "10.25.0.1");
    // "Log out everywhere" moves the account's version, as a reset or a new family code does.
    await ctx.db.ds.query(`UPDATE "staff" SET "sessionVersion" = "sessionVersion" + 1 WHERE "email" = '${email}'`);
    await guessPatiently(request.agent(app), "10.25.9.9", 12, (i) => staff({ email, password: `guess-${i}` }));
    expect((await tryLogin(oldPc, "10.25.0.1", staff({ email, password }))).status).to.equal(429);
  });

  it("When attempts are refused for waiting, then they leave no throttle row behind for the names they tried", async function () {
    this.timeout(180_000);
    const pupil = request.agent(app);
    let status = 0;
    for (let i = 0; i < 40 && status !== 429; i++)
      status = (
        await tryLogin(
          pupil,
          "10.26.0.1",
          family({ studentNumber: `8${String(i).padStart(7, "0")}`, code: "WRONG2345" }),
        )
      ).status;
    expect(status).to.equal(429);
    const before = await ctx.db.ds.getRepository(LoginThrottle).count();
    for (let i = 0; i < 20; i++) {
      expect(
        (
          await tryLogin(
            pupil,
            "10.26.0.1",
            family({ studentNumber: `7${String(i).padStart(7, "0")}`, code: "WRONG2345" }),
          )
        ).status,
      ).to.equal(429);
    }
    expect(await ctx.db.ds.getRepository(LoginThrottle).count()).to.equal(before);
  });
});
