import { expect } from "chai";
import { forEachDatabase } from "../../support/databases";
import { DbSessionStore } from "../../../src/http/session-store";
import { HttpSession } from "../../../src/db/entities";
import type session from "express-session";

const HOUR = 3600 * 1000;
const sess = (expiresInMs: number) =>
  ({
    cookie: { expires: new Date(Date.now() + expiresInMs), originalMaxAge: 7 * 24 * HOUR },
  }) as unknown as session.SessionData;
const call = (fn: (cb: (err?: unknown) => void) => void) =>
  new Promise<void>((res, rej) =>
    fn((err) => (err ? rej(err instanceof Error ? err : new Error("store callback failed", { cause: err })) : res())),
  );

forEachDatabase("session touch", (ctx) => {
  const expiry = async (sid: string) => (await ctx.db.ds.getRepository(HttpSession).findOneByOrFail({ sid })).expiresAt;

  it("When a read page touches a session saved moments ago, then the row is not written again", async () => {
    const store = new DbSessionStore(ctx.db.ds);
    await call((cb) => store.set("s1", sess(7 * 24 * HOUR), cb));
    const before = await expiry("s1");
    await call((cb) => store.get("s1", (err) => cb(err)));
    await call((cb) => store.touch("s1", sess(7 * 24 * HOUR + 5_000), cb));
    expect(await expiry("s1")).to.equal(before);
  });

  it("When the stored expiry is more than an hour behind, then touch moves it (and another instance sees it)", async () => {
    const a = new DbSessionStore(ctx.db.ds);
    const b = new DbSessionStore(ctx.db.ds);
    await call((cb) => a.set("s2", sess(24 * HOUR), cb));
    await call((cb) => b.get("s2", (err) => cb(err)));
    await call((cb) => b.touch("s2", sess(7 * 24 * HOUR), cb));
    expect(Date.parse(await expiry("s2"))).to.be.greaterThan(Date.now() + 6 * 24 * HOUR);
  });

  it("When this instance never read the session, then touch writes as before", async () => {
    await ctx.db.ds
      .getRepository(HttpSession)
      .insert({ sid: "s3", data: "{}", expiresAt: new Date(Date.now() + HOUR).toISOString() });
    const store = new DbSessionStore(ctx.db.ds);
    await call((cb) => store.touch("s3", sess(7 * 24 * HOUR), cb));
    expect(Date.parse(await expiry("s3"))).to.be.greaterThan(Date.now() + 6 * 24 * HOUR);
  });
});
