import { expect } from "chai";
import express from "express";
import session from "express-session";
import { get, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { saveSessionBeforeRedirect } from "../../../src/http/save-before-redirect";

// A store as slow as a database round trip, so the race is not left to luck.
class SlowStore extends session.MemoryStore {
  saves = 0;
  set(sid: string, sess: session.SessionData, cb?: (err?: unknown) => void): void {
    setTimeout(() => {
      this.saves++;
      super.set(sid, sess, cb);
    }, 150);
  }
}

function appWith(store: SlowStore, withFix: boolean): express.Express {
  const app = express();
  app.use(session({ secret: "test-secret", store, resave: false, saveUninitialized: false }));
  if (withFix) app.use(saveSessionBeforeRedirect);
  app.get("/flash", (req, res) => {
    (req.session as unknown as { flash: string }).flash = "saved";
    res.redirect("/next");
  });
  app.get("/plain", (_req, res) => res.redirect("/next"));
  return app;
}

// Resolves when the response headers arrive, as a browser following a 302 would act on them.
function headersOf(server: Server, path: string): Promise<IncomingMessage> {
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => get({ port, path }, resolve).on("error", reject));
}

describe("saveSessionBeforeRedirect", () => {
  const servers: Server[] = [];
  const serve = (app: express.Express) =>
    new Promise<Server>((resolve) => {
      const s = app.listen(0, () => resolve(s));
      servers.push(s);
    });
  after(() => servers.forEach((s) => s.close()));

  it("When a handler sets a flash and redirects, then the session is saved before the redirect's headers leave", async () => {
    const store = new SlowStore();
    const res = await headersOf(await serve(appWith(store, true)), "/flash");
    expect(res.statusCode).to.equal(302);
    expect(store.saves).to.equal(1);
    res.resume();
  });

  it("When the middleware is missing, then the headers leave before the save (the race it closes)", async () => {
    const store = new SlowStore();
    const res = await headersOf(await serve(appWith(store, false)), "/flash");
    expect(res.statusCode).to.equal(302);
    expect(store.saves).to.equal(0);
    res.resume();
  });

  it("When nothing in the session changed, then a redirect writes nothing", async () => {
    const store = new SlowStore();
    const res = await headersOf(await serve(appWith(store, true)), "/plain");
    expect(res.statusCode).to.equal(302);
    await new Promise((r) => setTimeout(r, 200));
    expect(store.saves).to.equal(0);
    res.resume();
  });
});
