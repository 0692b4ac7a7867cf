import { expect } from "chai";
import request from "supertest";
import type { Express } from "express";
import { forEachDatabase } from "../support/databases";
import { demoApp, familyLogin, staffLogin } from "../support/demo-app";
import { csrfFrom, formToken, loginAs, Agent } from "../support/http";
import { fill, listRoutes, RouteInfo } from "../support/routes";
import { ROLES, type Role } from "../../src/http/auth/route-scope";
import type { DemoLogins } from "../../seeds/demo";

// The role × route table, read from the scopes the routes were registered with:
// a new route is in the table the moment it exists.
const LABEL: Record<Role, string> = {
  anonymous: "an anonymous visitor",
  family: "a family",
  external: "an external instructor",
  teacher: "a teacher",
  class_teacher: "a class teacher",
  admin: "an admin",
};
// A URL that reaches the route itself: optional parts ({.:format}) left out, every parameter 1.
const urlOf = (route: RouteInfo) => fill(route.path.replace(/\{[^}]*\}/g, ""), "1");
// Anonymous: sent to log in, or (a body posted to /admin) refused with 403 by the
// pre-parse gate before the body is read.
const refused = (role: Role, res: { status: number; headers: Record<string, string> }) =>
  role === "anonymous"
    ? (res.status === 302 && /^\/login/.test(res.headers.location ?? "")) || res.status === 403
    : [403, 404].includes(res.status);

forEachDatabase("access table: role × route", (ctx) => {
  let app: Express;
  let logins: DemoLogins;
  let routes: RouteInfo[];
  let agents: Record<Role, Agent>;

  before(async function () {
    this.timeout(180_000);
    ({ app, logins } = await demoApp(ctx.db));
    routes = listRoutes(app);
    agents = {
      anonymous: request.agent(app),
      family: await loginAs(app, familyLogin(logins, 0)),
      external: await loginAs(app, staffLogin(logins, "external")),
      teacher: await loginAs(app, staffLogin(logins, "teacher")),
      class_teacher: await loginAs(app, staffLogin(logins, "class_teacher")),
      admin: await loginAs(app, staffLogin(logins, "admin")),
    };
    const privacy = await agents.family.get("/privacy");
    await agents.family
      .post("/privacy/accept")
      .type("form")
      .send({ _csrf: csrfFrom(privacy.text), accept: "1" });
  });

  it("When the app starts, then it registers routes to check, each with a scope that names its roles and says why", () => {
    expect(routes.length).to.be.greaterThan(15);
    const vague = routes.filter((r) => Object.keys(r.scope.roles).length === 0 || r.scope.why.trim().length < 10);
    expect(vague.map((r) => `${r.method} ${r.path}`)).to.deep.equal([]);
  });

  it("When the scopes are read, then only the way in, the privacy notice, the language switch, health and token feeds are public", () => {
    const open = routes
      .filter((r) => r.scope.roles.anonymous !== undefined)
      .map((r) => `${r.method} ${r.path}`)
      .sort();
    expect(open).to.deep.equal([
      "get /feeds/:token.ics",
      "get /healthz",
      "get /login",
      "get /privacy",
      "post /lang",
      "post /login",
      "post /logout",
    ]);
  });

  it("When children's pages are read from the scopes, then no staff role but the admin reaches them unlimited", () => {
    const childPages = routes.filter((r) =>
      /^\/attendance\/(dismissal|sessions)|^\/homework\/grade|^\/admin\/(codes|enrollment|students|families|classes|rounds\/:id\/(paper|remind|placements))|^\/results|^\/choices/.test(
        r.path,
      ),
    );
    expect(childPages.length).to.be.greaterThan(10);
    const open = childPages.flatMap((r) =>
      (["external", "teacher", "class_teacher"] as const)
        .filter((role) => r.scope.roles[role] === "all")
        .map((role) => `${role} ${r.method} ${r.path}`),
    );
    expect(open).to.deep.equal([]);
    expect(routes.find((r) => r.path === "/attendance/dismissal")!.scope.roles).to.deep.equal({
      admin: "all",
      class_teacher: "own classes",
      teacher: "own sessions",
      external: "own club",
    });
  });

  it("When the scopes of the staff areas are read, then no family enters /admin or /attendance and no teacher or external instructor enters /admin", () => {
    const wrong = routes.filter(
      (r) =>
        (/^\/(admin|attendance)(\/|$)/.test(r.path) && r.scope.roles.family !== undefined) ||
        (/^\/admin(\/|$)/.test(r.path) &&
          (r.scope.roles.teacher !== undefined || r.scope.roles.external !== undefined)),
    );
    expect(wrong.map((r) => `${r.method} ${r.path}`)).to.deep.equal([]);
  });

  for (const role of ROLES) {
    it(`When ${LABEL[role]} opens every page its scope leaves out, then it is sent to log in or refused`, async function () {
      this.timeout(180_000);
      const leaks: string[] = [];
      for (const route of routes.filter((r) => r.method === "get" && r.scope.roles[role] === undefined)) {
        const url = urlOf(route);
        const res = await agents[role].get(url);
        if (!refused(role, res)) leaks.push(`${url} → ${res.status}`);
      }
      expect(leaks).to.deep.equal([]);
    });

    it(`When ${LABEL[role]} posts with a valid token to every route its scope leaves out, then it is refused before anything happens`, async function () {
      this.timeout(180_000);
      const token = await formToken(agents[role], role === "anonymous" ? "/login" : "/");
      const leaks: string[] = [];
      for (const route of routes.filter((r) => r.method === "post" && r.scope.roles[role] === undefined)) {
        const url = urlOf(route);
        const res = await agents[role].post(url).type("form").send({ _csrf: token, confirm: "1" });
        if (!refused(role, res)) leaks.push(`${url} → ${res.status}`);
      }
      expect(leaks).to.deep.equal([]);
    });

    if (role !== "anonymous") {
      it(`When ${LABEL[role]} opens every page without parameters its scope lets in, then none refuses them`, async function () {
        this.timeout(180_000);
        const wrong: string[] = [];
        for (const route of routes.filter(
          (r) => r.method === "get" && r.scope.roles[role] !== undefined && !/[:*{]/.test(r.path),
        )) {
          const res = await agents[role].get(route.path);
          if (
            res.status === 403 ||
            res.status >= 500 ||
            (res.status === 302 && /^\/login/.test(res.headers.location ?? ""))
          )
            wrong.push(`${route.path} → ${res.status}`);
        }
        expect(wrong).to.deep.equal([]);
      });
    }
  }

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
        if (res.status !== 403)
          accepted.push(`${route.path} with ${token ? "a foreign" : "an empty"} token → ${res.status}`);
      }
    }
    expect(accepted).to.deep.equal([]);
  });
});
