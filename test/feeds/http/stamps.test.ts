// Issue 20: ICSx⁵ replaces an event only when its LAST-MODIFIED is newer. So
// each event's SEQUENCE and LAST-MODIFIED (= DTSTAMP) follow what the event is
// made of: a change bumps exactly the events it changes, the others keep theirs.
import { expect } from "chai";
import type { Express } from "express";
import request from "supertest";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { forEachDatabase } from "../../support/databases";
import { demoApp, staffLogin } from "../../support/demo-app";
import { loginAs, Agent } from "../../support/http";
import { CalendarDay, Period, Term } from "../../../src/db/entities";
import { eventBlocks } from "../unit/parsed-feed";
import { feedPathVia, fetchFeed, publishedEntries } from "./support";

interface Stamp {
  sequence: number;
  lastModified: string;
  dtstamp: string;
}

function stampsOf(ics: string): Map<string, Stamp> {
  const out = new Map<string, Stamp>();
  for (const [uid, lines] of eventBlocks(ics)) {
    const value = (name: string) => lines.find((l) => l.startsWith(`${name}:`))?.slice(name.length + 1) ?? "";
    out.set(uid, {
      sequence: Number(value("SEQUENCE") || "0"),
      lastModified: value("LAST-MODIFIED"),
      dtstamp: value("DTSTAMP"),
    });
  }
  return out;
}

forEachDatabase("calendar feeds: event stamps follow what each event is made of", (ctx) => {
  let app: Express;
  let admin: Agent;
  let path: string;

  before(async function () {
    this.timeout(120_000);
    const demo = await demoApp(ctx.db);
    app = demo.app;
    admin = await loginAs(app, staffLogin(demo.logins, "admin"));
    path = await feedPathVia(admin, "/feeds/school/0");
  });

  const fetch = async () => {
    const res = await fetchFeed(app, path);
    expect(res.status).to.equal(200);
    return { text: (res.body as Buffer).toString("utf8"), lastModified: res.headers["last-modified"] };
  };

  // The series UIDs of the entries matching `keep`, as the school feed names them.
  const seriesOf = async (keep: (e: { weekday: number; periodId: number }) => boolean, uids: Iterable<string>) => {
    const ids = new Set((await publishedEntries(ctx.db.ds)).filter(keep).map((e) => `entry-${e.id}`));
    return new Set([...uids].filter((u) => ids.has(u.replace(/[@+].*$/, ""))));
  };

  function expectBumped(before: Map<string, Stamp>, after: Map<string, Stamp>, changed: Set<string>) {
    for (const [uid, was] of before) {
      const now = after.get(uid);
      if (!now) continue;
      expect(now.dtstamp, `${uid} DTSTAMP = LAST-MODIFIED`).to.equal(now.lastModified);
      if (changed.has(uid)) {
        expect(now.sequence, `${uid} SEQUENCE`).to.be.greaterThan(was.sequence);
        expect(now.lastModified > was.lastModified, `${uid} LAST-MODIFIED newer`).to.equal(true);
      } else {
        expect(now, `${uid} unchanged`).to.deep.equal(was);
      }
    }
  }

  it("When a holiday is added on a Thursday, then exactly Thursday's events get a new SEQUENCE and a newer LAST-MODIFIED, and so does the HTTP Last-Modified", async function () {
    this.timeout(60_000);
    const first = await fetch();
    expect(first.text).to.not.match(/^METHOD:/m);
    const before = stampsOf(first.text);
    const term = await ctx.db.ds.getRepository(Term).findOneByOrFail({ current: true });
    await ctx.db.ds
      .getRepository(CalendarDay)
      .insert({ termId: term.id, date: "2026-12-03", kind: "holiday", runsWeekday: null, name: "校庆日" });
    const second = await fetch();
    const after = stampsOf(second.text);
    const thursday = await seriesOf((e) => e.weekday === 4, before.keys());
    expect(thursday.size).to.be.greaterThan(0);
    expectBumped(before, after, thursday);
    expect(Date.parse(second.lastModified)).to.be.greaterThan(Date.parse(first.lastModified));
  });

  it("When a period moves, then exactly the events held in it are bumped", async function () {
    this.timeout(60_000);
    const before = stampsOf((await fetch()).text);
    const term = await ctx.db.ds.getRepository(Term).findOneByOrFail({ current: true });
    const period = await ctx.db.ds
      .getRepository(Period)
      .findOneOrFail({ where: { termId: term.id }, order: { position: "DESC" } });
    await ctx.db.ds.getRepository(Period).update({ id: period.id }, { startTime: "16:45" });
    const after = stampsOf((await fetch()).text);
    const moved = await seriesOf((e) => e.periodId === period.id, before.keys());
    expect(moved.size).to.be.greaterThan(0);
    expectBumped(before, after, moved);
  });
});

forEachDatabase("calendar feeds: compression", (ctx) => {
  it("When a calendar client accepts gzip or br, then the feed comes compressed, unpacks to the same bytes, and varies on Accept-Encoding", async function () {
    this.timeout(120_000);
    const demo = await demoApp(ctx.db);
    const admin = await loginAs(demo.app, staffLogin(demo.logins, "admin"));
    const path = await feedPathVia(admin, "/feeds/school/0");
    const plain = await fetchFeed(demo.app, path).set("Accept-Encoding", "identity");
    expect(plain.headers["content-encoding"]).to.equal(undefined);
    const raw = (res: request.Response) => new Promise<Buffer>((resolve) => resolve(res.body as Buffer));
    for (const [encoding, unpack] of [
      ["gzip", gunzipSync],
      ["br", brotliDecompressSync],
    ] as const) {
      const res = await request(demo.app)
        .get(path)
        .set("Accept-Encoding", encoding)
        .buffer(true)
        .parse((r, done) => {
          const chunks: Buffer[] = [];
          r.on("data", (c: Buffer) => chunks.push(c));
          r.on("end", () => done(null, Buffer.concat(chunks)));
        });
      expect(res.status).to.equal(200);
      expect(res.headers["content-encoding"]).to.equal(encoding);
      expect(res.headers.vary).to.match(/Accept-Encoding/i);
      const body = await raw(res);
      // superagent may already have unpacked it; else unpack here.
      const unpacked = Buffer.compare(body, plain.body as Buffer) === 0 ? body : unpack(body);
      expect(Buffer.compare(unpacked, plain.body as Buffer)).to.equal(0);
      expect(res.headers.etag).to.not.equal(plain.headers.etag);
    }
  });
});
