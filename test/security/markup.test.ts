import { expect } from "chai";
import ExcelJS from "exceljs";
import type { Express } from "express";
import { IsNull, Not } from "typeorm";
import { forEachDatabase } from "../support/databases";
import { demoApp, familyLogin, staffLogin } from "../support/demo-app";
import { csrfFrom, loginAs, Agent } from "../support/http";
import { Club, Staff, TimetableEntry } from "../../src/db/entities";
import { HomeworkEntry } from "../../src/homework/entities";
import { SurveyResponse, Survey } from "../../src/surveys/entities";
import type { DemoLogins } from "../../seeds/demo";

const SCRIPT = "<script>alert(1)</script>";
const IMG = `<img src=x onerror=alert(2)>`;
const FORMULA = `=HYPERLINK("http://evil.example","点我")`;
const RAW = [SCRIPT, IMG];
const ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;";
// Each club card and club form links its "place in the timetable" page, and each place page the entry form for that club.
const MAX_PAGES = 300;

interface Crawl {
  pages: Map<string, string>;
  exports: Set<string>;
}

// Follows every same-site link from `/` (first page of lists and this week only, no logout), keeping each HTML page and each export link.
async function crawl(agent: Agent): Promise<Crawl> {
  const pages = new Map<string, string>();
  const exports = new Set<string>();
  const queue = ["/"];
  while (queue.length && pages.size < MAX_PAGES) {
    const url = queue.shift()!;
    if (pages.has(url)) continue;
    const res = await agent.get(url);
    pages.set(url, res.status === 200 && /html/.test(String(res.headers["content-type"])) ? res.text : "");
    for (const m of (res.text ?? "").matchAll(/href="(\/[^"#]*)"/g)) {
      const link = m[1].replace(/&amp;/g, "&");
      if (/^\/(public|logout)|[?&](page|lang|week|date|month)=/.test(link)) continue;
      if (/\.(csv|xlsx)(\?|$)|format=(csv|xlsx)/.test(link)) exports.add(link);
      else if (!pages.has(link) && !queue.includes(link)) queue.push(link);
    }
  }
  return { pages, exports };
}

forEachDatabase("security: markup in user text is shown as text on every page, in exports and in feeds", (ctx) => {
  let app: Express;
  let logins: DemoLogins;
  let club: Club;
  const crawls: Record<string, Crawl> = {};

  before(async function () {
    this.timeout(600_000);
    ({ app, logins } = await demoApp(ctx.db));
    const ds = ctx.db.ds;
    const entry = await ds
      .getRepository(TimetableEntry)
      .findOneOrFail({ where: { clubId: Not(IsNull()), staffId: Not(IsNull()) }, order: { id: "ASC" } });
    club = await ds.getRepository(Club).findOneByOrFail({ id: entry.clubId! });
    await ds.getRepository(Club).update({ id: club.id }, { name: `棋${SCRIPT}`, description: `${IMG} ${SCRIPT}` });
    await ds.getRepository(TimetableEntry).update({ clubId: club.id }, { title: `棋${SCRIPT}` });
    const other = await ds
      .getRepository(Club)
      .findOneOrFail({ where: { id: Not(club.id), termId: club.termId }, order: { id: "ASC" } });
    await ds.getRepository(Club).update({ id: other.id }, { name: FORMULA });
    await ds
      .getRepository(HomeworkEntry)
      .createQueryBuilder()
      .update()
      .set({ description: `${SCRIPT} ${FORMULA}` })
      .execute();
    for (const survey of await ds.getRepository(Survey).find()) {
      const text = survey.questions.map((q, i) => ({ q, i })).filter(({ q }) => q.kind === "text");
      for (const r of await ds.getRepository(SurveyResponse).find({ where: { surveyId: survey.id }, take: 3 })) {
        const answers = { ...r.answers };
        for (const { q, i } of text) answers[(q as { id?: string }).id ?? `q${i + 1}`] = `${SCRIPT}${IMG}`;
        await ds.getRepository(SurveyResponse).update({ id: r.id }, { answers });
      }
    }
    const admin = await loginAs(app, staffLogin(logins, "admin"));
    const publish = await admin.get("/admin/timetable/publish");
    await admin
      .post("/admin/timetable/publish")
      .type("form")
      .send({ _csrf: csrfFrom(publish.text), reason: "security test: markup in titles" })
      .expect(302);
    const leader = await ds.getRepository(Staff).findOneByOrFail({ id: entry.staffId! });
    const family = await loginAs(app, familyLogin(logins, 0));
    const privacy = await family.get("/privacy");
    await family
      .post("/privacy/accept")
      .type("form")
      .send({ _csrf: csrfFrom(privacy.text), accept: "1" });
    const agents: Record<string, Agent> = {
      admin,
      family,
      leader: await loginAs(app, { email: leader.email!, password: logins.staff[0].password }),
      classTeacher: await loginAs(app, staffLogin(logins, "class_teacher")),
    };
    for (const [who, agent] of Object.entries(agents)) crawls[who] = await crawl(agent);
  });

  it("When admins, the club's teacher, a class teacher and a family open every page they can reach, then the markup is never live HTML", () => {
    const live: string[] = [];
    let escaped = 0;
    for (const [who, { pages }] of Object.entries(crawls)) {
      for (const [url, html] of pages) {
        for (const raw of RAW) if (html.includes(raw)) live.push(`${who} ${url}: ${raw}`);
        if (html.includes(ESCAPED)) escaped++;
      }
    }
    expect(live).to.deep.equal([]);
    expect(crawls.admin.pages.size).to.be.greaterThan(40);
    expect(escaped, "pages showing the escaped name").to.be.greaterThan(5);
    expect(crawls.family.pages.size).to.be.greaterThan(5);
  });

  it("When every CSV export is downloaded, then markup is plain text (not HTML-escaped) and a formula-like cell starts with an apostrophe", async function () {
    this.timeout(120_000);
    const admin = await loginAs(app, staffLogin(logins, "admin"));
    const csvs = [...crawls.admin.exports].filter((l) => /csv/.test(l));
    expect(csvs.length).to.be.greaterThan(3);
    const bad: string[] = [];
    let sawMarkup = 0;
    let sawFormula = 0;
    for (const link of csvs) {
      const text = (
        await admin
          .get(link)
          .buffer(true)
          .parse((res, cb) => {
            let s = "";
            res.on("data", (c: Buffer) => (s += c.toString("utf8")));
            res.on("end", () => cb(null, s));
          })
      ).body as string;
      if (/&lt;|&amp;lt;/.test(text)) bad.push(`${link}: HTML-escaped text`);
      if (/(^|[,\n\uFEFF])"?[=+@]HYPERLINK/.test(text)) bad.push(`${link}: live formula`);
      if (text.includes(SCRIPT)) sawMarkup++;
      if (text.includes(`'=HYPERLINK`)) sawFormula++;
    }
    expect(bad).to.deep.equal([]);
    expect(sawMarkup, "exports carrying the markup as text").to.be.greaterThan(0);
    expect(sawFormula, "exports carrying the neutralised formula").to.be.greaterThan(0);
  });

  it("When every XLSX export is opened, then no cell is a formula, formula-like text is a string cell, and markup is unescaped text", async function () {
    this.timeout(120_000);
    const admin = await loginAs(app, staffLogin(logins, "admin"));
    const xlsxs = [...crawls.admin.exports].filter((l) => /xlsx/.test(l));
    expect(xlsxs.length).to.be.greaterThan(3);
    const bad: string[] = [];
    let sawMarkup = 0;
    for (const link of xlsxs) {
      const res = await admin
        .get(link)
        .buffer(true)
        .parse((r, cb) => {
          const parts: Buffer[] = [];
          r.on("data", (c: Buffer) => parts.push(c));
          r.on("end", () => cb(null, Buffer.concat(parts)));
        });
      const book = new ExcelJS.Workbook();
      // A Node Buffer; ExcelJS declares its input as an ArrayBuffer-like "Buffer" and reads either.
      const body = res.body as ArrayBuffer;
      await book.xlsx.load(body);
      book.eachSheet((sheet) =>
        sheet.eachRow((row) =>
          row.eachCell((cell) => {
            if (cell.type === ExcelJS.ValueType.Formula) bad.push(`${link}: formula in ${cell.address}`);
            const v = typeof cell.value === "string" ? cell.value : "";
            if (/&lt;/.test(v)) bad.push(`${link}: HTML-escaped ${cell.address}`);
            if (v.includes(SCRIPT)) sawMarkup++;
          }),
        ),
      );
    }
    expect(bad).to.deep.equal([]);
    expect(sawMarkup).to.be.greaterThan(0);
  });

  it("When the club's calendar feed is fetched, then the markup is plain iCalendar text, not HTML-escaped", async () => {
    const admin = await loginAs(app, staffLogin(logins, "admin"));
    const page = await admin.get(`/feeds/club/${club.id}`);
    const path = /https?:\/\/[^/"]+(\/feeds\/[^"]+\.ics)/.exec(page.text)?.[1];
    expect(path, "the feed page links its .ics").to.be.a("string");
    const ics = await admin
      .get(path!)
      .buffer(true)
      .parse((res, cb) => {
        let s = "";
        res.on("data", (c: Buffer) => (s += c.toString("utf8")));
        res.on("end", () => cb(null, s));
      });
    const text = (ics.body as string).replace(/\r\n[ \t]/g, "");
    expect(text).to.contain(`SUMMARY:棋${SCRIPT}`);
    expect(text).to.not.contain("&lt;");
  });
});
