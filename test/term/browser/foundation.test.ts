import { expect } from "chai";
import type { Browser, Page } from "playwright-core";
import type { Server } from "node:http";
import { copyFileSync } from "node:fs";
import { databaseKinds, openTestDb, TestDb } from "../../support/databases";
import { demoApp } from "../../support/demo-app";
import { DESKTOP, launchChromium, listen, PHONE, requireChromium, screenshotPaths } from "../../support/browser";
import type { DemoLogins } from "../../../seeds/demo";

async function shot(page: Page, name: string): Promise<void> {
  const [first, ...copies] = screenshotPaths(name);
  await page.screenshot({ path: first, fullPage: true });
  for (const copy of copies) copyFileSync(first, copy);
}

// On every database the suite runs on: PostgreSQL parity includes the browser.
for (const kind of databaseKinds())
  describe(`foundation in a real browser [${kind}]`, function () {
    this.timeout(120_000);
    let db: TestDb;
    let browser: Browser;
    let server: Server;
    let url: string;
    let logins: DemoLogins;

    before(async function () {
      requireChromium(this);
      db = await openTestDb(kind);
      const demo = await demoApp(db);
      logins = demo.logins;
      ({ server, url } = await listen(demo.app));
      browser = await launchChromium();
    });
    after(async () => {
      await browser?.close();
      server?.close();
      await db?.drop();
    });

    async function staffLogin(page: Page, role: string): Promise<void> {
      const s = logins.staff.find((x) => x.role === role)!;
      await page.goto(`${url}/login`);
      await page.fill('input[name="email"]', s.email);
      await page.fill('input[name="password"]', s.password);
      await page.click('form:has(input[name="email"]) button.primary');
      await page.waitForURL(`${url}/`);
    }

    it("When each staff role logs in on a desktop, then it lands on its own home page", async () => {
      for (const role of ["admin", "class_teacher", "teacher", "external"]) {
        const context = await browser.newContext({ viewport: DESKTOP, locale: "zh-CN" });
        const page = await context.newPage();
        await staffLogin(page, role);
        const heading = await page.textContent("h1");
        expect(heading).to.contain(
          { admin: "教务工作台", class_teacher: "班主任首页", teacher: "我的课后服务", external: "我的课后服务" }[
            role
          ]!,
        );
        await shot(page, `home-${role}-desktop`);
        await page.click('form[action="/logout"] button');
        await page.waitForURL(/\/login/);
        await context.close();
      }
    });

    it("When a family logs in on a phone, then it accepts the privacy notice and sees its children", async () => {
      const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true, locale: "zh-CN" });
      const page = await context.newPage();
      await page.goto(`${url}/login`);
      await shot(page, "login-phone");
      await page.fill('input[name="studentNumber"]', logins.families[1].studentNumber);
      await page.fill('input[name="code"]', logins.families[1].code);
      await page.click('form:has(input[name="studentNumber"]) button.primary');
      await page.waitForURL(`${url}/privacy`);
      await shot(page, "privacy-phone");
      await page.check('input[name="accept"]');
      await page.click("form.accept button");
      await page.waitForURL(`${url}/`);
      expect(await page.locator(".child-switch .chip").count()).to.equal(2);
      await shot(page, "home-family-phone");
      await context.close();
    });

    it("When the admin switches to English, then the pages stay in English after logging in again", async () => {
      const context = await browser.newContext({ viewport: DESKTOP });
      const page = await context.newPage();
      await page.goto(`${url}/login`);
      await page.click('button[name="lang"][value="en"]');
      await page.waitForURL(`${url}/login`);
      expect(await page.textContent("h1")).to.equal("Log in to Kehou");
      await staffLogin(page, "admin");
      expect(await page.textContent("h1")).to.equal("Admin workplace");
      await page.goto(`${url}/admin/staff`);
      await shot(page, "staff-list-en-desktop");
      await page.click('form[action="/logout"] button');
      await page.goto(`${url}/login`);
      expect(await page.textContent("h1")).to.equal("Log in to Kehou");
      await context.close();
    });
  });
