// The feed pages and links: who may see which feed, regenerating a link, the
// page itself (links, QR codes, steps in both languages), and the HTTP
// caching a calendar client relies on.
import { expect } from "chai";
import request from "supertest";
import type { Express } from "express";
import { forEachDatabase } from "../../support/databases";
import { demoApp, staffLogin } from "../../support/demo-app";
import { csrfFrom, loginAs, Agent } from "../../support/http";
import type { DemoLogins } from "../../../seeds/demo";
import { AuditEntry, Club, Staff, Student, Venue } from "../../../src/db/entities";
import { FeedToken } from "../../../src/feeds/entities";
import { familyAgent, feedPathVia, feedUrlOn, fetchFeed } from "./support";

forEachDatabase("calendar feeds: pages, ownership and caching", (ctx) => {
  let app: Express;
  let logins: DemoLogins;
  let admin: Agent;
  let teacher: Agent;
  let familyA: Agent;
  let familyB: Agent;
  let ids: {
    admin: number;
    teacher: number;
    classTeacher: number;
    childA: number;
    childB: number;
    childB2: number;
    club: number;
    venue: number;
  };

  before(async function () {
    this.timeout(120_000);
    ({ app, logins } = await demoApp(ctx.db));
    admin = await loginAs(app, staffLogin(logins, "admin"));
    teacher = await loginAs(app, staffLogin(logins, "teacher"));
    familyA = await familyAgent(app, {
      studentNumber: logins.families[0].studentNumber,
      code: logins.families[0].code,
    });
    familyB = await familyAgent(app, {
      studentNumber: logins.families[1].studentNumber,
      code: logins.families[1].code,
    });
    const ds = ctx.db.ds;
    const student = (n: string) => ds.getRepository(Student).findOneByOrFail({ studentNumber: n });
    const staffId = async (role: string) =>
      (await ds.getRepository(Staff).findOneByOrFail({ email: staffLogin(logins, role).email })).id;
    ids = {
      admin: await staffId("admin"),
      teacher: await staffId("teacher"),
      classTeacher: await staffId("class_teacher"),
      childA: (await student(logins.families[0].children[0])).id,
      childB: (await student(logins.families[1].children[0])).id,
      childB2: (await student(logins.families[1].children[1])).id,
      club: (await ds.getRepository(Club).findOneByOrFail({ code: "choir" })).id,
      venue: (await ds.getRepository(Venue).findOneByOrFail({ name: "东操场" })).id,
    };
  });

  describe("who sees which feed", () => {
    it("When someone who is not logged in opens /feeds or a feed page, then they are sent to log in", async () => {
      for (const path of ["/feeds", `/feeds/staff/${ids.teacher}`]) {
        const res = await request(app).get(path);
        expect(res.status).to.equal(302);
        expect(res.headers.location).to.match(/^\/login\?next=/);
      }
    });

    it("When a teacher opens /feeds, then it lists their own feed and nothing of the school's", async () => {
      const res = await teacher.get("/feeds");
      expect(res.status).to.equal(200);
      expect(res.text).to.contain(`href="/feeds/staff/${ids.teacher}"`);
      expect(res.text).to.not.contain("/feeds/school/0");
      expect(res.text).to.not.contain("/feeds/club/");
      expect(res.text).to.not.contain(`href="/feeds/staff/${ids.classTeacher}"`);
    });

    it("When a family with two children opens /feeds, then it lists a feed per child and no other child", async () => {
      const res = await familyB.get("/feeds");
      expect(res.status).to.equal(200);
      expect(res.text).to.contain(`href="/feeds/student/${ids.childB}"`);
      expect(res.text).to.contain(`href="/feeds/student/${ids.childB2}"`);
      expect(res.text).to.not.contain(`href="/feeds/student/${ids.childA}"`);
      expect(res.text).to.not.contain("/feeds/staff/");
    });

    it("When an admin opens /feeds, then it lists the school, every club and venue, and the staff page by page", async () => {
      const res = await admin.get("/feeds");
      expect(res.status).to.equal(200);
      expect(res.text).to.contain('href="/feeds/school/0"');
      const clubs = await ctx.db.ds.getRepository(Club).find();
      for (const c of clubs) expect(res.text).to.contain(`href="/feeds/club/${c.id}"`);
      const venues = await ctx.db.ds.getRepository(Venue).find();
      for (const v of venues) expect(res.text).to.contain(`href="/feeds/venue/${v.id}"`);
      expect(res.text).to.contain('href="?page=2#staff"');
      const second = await admin.get("/feeds?page=2");
      const staffLinks = (html: string) =>
        new Set([...html.matchAll(/href="\/feeds\/staff\/(\d+)"/g)].map((m) => m[1]));
      const [one, two] = [staffLinks(res.text), staffLinks(second.text)];
      expect(two.size).to.be.greaterThan(1);
      // The admin's own feed heads every page; everyone else's is on one page only.
      expect([...two].filter((id) => one.has(id) && Number(id) !== ids.admin)).to.deep.equal([]);
    });

    it("When a family opens another family's child's feed page or regenerates it, then it gets 404 and nothing changes", async () => {
      const before = await ctx.db.ds.getRepository(FeedToken).countBy({});
      expect((await familyA.get(`/feeds/student/${ids.childB}`)).status).to.equal(404);
      const token = csrfFrom((await familyA.get("/feeds")).text);
      const res = await familyA
        .post(`/feeds/student/${ids.childB}/regenerate`)
        .type("form")
        .send({ _csrf: token, confirm: "1" });
      expect(res.status).to.equal(404);
      expect(await ctx.db.ds.getRepository(FeedToken).countBy({})).to.equal(before);
      expect((await familyA.get(`/feeds/staff/${ids.teacher}`)).status).to.equal(404);
      expect((await familyA.get(`/feeds/student/${ids.childA}`)).status).to.equal(200);
    });

    it("When a teacher opens a colleague's, a club's, a venue's or the school's feed page, then it gets 404", async () => {
      for (const path of [
        `/feeds/staff/${ids.classTeacher}`,
        `/feeds/club/${ids.club}`,
        `/feeds/venue/${ids.venue}`,
        "/feeds/school/0",
        `/feeds/student/${ids.childA}`,
      ]) {
        expect((await teacher.get(path)).status, path).to.equal(404);
      }
      expect((await teacher.get(`/feeds/staff/${ids.teacher}`)).status).to.equal(200);
    });

    it("When an admin opens any feed page, then it is shown; a made-up kind or id is 404", async () => {
      for (const path of [
        `/feeds/staff/${ids.classTeacher}`,
        `/feeds/student/${ids.childA}`,
        `/feeds/club/${ids.club}`,
        `/feeds/venue/${ids.venue}`,
        "/feeds/school/0",
      ]) {
        expect((await admin.get(path)).status, path).to.equal(200);
      }
      for (const path of [
        "/feeds/teacher/1",
        "/feeds/staff/abc",
        "/feeds/staff/999999",
        "/feeds/school/1",
        "/feeds/venue/-1",
      ]) {
        expect((await admin.get(path)).status, path).to.equal(404);
      }
    });
  });

  describe("the feed page", () => {
    it("When a teacher opens their feed page, then it shows the https and webcal links, two QR images and steps for Apple, Google and Outlook", async () => {
      const res = await teacher.get(`/feeds/staff/${ids.teacher}`);
      expect(res.status).to.equal(200);
      expect(res.headers["cache-control"]).to.equal("no-store");
      const url = feedUrlOn(res.text);
      // No PUBLIC_URL in the test app: http://localhost:PORT, never the request's Host header.
      expect(url).to.match(/^http:\/\/localhost:3000\/feeds\/[A-Za-z0-9_-]{43}\.ics$/);
      expect(res.text).to.contain(`value="${url.replace(/^http:/, "webcal:")}"`);
      expect(res.text).to.contain(`href="${url.replace(/^http:/, "webcal:")}"`);
      expect(res.text.match(/<img src="data:image\/png;base64,[A-Za-z0-9+/=]+"/g)).to.have.length(2);
      for (const text of [
        "苹果日历",
        "Google 日历",
        "Outlook",
        "添加已订阅的日历",
        "通过网址添加",
        "从 Web 订阅",
        "重新生成链接",
      ])
        expect(res.text).to.contain(text);
      expect(res.text).to.contain('src="/public/js/feeds.js"');
      expect(res.text).to.not.contain("google.com/");
      expect(res.text).to.not.contain("<script>");
    });

    it("When the page is read in English, then the steps are in English", async () => {
      const agent = await loginAs(app, staffLogin(logins, "teacher"));
      const token = csrfFrom((await agent.get("/feeds")).text);
      await agent.post("/lang").type("form").send({ _csrf: token, lang: "en", back: "/feeds" }).expect(302);
      const res = await agent.get(`/feeds/staff/${ids.teacher}`);
      for (const text of [
        "Apple Calendar",
        "Add Subscribed Calendar",
        "From URL",
        "Subscribe from web",
        "Regenerate link",
      ])
        expect(res.text).to.contain(text);
    });

    it("When the page is opened in WeChat's browser, then it says how to get out of WeChat to subscribe", async () => {
      const ua =
        "Mozilla/5.0 (Linux; Android 13) AppleWebKit/537.36 Chrome/116.0 Mobile Safari/537.36 MicroMessenger/8.0.47";
      const inWeChat = await teacher.get(`/feeds/staff/${ids.teacher}`).set("User-Agent", ua);
      expect(inWeChat.text).to.contain("在浏览器打开");
      const elsewhere = await teacher.get(`/feeds/staff/${ids.teacher}`);
      expect(elsewhere.text).to.not.contain("在浏览器打开");
    });

    it("When a family opens its child's feed page inside WeChat, then the page leads with how to get out of WeChat: open in the browser via ···, a copy button for the https link, and steps for Android (ICSx⁵ or the phone's calendar), iPhone and a computer, with no webcal button WeChat cannot follow", async () => {
      const ua =
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148 MicroMessenger/8.0.49(0x18003130) NetType/WIFI Language/zh_CN";
      const res = await familyA.get(`/feeds/student/${ids.childA}`).set("User-Agent", ua);
      expect(res.status).to.equal(200);
      const url = feedUrlOn(res.text);
      const box = /<section[^>]*class="[^"]*wechat[^"]*"[\s\S]*?<\/section>/.exec(res.text)?.[0] ?? "";
      expect(box, "a WeChat section").to.not.equal("");
      expect(box).to.contain("···").and.to.contain("在浏览器中打开");
      expect(box).to.match(
        new RegExp(`<input id="wechat-url"[^>]*value="${url.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"`),
      );
      expect(box).to.contain('data-copy="wechat-url"');
      for (const text of ["ICSx⁵", "iPhone", "电脑"]) expect(box).to.contain(text);
      expect(res.text).to.not.contain('class="button primary subscribe"');
      // The page comes first on a phone: the WeChat steps stand before the links.
      expect(res.text.indexOf('class="card wechat')).to.be.lessThan(res.text.indexOf('id="links-h"'));
    });

    it("When the family feed page is opened inside WeChat in English, then the same help is in English", async () => {
      const agent = await familyAgent(app, {
        studentNumber: logins.families[0].studentNumber,
        code: logins.families[0].code,
      });
      const token = csrfFrom((await agent.get("/feeds")).text);
      await agent.post("/lang").type("form").send({ _csrf: token, lang: "en", back: "/feeds" }).expect(302);
      const ua =
        "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/120.0 Mobile Safari/537.36 MicroMessenger/8.0.49";
      const res = await agent.get(`/feeds/student/${ids.childA}`).set("User-Agent", ua);
      for (const text of ["Open in Browser", "ICSx⁵", "iPhone", "computer"]) expect(res.text).to.contain(text);
      expect(res.text).to.not.contain("在浏览器中打开");
    });

    it("When the family feed page is opened outside WeChat, then there is no WeChat help and the subscribe button is there", async () => {
      const res = await familyA.get(`/feeds/student/${ids.childA}`);
      expect(res.text).to.not.contain('class="card wechat');
      expect(res.text).to.not.contain("wechat-url");
      expect(res.text).to.contain('class="button primary subscribe"');
    });

    it("When PUBLIC_URL is set, then the links use it instead of the request's host", async () => {
      // createApp takes PUBLIC_URL from the configuration into app.locals.
      const saved: unknown = app.locals.publicUrl;
      app.locals.publicUrl = "https://kehou.example.edu.cn";
      try {
        const res = await teacher.get(`/feeds/staff/${ids.teacher}`).set("Host", "intranet.example");
        expect(feedUrlOn(res.text)).to.match(/^https:\/\/kehou\.example\.edu\.cn\/feeds\/[A-Za-z0-9_-]{43}\.ics$/);
        expect(res.text).to.contain('value="webcal://kehou.example.edu.cn/feeds/');
      } finally {
        app.locals.publicUrl = saved;
      }
    });

    it("When a feed page is opened twice, then the link is the same (one token, made on the first view)", async () => {
      const first = await feedPathVia(familyB, `/feeds/student/${ids.childB2}`);
      const second = await feedPathVia(familyB, `/feeds/student/${ids.childB2}`);
      expect(first).to.equal(second);
      expect(await ctx.db.ds.getRepository(FeedToken).countBy({ kind: "student", subjectId: ids.childB2 })).to.equal(1);
    });
  });

  describe("regenerating a link", () => {
    it("When a family regenerates without ticking the box, then nothing changes and the page asks for it", async () => {
      const page = `/feeds/student/${ids.childA}`;
      const old = await feedPathVia(familyA, page);
      const token = csrfFrom((await familyA.get(page)).text);
      const res = await familyA.post(`${page}/regenerate`).type("form").send({ _csrf: token });
      expect(res.status).to.equal(400);
      expect(res.text).to.contain("请先勾选确认");
      expect((await fetchFeed(app, old)).status).to.equal(200);
    });

    it("When a family regenerates its child's link, then the old URL answers 404, the new one serves the same calendar, and it is audit-logged", async () => {
      const page = `/feeds/student/${ids.childA}`;
      const old = await feedPathVia(familyA, page);
      const before = await fetchFeed(app, old);
      const token = csrfFrom((await familyA.get(page)).text);
      const res = await familyA.post(`${page}/regenerate`).type("form").send({ _csrf: token, confirm: "1" });
      expect(res.status).to.equal(302);
      expect(res.headers.location).to.equal(page);
      const gone = await fetchFeed(app, old);
      expect(gone.status).to.equal(404);
      expect(gone.headers["content-type"]).to.match(/^text\/plain/);
      const shown = await familyA.get(page);
      expect(shown.text).to.contain("已生成新链接");
      const fresh = new URL(feedUrlOn(shown.text)).pathname;
      expect(fresh).to.not.equal(old);
      const after = await fetchFeed(app, fresh);
      expect(after.status).to.equal(200);
      expect(Buffer.compare(after.body as Buffer, before.body as Buffer)).to.equal(0);
      const audit = await ctx.db.ds
        .getRepository(AuditEntry)
        .findOneByOrFail({ action: "feed.regenerate", entityId: `student:${ids.childA}` });
      expect(audit.actorKind).to.equal("family");
      const oldToken = old.slice("/feeds/".length, -".ics".length);
      const newToken = fresh.slice("/feeds/".length, -".ics".length);
      expect(JSON.stringify(audit)).to.not.contain(oldToken).and.not.contain(newToken);
    });

    it("When an admin regenerates a teacher's link, then the teacher's old link stops working too", async () => {
      const old = await feedPathVia(teacher, `/feeds/staff/${ids.teacher}`);
      const page = `/feeds/staff/${ids.teacher}`;
      const token = csrfFrom((await admin.get(page)).text);
      await admin.post(`${page}/regenerate`).type("form").send({ _csrf: token, confirm: "1" }).expect(302);
      expect((await fetchFeed(app, old)).status).to.equal(404);
      expect(await feedPathVia(teacher, page)).to.not.equal(old);
    });

    it("When regenerate is posted without a CSRF token, then it is refused", async () => {
      const res = await familyA.post(`/feeds/student/${ids.childA}/regenerate`).type("form").send({ confirm: "1" });
      expect(res.status).to.equal(403);
    });
  });

  describe("the feed file over HTTP", () => {
    let path: string;
    before(async () => {
      path = await feedPathVia(admin, `/feeds/club/${ids.club}`);
    });

    it("When a calendar client without a session fetches a valid link, then it gets the calendar with validators", async () => {
      const res = await fetchFeed(app, path);
      expect(res.status).to.equal(200);
      expect(res.headers["content-type"]).to.equal("text/calendar; charset=utf-8");
      expect(res.headers["cache-control"]).to.equal("private, max-age=900");
      expect(res.headers.etag).to.match(/^"[A-Za-z0-9_-]{32}"$/);
      expect(new Date(res.headers["last-modified"]).getTime()).to.be.greaterThan(0);
      expect(res.headers["set-cookie"]).to.equal(undefined);
      expect(res.headers["x-content-type-options"]).to.equal("nosniff");
      expect((res.body as Buffer).toString("utf8")).to.match(/^BEGIN:VCALENDAR\r\n/);
    });

    it("When the client sends the ETag back, then it gets 304 with no body; a stale or weak ETag is compared right", async () => {
      const first = await fetchFeed(app, path);
      const etag = first.headers.etag;
      const same = await fetchFeed(app, path).set("If-None-Match", etag);
      expect(same.status).to.equal(304);
      expect((same.body as Buffer).length).to.equal(0);
      expect(same.headers.etag).to.equal(etag);
      expect(same.headers["cache-control"]).to.equal("private, max-age=900");
      expect((await fetchFeed(app, path).set("If-None-Match", `"old", W/${etag}`)).status).to.equal(304);
      expect((await fetchFeed(app, path).set("If-None-Match", '"something-else"')).status).to.equal(200);
      // Last-Modified alone cannot see a new holiday, so it never earns a 304.
      expect((await fetchFeed(app, path).set("If-Modified-Since", first.headers["last-modified"])).status).to.equal(
        200,
      );
    });

    it("When the client asks with HEAD, then it gets the headers only", async () => {
      const res = await request(app).head(path);
      expect(res.status).to.equal(200);
      expect(res.headers["content-type"]).to.equal("text/calendar; charset=utf-8");
      expect(Number(res.headers["content-length"])).to.be.greaterThan(100);
    });

    it("When a token is unknown or malformed, then the answer is a plain 404", async () => {
      const unknown = await fetchFeed(app, `/feeds/${"A".repeat(43)}.ics`);
      expect(unknown.status).to.equal(404);
      expect(unknown.headers["content-type"]).to.match(/^text\/plain/);
      expect((unknown.body as Buffer).toString()).to.equal("Not found\n");
      expect((await request(app).get(`/feeds/${"A".repeat(42)}.ics`)).status).to.equal(404);
      expect((await request(app).get("/feeds/x';drop table feed_token;--.ics")).status).to.equal(404);
    });
  });
});
