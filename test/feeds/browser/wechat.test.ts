// A parent opens the child's feed page from a WeChat chat, on a phone: WeChat's
// browser follows no webcal:// link, so the page leads with the way out of
// WeChat and a copy button for the https link. Photographed as feeds-wechat-<lang>.
import { copyFileSync } from "node:fs";
import { expect } from "chai";
import type { Browser, BrowserContext, Page } from "playwright-core";
import type { Server } from "node:http";
import { databaseKinds, openTestDb, TestDb } from "../../support/databases";
import { demoApp } from "../../support/demo-app";
import { launchChromium, listen, PHONE, requireChromium, screenshotPaths } from "../../support/browser";
import type { DemoLogins } from "../../../seeds/demo";
import { Student } from "../../../src/db/entities";

const WECHAT_UA =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.49(0x18003130) NetType/WIFI Language/zh_CN";

async function familyInWeChat(
  browser: Browser,
  url: string,
  family: DemoLogins["families"][number],
  locale: string,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: PHONE,
    isMobile: true,
    hasTouch: true,
    locale,
    userAgent: WECHAT_UA,
  });
  const page = await context.newPage();
  await page.goto(`${url}/login`);
  await page.fill('input[name="studentNumber"]', family.studentNumber);
  await page.fill('input[name="code"]', family.code);
  await page.click('form:has(input[name="studentNumber"]) button.primary');
  await page.waitForURL(/\/(privacy)?$/);
  if (page.url().endsWith("/privacy")) {
    await page.check('input[name="accept"]');
    await page.click("form.accept button");
    await page.waitForURL(`${url}/`);
  }
  return { context, page };
}

for (const kind of databaseKinds())
  describe(`a family's feed page inside WeChat, in a real browser [${kind}]`, function () {
    this.timeout(120_000);
    let db: TestDb;
    let browser: Browser;
    let server: Server;
    let url: string;
    let logins: DemoLogins;
    let childId: number;

    before(async function () {
      requireChromium(this);
      db = await openTestDb(kind);
      const demo = await demoApp(db);
      logins = demo.logins;
      childId = (await db.ds.getRepository(Student).findOneByOrFail({ studentNumber: logins.families[0].children[0] }))
        .id;
      ({ server, url } = await listen(demo.app));
      browser = await launchChromium();
    });
    after(async () => {
      await browser?.close();
      server?.close();
      await db?.drop();
    });

    it("When a parent opens the child's feed page in WeChat on a phone and taps Copy, then the WeChat help is on screen first, fits the phone's width, and the https link is copied", async () => {
      const { context, page } = await familyInWeChat(browser, url, logins.families[0], "zh-CN");
      await page.goto(`${url}/feeds/student/${childId}`);
      const box = page.locator("section.wechat");
      expect(await box.isVisible()).to.equal(true);
      expect(await box.textContent()).to.contain("在浏览器中打开");
      // On screen without scrolling, and nothing wider than the phone.
      const top = await box.boundingBox();
      expect(top!.y).to.be.lessThan(PHONE.height);
      expect(await page.evaluate<number>("document.documentElement.scrollWidth")).to.be.at.most(PHONE.width);
      await box.locator('button.copy[data-copy="wechat-url"]').click();
      // The status line of the WeChat card answers (copied, or how to copy by hand), not the one further down.
      // A selector wait, not a function: the page's CSP (script-src 'self') refuses the eval a string predicate needs once it polls.
      await page.locator("section.wechat .copy-status:not(:empty)").waitFor();
      expect(await page.locator("section.feed-links .copy-status").textContent()).to.equal("");
      const [first, ...copies] = screenshotPaths(`feeds-wechat-zh-CN-${kind}`);
      await page.screenshot({ path: first, fullPage: true });
      for (const c of copies) copyFileSync(first, c);
      await context.close();
    });
  });
