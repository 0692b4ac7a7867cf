import { expect } from "chai";
import type { Browser, Page } from "playwright-core";
import type { Server } from "node:http";
import { copyFileSync } from "node:fs";
import { databaseKinds, openTestDb, type TestDb } from "../../support/databases";
import { demoApp, staffLogin } from "../../support/demo-app";
import { launchChromium, listen, requireChromium, screenshotPaths } from "../../support/browser";
import { seedDemoChoices } from "../../../seeds/demo-choices";

// A new admin on a school desktop (the 1366×900).
const WIDE = { width: 1366, height: 900 };

async function shot(page: Page, name: string): Promise<void> {
  const [first, ...copies] = screenshotPaths(name);
  await page.screenshot({ path: first, fullPage: true });
  for (const copy of copies) copyFileSync(first, copy);
}

const overflow = async (page: Page): Promise<number> =>
  Number(await page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth"));

for (const kind of databaseKinds())
  describe(`the admin home and a draft run's children in a real browser [${kind}]`, function () {
    this.timeout(180_000);
    let db: TestDb;
    let browser: Browser;
    let server: Server;
    let url: string;
    let roundId: number;
    let admin: { email: string; password: string };

    before(async function () {
      requireChromium(this);
      db = await openTestDb(kind);
      const demo = await demoApp(db);
      admin = staffLogin(demo.logins, "admin");
      // A closed round the families answered; nothing allocated yet.
      ({
        round: { id: roundId },
      } = await seedDemoChoices(db.ds, { students: 300, seed: 11 }));
      ({ server, url } = await listen(demo.app));
      browser = await launchChromium();
    });
    after(async () => {
      await browser?.close();
      server?.close();
      await db?.drop();
    });

    it("When a new admin makes a draft run, then the home lists it to publish, the item leads to the round and back, and the run shows each child's outcome", async () => {
      const context = await browser.newContext({ viewport: WIDE, locale: "zh-CN" });
      const page = await context.newPage();
      await page.goto(`${url}/login`);
      await page.fill('input[name="email"]', admin.email);
      await page.fill('input[name="password"]', admin.password);
      await page.click('form:has(input[name="email"]) button.primary');
      await page.waitForURL(`${url}/`);
      // The menu is one click away from the to-do list.
      expect(await page.locator('a[href="#menu"]').count()).to.equal(1);

      await page.goto(`${url}/admin/rounds/${roundId}/runs`);
      await page.check('input[name="mechanism"][value="optimal"]');
      await page.fill('input[name="seed"]', "2026");
      await page.click(".run-form button.primary");
      await page.waitForURL(/\/admin\/runs\/\d+$/);
      const runUrl = page.url();
      expect(await page.textContent("h1")).to.contain("第 1 次分配");

      // Home: the run waits to be published; the item links to the round's runs.
      await page.goto(`${url}/`);
      const item = page.locator('[data-todo="runs"] a');
      expect(await item.textContent()).to.contain("次分配待发布");
      expect(await overflow(page)).to.be.at.most(0);
      await shot(page, "admin-home");
      await item.click();
      await page.waitForURL(`${url}/admin/rounds/${roundId}/runs`);
      expect(
        await page
          .locator(`a[href="${new URL(runUrl).pathname}"]`)
          .first()
          .textContent(),
      ).to.contain("第 1 次分配");
      await page.goBack();
      await page.waitForURL(`${url}/`);
      expect(await page.locator('[data-todo="runs"]').count()).to.equal(1);

      // The run: words for the mechanism, the IT details folded away, a way to each child's outcome.
      await page.goto(runUrl);
      expect(await page.locator("details.it-details").getAttribute("open")).to.equal(null);
      expect(await page.locator("details.it-details pre.cli").isVisible()).to.equal(false);
      await page.click("details.it-details summary");
      expect(await page.locator("details.it-details pre.cli").textContent()).to.contain("| cmp -");
      await page.click("details.it-details summary");
      expect(await overflow(page)).to.be.at.most(0);
      await shot(page, "allocation-run");

      await page.click(".children-link h2 a");
      await page.waitForURL(/\/admin\/runs\/\d+\/children$/);
      const total = Number(await page.getAttribute("[data-total]", "data-total"));
      expect(total).to.be.greaterThan(50);
      expect(await page.locator("tr[data-child]").count()).to.equal(50);
      // Filter by the first club: every listed child ranked it or got it, and the pager keeps the filter.
      const club = await page.locator('select[name="club"] option').nth(1).getAttribute("value");
      const clubName = (await page.locator('select[name="club"] option').nth(1).textContent())!.trim();
      await page.selectOption('select[name="club"]', club);
      await page.click(".child-filter button");
      await page.waitForURL(new RegExp(`club=${club}`));
      const rows = page.locator("tr[data-child]");
      expect(await rows.count()).to.be.greaterThan(0);
      for (const text of await rows.allTextContents()) expect(text).to.contain(clubName);
      expect(await overflow(page)).to.be.at.most(0);
      await shot(page, "allocation-run-children");
      await context.close();
    });
  });
