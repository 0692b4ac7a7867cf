import { expect } from "chai";
import type { Browser, Page } from "playwright-core";
import type { Server } from "node:http";
import { copyFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { databaseKinds, openTestDb, TestDb } from "../../support/databases";
import { demoApp } from "../../support/demo-app";
import {
  DESKTOP,
  launchChromium,
  listen,
  PHONE,
  phonePage,
  requireChromium,
  screenshotPaths,
} from "../../support/browser";
import type { DemoLogins } from "../../../seeds/demo";
import { projectRoot } from "../../../src/config";
import { Preference } from "../../../src/choices/entities";
import { acceptPrivacy, clubIds, openRound } from "../http/fixtures";

// test-output/ always; docs/screenshots/ too, because the docs show these two.
async function shot(page: Page, name: string, fullPage = true, height?: number): Promise<void> {
  const [first, ...copies] = screenshotPaths(name);
  await page.screenshot({
    path: first,
    fullPage,
    ...(height ? { clip: { x: 0, y: 0, width: PHONE.width, height } } : {}),
  });
  const docs = join(projectRoot(), "docs", "screenshots");
  mkdirSync(docs, { recursive: true });
  for (const copy of new Set([...copies, join(docs, `${name}.png`)])) copyFileSync(first, copy);
}

// On every database the suite runs on: PostgreSQL parity includes the browser.
for (const kind of databaseKinds())
  describe(`club choices in a real browser [${kind}]`, function () {
    this.timeout(120_000);
    let db: TestDb;
    let browser: Browser;
    let server: Server;
    let url: string;
    let logins: DemoLogins;
    let clubs: Record<string, number>;
    let roundId: number;

    before(async function () {
      requireChromium(this);
      db = await openTestDb(kind);
      const demo = await demoApp(db);
      logins = demo.logins;
      await acceptPrivacy(db.ds);
      roundId = (await openRound(db.ds, { name: "2026 秋季社团选择" })).id;
      clubs = await clubIds(db.ds);
      ({ server, url } = await listen(demo.app));
      browser = await launchChromium();
    });
    after(async () => {
      await browser?.close();
      server?.close();
      await db?.drop();
    });

    it("When a family ranks clubs on a phone, then the move buttons reorder them and the receipt shows what was saved", async () => {
      const { context, page, errors } = await phonePage(browser);
      await page.goto(`${url}/login`);
      await page.fill('input[name="studentNumber"]', logins.families[0].studentNumber);
      await page.fill('input[name="code"]', logins.families[0].code);
      await page.click('form:has(input[name="studentNumber"]) button.primary');
      await page.waitForURL(`${url}/`);
      await page.goto(`${url}/choices`);
      expect(await page.textContent("h1")).to.contain("选社团");

      // Before Thursday is ticked, the Thursday clubs are greyed out by choices.js.
      expect(await page.locator(`#rank1 option[value="${clubs.chess}"]`).isDisabled()).to.equal(true);
      await page.check('input[name="weekdays"][value="4"]');
      expect(await page.locator(`#rank1 option[value="${clubs.chess}"]`).isDisabled()).to.equal(false);
      await page.selectOption("#rank1", String(clubs.go));
      await page.selectOption("#rank2", String(clubs.chess));
      await page.selectOption("#rank3", String(clubs.calligraphy));
      // A club chosen at one rank is not offered again at another.
      expect(await page.locator(`#rank4 option[value="${clubs.go}"]`).isDisabled()).to.equal(true);
      await page.click(".rank-row:nth-child(2) .rank-moves button:first-child");
      expect(await page.inputValue("#rank1")).to.equal(String(clubs.chess));
      expect(await page.inputValue("#rank2")).to.equal(String(clubs.go));
      // From the top of the page to the end of the form (the club cards below run on for metres).
      const form = (await page.locator("form.ranking").boundingBox())!;
      await shot(page, "choices-form-phone", true, Math.ceil(form.y + form.height + 16));

      await page.click("form.ranking button.primary");
      await page.waitForURL(/\/receipt/);
      expect(await page.textContent(".receipt")).to.contain("国际象棋");
      const ranked = await page.locator(".ranked li strong").allTextContents();
      expect(ranked).to.deep.equal(["国际象棋", "围棋", "书法"]);
      expect(await page.textContent(".receipt")).to.contain("家长在线提交");
      await shot(page, "choices-receipt-phone");
      const pref = await db.ds.getRepository(Preference).findOneByOrFail({ source: "family" });
      expect(pref.clubIds).to.deep.equal([clubs.chess, clubs.go, clubs.calligraphy]);
      expect(errors).to.deep.equal([]);
      await context.close();
    });

    it("When the admin follows a round on a desktop and prints the reminders, then navigation is left off the paper and each class starts a page", async () => {
      const context = await browser.newContext({ viewport: DESKTOP, locale: "zh-CN" });
      const page = await context.newPage();
      const admin = logins.staff.find((s) => s.role === "admin")!;
      await page.goto(`${url}/login`);
      await page.fill('input[name="email"]', admin.email);
      await page.fill('input[name="password"]', admin.password);
      await page.click('form:has(input[name="email"]) button.primary');
      await page.waitForURL(`${url}/`);
      await page.goto(`${url}/admin/rounds/${roundId}`);
      expect(await page.textContent(".progress-table")).to.contain("1 / 40");
      await shot(page, "choices-round-desktop", false);
      await page.goto(`${url}/admin/rounds/${roundId}/remind`);
      expect(await page.isVisible("button[data-print]")).to.equal(true);
      await page.emulateMedia({ media: "print" });
      expect(await page.isVisible(".topbar")).to.equal(false);
      expect(await page.isVisible("form.search")).to.equal(false);
      expect(await page.evaluate("getComputedStyle(document.querySelector('.remind-class')).breakAfter")).to.equal(
        "page",
      );
      await shot(page, "choices-remind-print-desktop", false);
      await context.close();
    });
  });
