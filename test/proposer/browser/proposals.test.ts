import { expect } from "chai";
import type { Browser, BrowserContext, Page } from "playwright-core";
import type { Server } from "node:http";
import { createApp } from "../../../src/app";
import { Club, TimetableEntry } from "../../../src/db/entities";
import { inTransaction } from "../../../src/db/transaction";
import { seedDemo, type DemoLogins } from "../../../seeds/demo";
import { databaseKinds, openTestDb, type TestDb } from "../../support/databases";
import { DESKTOP, launchChromium, listen, requireChromium, screenshotPaths } from "../../support/browser";

// The admin asks for a proposal on the demo with a small budget, watches the
// progress bar reach done, accepts it, and finds the draft grid marked. One
// club's session is taken out of the draft first, so the proposal has a club
// to place and the draft a change to mark.
for (const kind of databaseKinds())
  describe(`proposals in a real browser [${kind}]`, function () {
    this.timeout(180_000);
    let db: TestDb;
    let browser: Browser;
    let server: Server;
    let url: string;
    let logins: DemoLogins;
    let context: BrowserContext;
    let page: Page;
    let clubName: string;

    before(async function () {
      requireChromium(this);
      db = await openTestDb(kind);
      ({ logins } = await seedDemo(db.ds));
      clubName = await inTransaction(db.ds, async (em) => {
        const entry = await em
          .getRepository(TimetableEntry)
          .findOneOrFail({ where: { kind: "club" }, order: { id: "ASC" } });
        await em.getRepository(TimetableEntry).delete({ id: entry.id });
        return (await em.getRepository(Club).findOneByOrFail({ id: entry.clubId! })).name;
      });
      const app = createApp({
        ds: db.ds,
        config: { sessionSecret: "e2e-secret-e2e-secret", production: false, logLevel: "silent", trustProxy: false },
      });
      ({ server, url } = await listen(app));
      browser = await launchChromium();
      context = await browser.newContext({ viewport: DESKTOP, locale: "zh-CN" });
      page = await context.newPage();
      const admin = logins.staff.find((s) => s.role === "admin")!;
      await page.goto(`${url}/login`);
      await page.fill('input[name="email"]', admin.email);
      await page.fill('input[name="password"]', admin.password);
      await page.click('form:has(input[name="email"]) button.primary');
      await page.waitForURL(`${url}/`);
    });

    after(async () => {
      await context?.close();
      await browser?.close();
      server?.close();
      await db?.drop();
    });

    it("When the admin runs a proposal and accepts it, then the progress bar reaches done and the draft grid marks the change", async () => {
      await page.goto(`${url}/admin/timetable`);
      await page.click('a[href="/admin/proposals"]');
      await page.waitForURL(`${url}/admin/proposals`);
      await page.fill('input[name="budget"]', "5");
      await page.click("form.pr-form button.primary");
      await page.waitForURL(/\/admin\/proposals\/\d+$/);
      // The script polls the run's progress and reloads the page when it has ended.
      await page.waitForSelector("text=预计结果", { timeout: 60_000 });
      expect(await page.locator("#pr-bar").getAttribute("value")).to.equal("100");
      expect(await page.locator("#pr-status").textContent()).to.contain("已完成");
      expect(await page.locator(".pr-moved").textContent()).to.contain(clubName);
      await page.screenshot({ path: screenshotPaths(`proposal-run-desktop-${kind}`)[0], fullPage: true });
      await page.check('input[name="confirm"]');
      await page.click("form.pr-accept button.primary");
      await page.waitForSelector("text=这个建议已写入课表草稿");
      await page.click('.flash a[href="/admin/timetable"]');
      await page.waitForURL(`${url}/admin/timetable`);
      const added = page.locator(".tt-chip.tt-draft-added", { hasText: clubName });
      expect(await added.count()).to.be.greaterThan(0);
      await page.screenshot({ path: screenshotPaths(`proposal-accepted-grid-desktop-${kind}`)[0], fullPage: true });
    });
  });
