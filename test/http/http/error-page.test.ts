// Our own bug (a route that throws) is the app's plain 500 page, in the
// user's language, with no stack, message or path; KEHOU_DEBUG=1 (a
// developer's own machine) adds the stack.
import { expect } from "chai";
import express from "express";
import cookieParser from "cookie-parser";
import request from "supertest";
import pino from "pino";
import { join } from "node:path";
import { projectRoot } from "../../../src/config";
import { earlyLocale } from "../../../src/http/early-locale";
import { errorHandler } from "../../../src/http/errors";
import { translator } from "../../../src/http/i18n";

function appThatThrows(): express.Express {
  const app = express();
  app.set("views", join(projectRoot(), "views"));
  app.set("view engine", "ejs");
  app.use(cookieParser());
  app.use(earlyLocale);
  app.get("/boom", () => {
    throw new Error("secret detail at /srv/kehou/app.js");
  });
  app.use(errorHandler(pino({ level: "silent" })));
  return app;
}

describe("the app's own 500 page", () => {
  const saved = process.env.KEHOU_DEBUG;
  afterEach(() => {
    if (saved === undefined) delete process.env.KEHOU_DEBUG;
    else process.env.KEHOU_DEBUG = saved;
  });

  it("When a route throws, then the page says so in the user's language without the message or a stack", async () => {
    delete process.env.KEHOU_DEBUG;
    const res = await request(appThatThrows()).get("/boom").set("Cookie", "kehou.lang=en");
    expect(res.status).to.equal(500);
    expect(res.text).to.contain(translator("en")("errors.internal"));
    expect(res.text).not.to.contain("secret detail");
    expect(res.text).not.to.match(/\n\s+at /);
  });

  it("When KEHOU_DEBUG=1, then the same page shows the stack", async () => {
    process.env.KEHOU_DEBUG = "1";
    const res = await request(appThatThrows()).get("/boom");
    expect(res.status).to.equal(500);
    expect(res.text).to.contain("secret detail");
  });
});
