import { expect } from "chai";
import request from "supertest";
import { forEachDatabase } from "../../support/databases";
import { openDatabase } from "../../../src/database";
import { demoApp, staffLogin } from "../../support/demo-app";
import { testApp, loginAs, formToken } from "../../support/http";
import type { DataSource } from "typeorm";

// A district runs several app instances behind a load balancer: nothing that
// matters may live in one process. Two apps, two connections, one database.
forEachDatabase("two app instances on one database", (ctx) => {
  let second: DataSource;
  before(async function () {
    this.timeout(120_000);
    await demoApp(ctx.db);
    second = await openDatabase(ctx.db.url);
  });
  after(async () => {
    if (second?.isInitialized) await second.destroy();
  });

  it("When a user logs in on instance A, then instance B knows the session", async () => {
    const a = testApp(ctx.db.ds);
    const b = testApp(second);
    const agent = await loginAs(a, { email: "admin@kehou.demo", password: "kehou-demo-2026" });
    const cookie = (await agent.get("/")).request.cookies;
    const res = await request(b).get("/admin/staff").set("Cookie", cookie);
    expect(res.status).to.equal(200);
  });

  it("When logins fail on instance A, then instance B applies the same delay", async () => {
    const a = testApp(ctx.db.ds);
    const b = testApp(second);
    const agentA = request.agent(a);
    const tokenA = await formToken(agentA, "/login");
    for (let i = 0; i < 5; i++)
      await agentA
        .post("/login")
        .type("form")
        .send({ _csrf: tokenA, mode: "staff", email: "teacher07@kehou.demo", password: "wrong-password" });
    const agentB = request.agent(b);
    const tokenB = await formToken(agentB, "/login");
    const res = await agentB
      .post("/login")
      .type("form")
      .send({
        _csrf: tokenB,
        mode: "staff",
        ...staffLogin(
          { staff: [{ role: "t", email: "teacher07@kehou.demo", password: "kehou-demo-2026" }], families: [] },
          "t",
        ),
      });
    expect(res.status).to.equal(429);
  });

  it("When a user logs out on instance B, then instance A no longer accepts the session", async () => {
    const a = testApp(ctx.db.ds);
    const b = testApp(second);
    const agent = await loginAs(a, { email: "admin@kehou.demo", password: "kehou-demo-2026" });
    const cookie = (await agent.get("/")).request.cookies;
    const token = await formToken(agent, "/admin/staff/new");
    await request(b).post("/logout").set("Cookie", cookie).type("form").send({ _csrf: token }).expect(302);
    const res = await request(a).get("/admin/staff").set("Cookie", cookie);
    expect(res.status).to.equal(302);
  });
});
