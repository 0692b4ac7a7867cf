import { expect } from "chai";
import express from "express";
import request from "supertest";
import { assertEveryRouteScoped, routeScopes, scope } from "../../../src/http/auth/route-scope";

const ok = (_req: express.Request, res: express.Response) => {
  res.send("ok");
};

describe("route scopes", () => {
  it("When a route is registered without a scope, then the start-up check throws naming it", () => {
    const app = express();
    const router = express.Router();
    router.get("/a", scope.admin(), ok);
    router.post("/b", ok);
    app.use(router);
    expect(() => assertEveryRouteScoped(app)).to.throw(/POST \/b/);
  });

  it("When every route starts with a scope, then the check passes and the scopes are read back as data", () => {
    const app = express();
    const router = express.Router();
    router.get("/a", scope.staff({ teacher: "own sessions" }, "a teacher's own sessions"), ok);
    app.use(router);
    app.get("/h", scope.public("health probes"), ok);
    expect(() => assertEveryRouteScoped(app)).to.not.throw();
    expect(routeScopes(app).map((r) => [r.method, r.path, r.scope?.roles])).to.deep.equal([
      ["get", "/a", { admin: "all", teacher: "own sessions" }],
      [
        "get",
        "/h",
        { anonymous: "all", family: "all", external: "all", teacher: "all", class_teacher: "all", admin: "all" },
      ],
    ]);
  });

  it("When a scope guards a route, then the anonymous go to log in, other roles get 403 and the roles named come in", async () => {
    const app = express();
    const as = (user: unknown) => (req: express.Request, _res: express.Response, next: express.NextFunction) => {
      (req as unknown as { session: unknown }).session = { user };
      next();
    };
    const guard = scope.staff({ external: "own club" }, "an external instructor's club");
    app.get("/anon", as(undefined), guard, ok);
    app.get("/family", as({ kind: "family", id: 1 }), guard, ok);
    app.get("/teacher", as({ kind: "staff", role: "teacher", id: 2 }), guard, ok);
    app.get("/external", as({ kind: "staff", role: "external", id: 3 }), guard, ok);
    app.get("/admin", as({ kind: "staff", role: "admin", id: 4 }), guard, ok);
    app.use((err: { status?: number }, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
      res.status(err.status ?? 500).end();
    });
    const anon = await request(app).get("/anon");
    expect([anon.status, anon.headers.location]).to.deep.equal([302, "/login?next=%2Fanon"]);
    expect((await request(app).get("/family")).status).to.equal(403);
    expect((await request(app).get("/teacher")).status).to.equal(403);
    expect((await request(app).get("/external")).status).to.equal(200);
    expect((await request(app).get("/admin")).status).to.equal(200);
  });
});
