// Issue 20: a feed's UIDs end in a domain; a new domain would duplicate every
// event on every phone. So the domain is fixed in the `calendar.uidDomain`
// setting the first time a feed is served (from PUBLIC_URL when it is set,
// else kehou.local) and never moves after, whatever PUBLIC_URL becomes.
import { expect } from "chai";
import type { Express } from "express";
import { forEachDatabase } from "../../support/databases";
import { seedDemo, DemoLogins } from "../../../seeds/demo";
import { staffLogin } from "../../support/demo-app";
import { loginAs } from "../../support/http";
import { createApp } from "../../../src/app";
import { Setting } from "../../../src/db/entities";
import { eventBlocks } from "../unit/parsed-feed";
import { feedPathVia, fetchFeed } from "./support";

// An app as `kehou serve` makes it, with PUBLIC_URL set (or not).
function appAt(ds: Parameters<typeof createApp>[0]["ds"], publicUrl?: string): Express {
  return createApp({
    ds,
    config: {
      sessionSecret: "test-secret-test-secret",
      production: false,
      logLevel: "silent",
      trustProxy: false,
      ...(publicUrl ? { publicUrl, publicUrlSet: true } : { publicUrl: "http://localhost:3000", publicUrlSet: false }),
    },
  });
}

// The domains the feed's UIDs end in.
async function uidDomainsOf(app: Express, path: string): Promise<Set<string>> {
  const res = await fetchFeed(app, path);
  expect(res.status).to.equal(200);
  const uids = [...eventBlocks((res.body as Buffer).toString("utf8")).keys()];
  expect(uids.length).to.be.greaterThan(0);
  return new Set(uids.map((u) => u.slice(u.indexOf("@") + 1)));
}

forEachDatabase("calendar feeds: the UID domain is fixed the first time a feed is served", (ctx) => {
  let logins: DemoLogins;
  let path: string;
  const storedDomain = async () =>
    (await ctx.db.ds.getRepository(Setting).findOneBy({ key: "calendar.uidDomain" }))?.value;

  before(async function () {
    this.timeout(120_000);
    ({ logins } = await seedDemo(ctx.db.ds));
  });

  beforeEach(async () => {
    await ctx.db.ds.getRepository(Setting).delete({ key: "calendar.uidDomain" });
  });

  it("When PUBLIC_URL is set and a feed is served for the first time, then its UIDs end in PUBLIC_URL's host and that host is stored as the setting", async () => {
    const app = appAt(ctx.db.ds, "https://Kehou.School.cn:8443");
    path = await feedPathVia(await loginAs(app, staffLogin(logins, "admin")), "/feeds/school/0");
    expect(await uidDomainsOf(app, path)).to.deep.equal(new Set(["kehou.school.cn"]));
    expect(await storedDomain()).to.equal("kehou.school.cn");
  });

  it("When PUBLIC_URL later changes, then the UIDs keep the first domain", async () => {
    await uidDomainsOf(appAt(ctx.db.ds, "https://kehou.school.cn"), path);
    const moved = appAt(ctx.db.ds, "https://new-host.school.cn");
    expect(await uidDomainsOf(moved, path)).to.deep.equal(new Set(["kehou.school.cn"]));
    expect(await storedDomain()).to.equal("kehou.school.cn");
  });

  it("When PUBLIC_URL is not set, then the domain is kehou.local, stored, and a PUBLIC_URL set later does not move it", async () => {
    expect(await uidDomainsOf(appAt(ctx.db.ds), path)).to.deep.equal(new Set(["kehou.local"]));
    expect(await storedDomain()).to.equal("kehou.local");
    expect(await uidDomainsOf(appAt(ctx.db.ds, "https://kehou.school.cn"), path)).to.deep.equal(
      new Set(["kehou.local"]),
    );
  });

  it("When two instances with different PUBLIC_URLs serve their first feed at the same time, then one domain is stored and both serve it", async () => {
    const [a, b] = await Promise.all([
      uidDomainsOf(appAt(ctx.db.ds, "https://a.school.cn"), path),
      uidDomainsOf(appAt(ctx.db.ds, "https://b.school.cn"), path),
    ]);
    const stored = await storedDomain();
    expect(["a.school.cn", "b.school.cn"]).to.include(stored);
    expect(a).to.deep.equal(new Set([stored]));
    expect(b).to.deep.equal(new Set([stored]));
  });
});
