// Issue 22, families: a parent of two children walks a round on a phone (390 x 844)
// and never meets a dead end. On every page reached there is a way forward (a link
// or button in the page itself, not the header or footer), and every visible link,
// button, field and switch measures at least 44 x 44 px. A checkbox is measured by
// its label (the label is the tap target; the box itself is drawn at 22 px).
import { expect } from "chai";
import type { Browser, Page } from "playwright-core";
import type { Server } from "node:http";
import { copyFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { In } from "typeorm";
import { databaseKinds, openTestDb, TestDb } from "../../support/databases";
import { launchChromium, listen, PHONE, requireChromium, screenshotPaths } from "../../support/browser";
import { testApp } from "../../support/http";
import type { DemoLogins } from "../../../seeds/demo";
import { seedStep } from "../../../seeds/start";
import { DEMO_TOP_UP_NAME } from "../../../seeds/demo-open-round";
import { projectRoot } from "../../../src/config";
import { Club } from "../../../src/db/entities";
import { inTransaction } from "../../../src/db/transaction";
import { ChoiceRound } from "../../../src/choices/entities";

// test-output/ always; docs/screenshots/ too: the README shows some of these.
async function shot(page: Page, name: string): Promise<void> {
  const [first, ...copies] = screenshotPaths(name);
  await page.screenshot({ path: first, fullPage: true });
  const docs = join(projectRoot(), "docs", "screenshots");
  mkdirSync(docs, { recursive: true });
  for (const copy of new Set([...copies, join(docs, `${name}.png`)])) copyFileSync(first, copy);
}

interface Measured {
  what: string;
  width: number;
  height: number;
}

// Every visible control of the page: its size, and whether it sits in the page itself.
// Run in the page as source text (this project's TypeScript has no DOM types).
const MEASURE = `(() => {
  const visible = (e) => {
    const r = e.getBoundingClientRect();
    const s = getComputedStyle(e);
    return r.width > 0 && r.height > 0 && s.visibility !== "hidden" && s.display !== "none";
  };
  const small = [];
  let forward = 0;
  for (const e of document.querySelectorAll("a[href], button, input:not([type=hidden]), select, textarea, summary")) {
    if (!visible(e)) continue;
    // A box is tapped through its label.
    const box = e.tagName === "INPUT" && (e.type === "checkbox" || e.type === "radio");
    const r = ((box && e.closest("label")) || e).getBoundingClientRect();
    const what = e.tagName + ' "' + (e.textContent || e.name || "").trim().slice(0, 30) + '"';
    if (r.width < 44 || r.height < 44) small.push({ what, width: Math.round(r.width), height: Math.round(r.height) });
    if (e.closest("main")) forward++;
  }
  return { small, forward };
})()`;

async function controls(page: Page): Promise<{ small: Measured[]; forward: number }> {
  return page.evaluate<{ small: Measured[]; forward: number }>(MEASURE);
}

async function check(page: Page, where: string): Promise<void> {
  const { small, forward } = await controls(page);
  expect(small, `controls under 44 x 44 px on ${where}`).to.deep.equal([]);
  expect(forward, `a way forward on ${where}`).to.be.greaterThan(0);
}

for (const kind of databaseKinds())
  describe(`a family of two children on a phone, through a round [${kind}]`, function () {
    this.timeout(300_000);
    let db: TestDb;
    let browser: Browser;
    let server: Server;
    let url: string;
    let logins: DemoLogins;

    before(async function () {
      requireChromium(this);
      db = await openTestDb(kind);
      // The demo as npm start seeds it: the autumn round published, the top-up (补选) open.
      logins = (await seedStep(db.ds, { production: false }))!;
      // The demo's top-up takes grades 3-6 (衍纸); the younger sibling is in grade 2, so the
      // walk widens it to grade 2 to have two children to answer for.
      await inTransaction(db.ds, async (em) => {
        const round = await em.getRepository(ChoiceRound).findOneByOrFail({ name: DEMO_TOP_UP_NAME });
        await em.getRepository(ChoiceRound).update({ id: round.id }, { grades: [2, ...round.grades] });
        for (const club of await em.getRepository(Club).findBy({ id: In(round.clubIds ?? []) }))
          await em.getRepository(Club).update({ id: club.id }, { grades: [...new Set([2, ...club.grades])] });
      });
      ({ server, url } = await listen(testApp(db.ds)));
      browser = await launchChromium();
    });
    after(async () => {
      await browser?.close();
      server?.close();
      await db?.drop();
    });

    it("When the parent chooses for both children, reads the results and the notices and signs out, then every page leads on and every control is big enough to tap", async () => {
      const family = logins.families[1];
      expect(family.children).to.have.length(2);
      const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true, locale: "zh-CN" });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      page.on("response", (r) => {
        if (r.status() >= 400) errors.push(`${r.status()} ${r.url()}`);
      });

      await page.goto(`${url}/login`);
      await page.fill('input[name="studentNumber"]', family.studentNumber);
      await page.fill('input[name="code"]', family.code);
      await page.click('form:has(input[name="studentNumber"]) button.primary');
      // First sign-in: the privacy notice, then home.
      await page.waitForURL(/\/privacy/);
      await check(page, "the privacy notice");
      await page.check('input[name="accept"]');
      await page.click("main form button.primary");
      await page.waitForURL(`${url}/`);

      await check(page, "the family home");
      await shot(page, "family-home-phone");
      await page.click(".choice-card a.button.primary");
      await page.waitForURL(/\/choices\/\d+$/);
      await check(page, "the first child's choice form");
      // The club's description sits beside the rank it was picked at, above the submit button.
      const yanzhi = await page.locator("#rank1 option", { hasText: "衍纸" }).getAttribute("value");
      await page.selectOption("#rank1", yanzhi);
      expect(await page.textContent(".rank-row .rank-club")).to.contain("纸");
      const [desc, submit] = await Promise.all([
        page.locator(".rank-row .rank-club").boundingBox(),
        page.locator("form.ranking button.primary").boundingBox(),
      ]);
      expect(desc!.y).to.be.lessThan(submit!.y);
      await shot(page, "family-choice-form-phone");
      await page.click("form.ranking button.primary");
      await page.waitForURL(/\/receipt/);

      await check(page, "the first child's receipt");
      const next = page.locator(".next-child a.button.primary");
      expect(await next.textContent()).to.match(/^下一个孩子：/);
      await shot(page, "family-receipt-next-phone");
      await next.click();
      await page.waitForURL(/\/choices\/\d+$/);
      await check(page, "the second child's choice form");
      await page.selectOption("#rank1", yanzhi);
      await page.click("form.ranking button.primary");
      await page.waitForURL(/\/receipt/);
      await check(page, "the second child's receipt");
      expect(await page.textContent(".all-done")).to.contain("所有孩子");
      expect(await page.locator(".next-child").count()).to.equal(0);
      await shot(page, "family-receipt-done-phone");

      // The autumn round's results: the older child took no part, so the page says why and what now.
      await page.click('.mainnav a[href="/results"]');
      await page.waitForURL(`${url}/results`);
      await check(page, "the results");
      const text = await page.textContent("main");
      expect(text).to.contain("没有提交社团志愿").and.contain("现在可以怎么做").and.contain("还有名额");
      await shot(page, "family-results-phone");
      // Leaving a club is set apart and confirmed on its own page.
      const leave = page.locator(".danger-zone a.button.danger").first();
      if (await leave.count()) {
        await leave.click();
        await page.waitForURL(/\/withdraw\//);
        await check(page, "the leave-a-club confirmation");
        await shot(page, "family-withdraw-confirm-phone");
        await page.click(".withdraw-confirm a.button");
        await page.waitForURL(/\/results\/\d+$/);
      }

      await page.click('.mainnav a[href="/notifications"]');
      await page.waitForURL(`${url}/notifications`);
      await check(page, "the notifications");
      await shot(page, "family-notifications-phone");

      // Once the top-up closes, the choice page shows the list sent and says when results come.
      await inTransaction(db.ds, (em) =>
        em
          .getRepository(ChoiceRound)
          .update({ name: DEMO_TOP_UP_NAME }, { closesAt: new Date(Date.now() - 60_000).toISOString() }),
      );
      await page.goto(`${url}/choices`);
      await check(page, "a closed round's choice page");
      expect(await page.textContent(".closed-list")).to.contain("衍纸");
      expect(await page.locator("form.ranking").count()).to.equal(0);
      await shot(page, "family-choices-closed-phone");

      await page.click('form[action="/logout"] button');
      await page.waitForURL(/\/login/);
      expect(errors).to.deep.equal([]);
      await context.close();
    });
  });
