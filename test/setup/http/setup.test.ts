// First-run setup (issue 15): with no admin, a production server shows only the
// setup form behind a one-time token; an admin made by `kehou create-admin`
// logs in and lands on the school form; afterwards /setup is gone.
import { expect } from "chai";
import request from "supertest";
import pino from "pino";
import { Writable } from "node:stream";
import { forEachDatabase } from "../../support/databases";
import { csrfFrom, loginAs } from "../../support/http";
import { planStart, appForPlan } from "../../../src/setup/start-plan";
import { createStaff } from "../../../src/school/staff-service";
import { SYSTEM } from "../../../src/audit";
import { Setting, Staff } from "../../../src/db/entities";

const prod = { production: true, sessionSecret: "test-secret-test-secret", logLevel: "info", trustProxy: false };

function capturedLogger() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { logger: pino({ level: "info" }, stream), text: () => lines.join("") };
}

forEachDatabase("First-run setup with no admin", (ctx) => {
  let token = "";
  let app: import("express").Express;
  const logs = capturedLogger();
  const form = {
    token: "",
    schoolName: "北京市海淀区实验小学",
    timezone: "Asia/Shanghai",
    adminName: "李主任",
    email: "li@school.cn",
    password: "a-strong-first-password",
  };

  before(async () => {
    const plan = await planStart(ctx.db.ds, prod);
    token = plan.kind === "setup" ? (plan.token ?? "") : "";
    app = appForPlan(ctx.db.ds, prod, plan, logs.logger)!;
  });

  it("When no admin exists, then every page leads to the setup form and /healthz answers 200", async () => {
    expect(token).to.match(/^[A-Za-z0-9_-]{20,}$/);
    const home = await request(app).get("/");
    expect(home.status).to.equal(302);
    expect(home.headers.location).to.equal("/setup");
    const page = await request(app).get("/setup");
    expect(page.status).to.equal(200);
    expect(page.text).to.contain('name="token"').and.contain('name="_csrf"').and.contain('name="password"');
    expect((await request(app).get("/healthz")).status).to.equal(200);
  });

  it("When the setup form has a wrong token or a short password, then it answers 400 naming the field and nothing changes", async () => {
    const agent = request.agent(app);
    const csrf = csrfFrom((await agent.get("/setup")).text);
    const wrong = await agent
      .post("/setup")
      .type("form")
      .send({ ...form, token: "not-the-token-not-the-token", _csrf: csrf });
    expect(wrong.status).to.equal(400);
    expect(wrong.text).to.match(/id="err-token"/);
    const short = await agent
      .post("/setup")
      .type("form")
      .send({ ...form, token, password: "short-pw", _csrf: csrf });
    expect(short.status).to.equal(400);
    expect(short.text).to.match(/id="err-password"/);
    expect(await ctx.db.ds.getRepository(Staff).count()).to.equal(0);
    expect(await ctx.db.ds.getRepository(Setting).existsBy({ key: "school.setupAt" })).to.equal(false);
  });

  it("When the setup form is sent with the token, then the first admin is signed in, school.setupAt is set and /setup answers 404", async () => {
    const agent = request.agent(app);
    const csrf = csrfFrom((await agent.get("/setup")).text);
    const done = await agent
      .post("/setup")
      .type("form")
      .send({ ...form, token, _csrf: csrf });
    expect(done.status).to.equal(302);
    const admin = await ctx.db.ds.getRepository(Staff).findOneByOrFail({ email: "li@school.cn" });
    expect(admin.role).to.equal("admin");
    expect(await ctx.db.ds.getRepository(Setting).findOneBy({ key: "school.name" })).to.include({
      value: form.schoolName,
    });
    expect(await ctx.db.ds.getRepository(Setting).existsBy({ key: "school.setupAt" })).to.equal(true);
    const home = await agent.get("/");
    expect(home.status).to.equal(200);
    expect(home.text).to.contain("李主任");
    expect((await agent.get("/setup")).status).to.equal(404);
    expect((await request(app).get("/setup")).status).to.equal(404);
    expect((await request(app).get("/healthz")).status).to.equal(200);
    // The token was shown once (stderr at start); it is stored only as a hash and never logged.
    const settings = await ctx.db.ds.getRepository(Setting).find();
    expect(JSON.stringify(settings)).to.not.contain(token);
    expect(logs.text()).to.not.contain(token);
  });
});

forEachDatabase("First-run setup with an admin from create-admin", (ctx) => {
  it("When that admin logs in before setup, then they land on the school form, and after it the pages serve", async () => {
    await createStaff(
      ctx.db.ds,
      {
        staffNumber: "ADM1",
        name: "张校长",
        email: "zhang@school.cn",
        role: "admin",
        password: "a-strong-admin-password",
        vettedOn: null,
        availableDays: [],
      },
      SYSTEM,
    );
    const plan = await planStart(ctx.db.ds, prod);
    expect(plan.kind).to.equal("setup");
    const app = appForPlan(ctx.db.ds, { ...prod, logLevel: "silent" }, plan)!;
    expect((await request(app).get("/login")).status).to.equal(200);
    const agent = await loginAs(app, { email: "zhang@school.cn", password: "a-strong-admin-password" });
    const home = await agent.get("/");
    expect(home.status).to.equal(302);
    expect(home.headers.location).to.equal("/setup");
    const page = await agent.get("/setup");
    expect(page.text).to.contain('name="schoolName"').and.not.contain('name="token"');
    const bad = await agent
      .post("/setup")
      .type("form")
      .send({ schoolName: "学校", timezone: "Mars/Olympus", _csrf: csrfFrom(page.text) });
    expect(bad.status).to.equal(400);
    expect(bad.text).to.match(/id="err-timezone"/);
    const done = await agent
      .post("/setup")
      .type("form")
      .send({ schoolName: "学校", timezone: "Asia/Shanghai", _csrf: csrfFrom(page.text) });
    expect(done.status).to.equal(302);
    expect((await agent.get("/")).status).to.equal(200);
    expect((await agent.get("/setup")).status).to.equal(404);
  });
});
