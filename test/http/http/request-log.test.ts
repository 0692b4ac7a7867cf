// The request log names the request and who made it, and never the session
// cookie or the query string (a search can hold a child's name).
import { expect } from "chai";
import { Writable } from "node:stream";
import pino from "pino";
import request from "supertest";
import type { Express } from "express";
import { createApp } from "../../../src/app";
import { seedDemo, DemoLogins } from "../../../seeds/demo";
import { forEachDatabase } from "../../support/databases";
import { csrfFrom } from "../../support/http";

/** One pino line, as far as these tests read it. */
interface LogLine {
  msg?: string;
  req: { method?: string; path?: string };
  res: { statusCode?: number };
  responseTime?: unknown;
  user?: unknown;
}

forEachDatabase("request log", (ctx) => {
  let app: Express;
  let logins: DemoLogins;
  const lines: string[] = [];

  before(async function () {
    this.timeout(120_000);
    ({ logins } = await seedDemo(ctx.db.ds));
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(...String(chunk).split("\n").filter(Boolean));
        done();
      },
    });
    const logger = pino({ level: "info" }, sink);
    app = createApp({
      ds: ctx.db.ds,
      logger,
      config: { sessionSecret: "test-secret-test-secret", production: false, logLevel: "info", trustProxy: false },
    });
  });

  it("When a family browses, then each request is one line with method, path, status, time and user, without the cookie or the query", async () => {
    const agent = request.agent(app);
    const token = csrfFrom((await agent.get("/login")).text);
    const family = logins.families[0];
    const login = await agent
      .post("/login")
      .type("form")
      .send({ mode: "family", studentNumber: family.studentNumber, code: family.code, _csrf: token });
    expect(login.status).to.equal(302);
    const cookie = /kehou\.sid=([^;]+)/.exec(String(login.headers["set-cookie"]))![1];
    lines.length = 0;
    const res = await agent.get("/admin/students?q=%E5%B0%8F%E6%98%8E");
    const [line] = lines.map((l) => JSON.parse(l) as LogLine).filter((l) => l.msg === "request completed");
    expect(line.req).to.deep.include({ method: "GET", path: "/admin/students" });
    expect(line.res.statusCode).to.equal(res.status);
    expect(line.responseTime).to.be.a("number");
    expect(line.user).to.match(/^family:\d+$/);
    const text = lines.join("\n");
    expect(text).not.to.include(decodeURIComponent(cookie));
    expect(text).not.to.include("kehou.sid");
    expect(text).not.to.include("%E5%B0%8F");
    expect(text).not.to.include("小明");
  });

  it("When nobody is logged in, then the line has no user", async () => {
    lines.length = 0;
    await request(app).get("/login");
    const [line] = lines.map((l) => JSON.parse(l) as LogLine).filter((l) => l.msg === "request completed");
    expect(line.req.path).to.equal("/login");
    expect(line).not.to.have.property("user");
  });
});
