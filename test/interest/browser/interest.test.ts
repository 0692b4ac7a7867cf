// Issue 23 in a real browser: on a 390 px phone a parent of two ticks clubs for
// both children (the home card leads in, the receipt leads on to the next
// child, every control is a 44 px tap target); the admin then sees the counts.
import { expect } from "chai";
import type { Browser, Page } from "playwright-core";
import type { Server } from "node:http";
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
import { SYSTEM } from "../../../src/audit";
import { InterestAnswer } from "../../../src/interest";
import { createSurvey, openSurvey } from "../../../src/interest/survey-service";
import { acceptPrivacy } from "../../choices/http/fixtures";

const shot = (page: Page, name: string) => page.screenshot({ path: screenshotPaths(name)[0], fullPage: true });

for (const kind of databaseKinds())
  describe(`interest survey in a real browser [${kind}]`, function () {
    this.timeout(120_000);
    let db: TestDb;
    let browser: Browser;
    let server: Server;
    let url: string;
    let logins: DemoLogins;
    let surveyId: number;

    before(async function () {
      requireChromium(this);
      db = await openTestDb(kind);
      const demo = await demoApp(db);
      logins = demo.logins;
      await acceptPrivacy(db.ds);
      const survey = await createSurvey(
        db.ds,
        {
          name: "2027 春季社团意向调查",
          grades: [1, 2, 3, 4, 5, 6],
          clubIds: [],
          maxTicks: 3,
          closesAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
        },
        SYSTEM,
      );
      surveyId = survey.id;
      await openSurvey(db.ds, surveyId, SYSTEM);
      ({ server, url } = await listen(demo.app));
      browser = await launchChromium();
    });
    after(async () => {
      await browser?.close();
      server?.close();
      await db?.drop();
    });

    // Every control of the form a thumb must hit: the club boxes, the "most wanted" choices, the save button.
    async function smallTargets(page: Page): Promise<string[]> {
      return page.evaluate<
        string[]
      >(`[...document.querySelectorAll("form.interest-form label.check, form.interest-form button")]
        .filter((el) => el.getBoundingClientRect().height < 44)
        .map((el) => el.textContent.trim())`);
    }

    async function tickFor(page: Page, count: number): Promise<string[]> {
      expect(await smallTargets(page)).to.deep.equal([]);
      expect(await page.evaluate<number>("document.documentElement.scrollWidth")).to.be.at.most(PHONE.width);
      const names: string[] = [];
      for (let i = 0; i < count; i++) {
        const club = page.locator("article.interest-club").nth(i);
        await club.locator("label.tick").click();
        names.push((await club.locator("label.tick strong").textContent())!.trim());
      }
      await page
        .locator("article.interest-club")
        .nth(count - 1)
        .locator("label.most")
        .click();
      return names;
    }

    it("When a parent of two ticks clubs for both children on a phone, then each is saved and the admin sees the counts", async () => {
      const { context, page, errors } = await phonePage(browser);
      const family = logins.families[1];
      await page.goto(`${url}/login`);
      await page.fill('input[name="studentNumber"]', family.studentNumber);
      await page.fill('input[name="code"]', family.code);
      await page.click('form:has(input[name="studentNumber"]) button.primary');
      await page.waitForURL(`${url}/`);
      const cards = page.locator("section.interest-card");
      expect(await cards.count()).to.equal(2);
      expect(await cards.first().textContent()).to.contain("社团意向调查：请为");
      await cards.first().locator("a.button.primary").click();
      await page.waitForURL(/\/interest\/\d+$/);

      const first = await tickFor(page, 2);
      await shot(page, "interest-form-phone");
      await page.click("form.interest-form button.primary");
      await page.waitForURL(/\/receipt/);
      const receipt = (await page.textContent(".receipt"))!;
      for (const name of first) expect(receipt).to.contain(name);
      expect(await page.locator(".receipt .most-wanted").count()).to.equal(1);
      await shot(page, "interest-receipt-phone");

      await page.click(".next-child a.button.primary");
      await page.waitForURL(/\/interest\/\d+$/);
      const second = await tickFor(page, 1);
      await page.click("form.interest-form button.primary");
      await page.waitForURL(/\/receipt/);
      expect(await page.textContent(".receipt")).to.contain(second[0]);
      expect(await page.textContent(".all-done")).to.contain("所有孩子都已填写");
      expect(await db.ds.getRepository(InterestAnswer).countBy({ surveyId })).to.equal(2);
      expect(errors).to.deep.equal([]);
      await context.close();

      const desk = await browser.newContext({ viewport: DESKTOP, locale: "zh-CN" });
      const admin = await desk.newPage();
      const staff = logins.staff.find((s) => s.role === "admin")!;
      await admin.goto(`${url}/login`);
      await admin.fill('input[name="email"]', staff.email);
      await admin.fill('input[name="password"]', staff.password);
      await admin.click('form:has(input[name="email"]) button.primary');
      await admin.waitForURL(`${url}/`);
      await admin.click('a[href="/admin/interest"]');
      await admin.click(`a[href="/admin/interest/${surveyId}"]`);
      await admin.waitForURL(`${url}/admin/interest/${surveyId}`);
      const rows = await admin.evaluate<string[][]>(`[...document.querySelectorAll(".counts-table tbody tr")]
        .map((tr) => [...tr.querySelectorAll("td")].slice(0, 3).map((td) => td.textContent.trim()))`);
      const ticked = rows.filter((r) => r[1] !== "0");
      expect(ticked.map((r) => r[0]).sort()).to.deep.equal([...new Set([...first, ...second])].sort());
      expect(rows.slice(0, ticked.length)).to.deep.equal(ticked);
      expect(ticked.filter((r) => r[2] === "1")).to.have.length(first.includes(second[0]) ? 1 : 2);
      expect(await admin.textContent("main")).to.contain("已有 2 名填写");
      await shot(admin, "interest-admin-desktop");
      await desk.close();
    });
  });
