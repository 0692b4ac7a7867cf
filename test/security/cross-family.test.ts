import { expect } from "chai";
import type { Express } from "express";
import { forEachDatabase } from "../support/databases";
import { demoApp, familyLogin } from "../support/demo-app";
import { csrfFrom, loginAs, Agent } from "../support/http";
import { listRoutes, RouteInfo } from "../support/routes";
import { contents } from "../support/fingerprint";
import { Family, Student } from "../../src/db/entities";
import { FeedToken } from "../../src/feeds/entities";

// A URL for a route with every parameter naming the other family's thing (`:kind` picks the student feed).
const aimAt = (path: string, value: string) =>
  path.replace(/:kind\b/g, "student").replace(/:(\w+)/g, () => encodeURIComponent(value));

async function acceptPrivacy(agent: Agent) {
  const page = await agent.get("/privacy");
  await agent
    .post("/privacy/accept")
    .type("form")
    .send({ _csrf: csrfFrom(page.text), accept: "1" });
}

forEachDatabase("security: one family never reaches another's children, choices, results or feeds", (ctx) => {
  let app: Express;
  let a: Agent;
  let routes: RouteInfo[];
  let theirIds: string[];
  let theirNames: string[];
  let theirTokens: string[];
  let theirFamilyId: string;

  before(async function () {
    this.timeout(180_000);
    const demo = await demoApp(ctx.db);
    app = demo.app;
    routes = listRoutes(app).filter((r) => r.path.includes(":") && !r.path.endsWith(".ics"));
    a = await loginAs(app, familyLogin(demo.logins, 0));
    const b = await loginAs(app, familyLogin(demo.logins, 1));
    await acceptPrivacy(a);
    await acceptPrivacy(b);
    const ds = ctx.db.ds;
    const theirs = await ds
      .getRepository(Student)
      .findBy(demo.logins.families[1].children.map((studentNumber) => ({ studentNumber })));
    const mine = await ds
      .getRepository(Student)
      .findBy(demo.logins.families[0].children.map((studentNumber) => ({ studentNumber })));
    const family = await ds.getRepository(Family).findOneByOrFail({ id: theirs[0].familyId });
    // B opens its feed pages, so its children have live tokens to try.
    for (const s of theirs) expect((await b.get(`/feeds/student/${s.id}`)).status).to.equal(200);
    theirTokens = (
      await ds.getRepository(FeedToken).findBy(theirs.map((s) => ({ kind: "student" as const, subjectId: s.id })))
    ).map((t) => t.token);
    expect(theirTokens.length).to.be.greaterThan(0);
    theirFamilyId = String(family.id);
    theirIds = [...theirs.map((s) => String(s.id)), theirFamilyId, ...theirTokens];
    theirNames = theirs.map((s) => s.name).filter((n) => !mine.some((m) => m.name === n));
    // A's own pages first: opening them may make A's own feed tokens.
    for (const path of ["/", "/choices", "/results", "/feeds", "/surveys"]) await a.get(path);
  });

  it("When a family opens every page with the other family's child, family or feed token in the URL, then nothing of theirs is shown", async function () {
    this.timeout(120_000);
    const leaks: string[] = [];
    for (const route of routes.filter((r) => r.method === "get")) {
      for (const id of theirIds) {
        const url = aimAt(route.path, id);
        const res = await a.get(url);
        // The token sent may be echoed back (the page's own URL); any other of theirs may not.
        const shown = [...theirNames, ...theirTokens.filter((t) => t !== id)].filter((x) => res.text.includes(x));
        if (res.status >= 500 || shown.length) leaks.push(`${url} → ${res.status} ${shown.join(" ")}`);
        // A family id may equal one of this family's own student ids; the other family's student ids and tokens never may.
        if (/\/(choices|results|feeds)\//.test(route.path) && id !== theirFamilyId && res.status < 400)
          leaks.push(`${url} → ${res.status}`);
      }
    }
    expect(leaks, leaks.slice(0, 20).join("\n")).to.deep.equal([]);
  });

  it("When a family posts to every form with the other family's ids in the URL and the body, then it is refused and no row changes", async function () {
    this.timeout(120_000);
    const before = await contents(ctx.db.ds);
    const token = csrfFrom((await a.get("/")).text);
    // Actions on the family's own login only (logging out here or everywhere) are not aimed at anyone else.
    const posts = [
      ...listRoutes(app).filter(
        (r) =>
          r.method === "post" &&
          ![
            "/logout",
            "/account/logout-everywhere",
            "/login",
            "/lang",
            "/privacy/accept",
            "/notifications/read",
            // The family's own e-mail address and notice settings: no ids, nobody else's rows.
            "/account/email/resend",
            "/account/email/withdraw",
            "/account/email/remove",
            "/notifications/settings",
          ].includes(r.path),
      ),
    ];
    const accepted: string[] = [];
    for (const route of posts) {
      for (const id of theirIds) {
        const body = { _csrf: token, studentId: id, id, weekdays: ["1", "4"], rank1: "1", confirm: "1", accept: "1" };
        const res = await a.post(aimAt(route.path, id)).type("form").send(body);
        if (res.status < 400) accepted.push(`${route.path} (${id}) → ${res.status} ${res.headers.location ?? ""}`);
      }
    }
    expect(accepted).to.deep.equal([]);
    expect(await contents(ctx.db.ds)).to.equal(before);
  });
});
