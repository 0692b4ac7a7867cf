import { expect } from "chai";
import request from "supertest";
import type { Express } from "express";
import { forEachDatabase } from "../support/databases";
import { demoApp, familyLogin, staffLogin } from "../support/demo-app";
import { csrfFrom, loginAs, Agent } from "../support/http";
import { fill, isPublic, listRoutes, RouteInfo } from "../support/routes";
import type { DemoLogins } from "../../seeds/demo";

// Staff-only areas: a family must never get a 200 from any of them.
const STAFF_AREAS = [/^\/admin(\/|$)/, /^\/attendance(\/|$)/];

forEachDatabase("access table: role × route", (ctx) => {
  let app: Express;
  let logins: DemoLogins;
  let routes: RouteInfo[];
  let agents: Record<string, Agent>;

  before(async function () {
    this.timeout(180_000);
    ({ app, logins } = await demoApp(ctx.db));
    routes = listRoutes(app);
    agents = {
      teacher: await loginAs(app, staffLogin(logins, "teacher")),
      external: await loginAs(app, staffLogin(logins, "external")),
      family: await loginAs(app, familyLogin(logins, 0)),
    };
    const privacy = await agents.family.get("/privacy");
    await agents.family.post("/privacy/accept").type("form").send({ _csrf: csrfFrom(privacy.text), accept: "1" });
  });

  it("When the app starts, then it registers routes to check (the table is not empty)", () => {
    expect(routes.length).to.be.greaterThan(15);
  });

  it("When an anonymous user opens any page but login, privacy and feeds, then it is sent to log in or refused", async function () {
    this.timeout(120_000);
    const leaks: string[] = [];
    for (const route of routes.filter((r) => r.method === "get" && !isPublic(r))) {
      const url = fill(route.path, "1");
      const res = await request(app).get(url);
      const ok = (res.status === 302 && /^\/login/.test(res.headers.location ?? "")) || [401, 403, 404].includes(res.status);
      if (!ok) leaks.push(`${url} → ${res.status}`);
    }
    expect(leaks).to.deep.equal([]);
  });

  it("When any state-changing route is posted without a CSRF token, then it is refused with 403", async function () {
    this.timeout(120_000);
    const accepted: string[] = [];
    for (const route of routes.filter((r) => r.method === "post")) {
      for (const agent of [request(app), agents.teacher]) {
        const res = await agent.post(fill(route.path, "1")).type("form").send({ any: "thing" });
        if (res.status !== 403) accepted.push(`${route.path} → ${res.status}`);
      }
    }
    expect(accepted).to.deep.equal([]);
  });

  it("When any state-changing route is posted with a forged token or another session's token, then it is refused with 403", async function () {
    this.timeout(120_000);
    const accepted: string[] = [];
    const othersToken = csrfFrom((await agents.external.get("/")).text);
    const forged = othersToken.replace(/./g, (c) => (c === "a" ? "b" : "a"));
    for (const route of routes.filter((r) => r.method === "post")) {
      for (const token of [forged, othersToken, ""]) {
        const res = await agents.teacher.post(fill(route.path, "1")).type("form").send({ _csrf: token });
        if (res.status !== 403) accepted.push(`${route.path} with ${token ? "a foreign" : "an empty"} token → ${res.status}`);
      }
    }
    expect(accepted).to.deep.equal([]);
  });

  it("When a family opens any staff page, then it never gets it", async function () {
    this.timeout(120_000);
    const leaks: string[] = [];
    for (const route of routes.filter((r) => r.method === "get" && STAFF_AREAS.some((re) => re.test(r.path)))) {
      const url = fill(route.path, "1");
      const res = await agents.family.get(url);
      if (res.status < 300 || res.status >= 500) leaks.push(`${url} → ${res.status}`);
    }
    expect(leaks).to.deep.equal([]);
  });

  it("When a teacher or an external instructor opens an admin page, then it is refused", async function () {
    this.timeout(120_000);
    const leaks: string[] = [];
    for (const who of ["teacher", "external"]) {
      for (const route of routes.filter((r) => r.method === "get" && /^\/admin(\/|$)/.test(r.path))) {
        const url = fill(route.path, "1");
        const res = await agents[who].get(url);
        if (res.status < 300 || res.status >= 500) leaks.push(`${who} ${url} → ${res.status}`);
      }
    }
    expect(leaks).to.deep.equal([]);
  });
});
