import { expect } from "chai";
import type { Browser, Page } from "playwright-core";
import type { Server } from "node:http";
import { copyFileSync } from "node:fs";
import { databaseKinds, openTestDb, TestDb } from "../../support/databases";
import { demoApp } from "../../support/demo-app";
import { DESKTOP, launchChromium, listen, PHONE, requireChromium, screenshotPaths } from "../../support/browser";
import type { DemoLogins } from "../../../seeds/demo";
import { seedDemoChoices } from "../../../seeds/demo-choices";
import { AllocationPublication } from "../../../src/allocation/entities";
import { Club, Student } from "../../../src/db/entities";
import { Preference } from "../../../src/choices/entities";

async function shot(page: Page, name: string): Promise<void> {
  const [first, ...copies] = screenshotPaths(name);
  await page.screenshot({ path: first, fullPage: true });
  for (const copy of copies) copyFileSync(first, copy);
}

// On every database the suite runs on: PostgreSQL parity includes the browser.
for (const kind of databaseKinds())
  describe(`allocation in a real browser [${kind}]`, function () {
    this.timeout(180_000);
    let db: TestDb;
    let browser: Browser;
    let server: Server;
    let url: string;
    let logins: DemoLogins;
    let roundId: number;
    let optimalRun: string;

    before(async function () {
      requireChromium(this);
      db = await openTestDb(kind);
      const demo = await demoApp(db);
      logins = demo.logins;
      // Most of the school ranks clubs, at the demo's real capacities.
      ({
        round: { id: roundId },
      } = await seedDemoChoices(db.ds, {
        students: 700,
        seed: 7,
        alsoStudentNumbers: logins.families.flatMap((f) => f.children),
      }));
      // The sibling family asks for the most wanted clubs, so its explanation has something to explain.
      const code = async (c: string) => (await db.ds.getRepository(Club).findOneByOrFail({ code: c })).id;
      const [older, younger] = await Promise.all(
        logins.families[1].children.map((n) => db.ds.getRepository(Student).findOneByOrFail({ studentNumber: n })),
      );
      await db.ds
        .getRepository(Preference)
        .update(
          { roundId, studentId: older.id },
          { clubIds: [await code("basketball"), await code("english"), await code("go"), await code("science")] },
        );
      await db.ds
        .getRepository(Preference)
        .update(
          { roundId, studentId: younger.id },
          { clubIds: [await code("dance"), await code("sportsgames"), await code("reading")] },
        );
      ({ server, url } = await listen(demo.app));
      browser = await launchChromium();
    });
    after(async () => {
      await browser?.close();
      server?.close();
      await db?.drop();
    });

    async function runFromRound(page: Page, mechanism: string, seed: string): Promise<string> {
      await page.goto(`${url}/admin/rounds/${roundId}/runs`);
      await page.check(`input[name="mechanism"][value="${mechanism}"]`);
      await page.fill('input[name="seed"]', seed);
      await page.click(".run-form button.primary");
      await page.waitForURL(/\/admin\/runs\/\d+$/);
      return page.url();
    }

    it("When the admin runs optimal and lottery drafts, compares them and publishes one, then each page shows what it should", async () => {
      const context = await browser.newContext({ viewport: DESKTOP, locale: "zh-CN" });
      const page = await context.newPage();
      page.on("dialog", (dialog) => void dialog.accept());
      const admin = logins.staff.find((s) => s.role === "admin")!;
      await page.goto(`${url}/login`);
      await page.fill('input[name="email"]', admin.email);
      await page.fill('input[name="password"]', admin.password);
      await page.click('form:has(input[name="email"]) button.primary');
      await page.waitForURL(`${url}/`);

      await page.goto(`${url}/admin/runs`);
      await page.click(`a[href="/admin/rounds/${roundId}/runs"]`);
      expect(await page.textContent(".mechanism-note")).to.contain("最少填报数量是关键");
      optimalRun = await runFromRound(page, "optimal", "2026");
      expect(await page.locator(".chart svg").count()).to.be.at.least(1);
      expect(await page.textContent(".flash")).to.contain("种子 2026");
      await shot(page, "allocation-run-desktop");

      await runFromRound(page, "lottery", "2026");
      await page.goto(`${url}/admin/rounds/${roundId}/runs`);
      await page.click(".compare-form button");
      await page.waitForURL(/\/admin\/runs\/compare\?/);
      expect(await page.textContent("h1")).to.contain("比较两次分配");
      expect(Number(await page.getAttribute(".changed", "data-changed"))).to.be.greaterThan(0);
      await shot(page, "allocation-compare-desktop");

      await page.goto(optimalRun);
      if (await page.locator('textarea[name="overrideReason"]').count())
        await page.fill('textarea[name="overrideReason"]', "校长已批准：先发布社团结果");
      await page.click(".publish button.primary");
      await page.waitForURL(optimalRun);
      expect(await page.textContent(".flash")).to.contain("已发布");
      expect(await db.ds.getRepository(AllocationPublication).count()).to.equal(1);
      await context.close();
    });

    it("When a family opens the result on a phone, then it sees the clubs, the explanation and the week", async () => {
      const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true, locale: "zh-CN" });
      const page = await context.newPage();
      await page.goto(`${url}/login`);
      await page.fill('input[name="studentNumber"]', logins.families[1].studentNumber);
      await page.fill('input[name="code"]', logins.families[1].code);
      await page.click('form:has(input[name="studentNumber"]) button.primary');
      await page.waitForURL(`${url}/privacy`);
      await page.check('input[name="accept"]');
      await page.click("form.accept button");
      await page.waitForURL(`${url}/`);
      await page.goto(`${url}/results`);
      expect(await page.locator(".family-result").count()).to.equal(2);
      expect(await page.textContent(".family-result")).to.contain("为什么是这个结果");
      expect(await page.locator(".explanation li").count()).to.be.at.least(1);
      // Nothing overflows the phone's width.
      const overflow = Number(
        await page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth"),
      );
      expect(overflow).to.be.at.most(0);
      await shot(page, "result-family-phone");
      await context.close();
    });
  });
