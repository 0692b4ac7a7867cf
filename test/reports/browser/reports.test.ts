import { expect } from "chai";
import ExcelJS from "exceljs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import type { Server } from "node:http";
import { copyFileSync } from "node:fs";
import { databaseKinds, openTestDb, TestDb } from "../../support/databases";
import { demoApp } from "../../support/demo-app";
import { DESKTOP, launchChromium, listen, PHONE, requireChromium, screenshotPaths } from "../../support/browser";
import type { DemoLogins } from "../../../seeds/demo";
import { seedDemoEnrollments } from "../../../seeds/demo-enrollments";
import { setSchoolClock } from "../../../src/kernel";

async function shot(page: Page, name: string, fullPage = true): Promise<void> {
  const [first, ...copies] = screenshotPaths(name);
  await page.screenshot({ path: first, fullPage });
  for (const copy of copies) copyFileSync(first, copy);
}

// On every database the suite runs on: PostgreSQL parity includes the browser.
for (const kind of databaseKinds())
  describe(`reports, attendance and the survey in a real browser [${kind}]`, function () {
    this.timeout(180_000);
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
      await seedDemoEnrollments(db.ds);
      setSchoolClock(() => new Date("2026-09-15T08:00:00Z"));
      ({ server, url } = await listen(demo.app));
      browser = await launchChromium();
    });
    after(async () => {
      setSchoolClock();
      await browser?.close();
      server?.close();
      await db?.drop();
    });

    async function staffPage(
      role: string,
      viewport: typeof DESKTOP,
      phone = false,
    ): Promise<{ context: BrowserContext; page: Page }> {
      const context = await browser.newContext({
        viewport,
        locale: "zh-CN",
        acceptDownloads: true,
        ...(phone ? { isMobile: true, hasTouch: true } : {}),
      });
      const page = await context.newPage();
      const s = logins.staff.find((x) => x.role === role)!;
      await page.goto(`${url}/login`);
      await page.fill('input[name="email"]', s.email);
      await page.fill('input[name="password"]', s.password);
      await page.click('form:has(input[name="email"]) button.primary');
      await page.waitForURL(`${url}/`);
      return { context, page };
    }

    it("When the admin opens the participation report, then its charts show and the downloaded XLSX has the page's figures", async () => {
      const { context, page } = await staffPage("admin", DESKTOP);
      await page.goto(`${url}/admin/reports`);
      await page.click('a[href="/admin/reports/participation"]');
      await page.waitForURL(`${url}/admin/reports/participation`);
      // By grade, by class, by week, and attendance by week (the first two weeks' registers are seeded).
      expect(await page.locator("figure.chart svg[role=img]").count()).to.equal(4);
      await shot(page, "report-participation-desktop");
      const school = await page.locator('table[data-table="groups"] tbody tr').last().locator("td").allTextContents();
      expect(school[0]).to.equal("全校");

      const [download] = await Promise.all([page.waitForEvent("download"), page.click("text=下载 Excel")]);
      // Named with the term and the school date (src/http/download.ts).
      expect(download.suggestedFilename()).to.match(/^kehou-participation-.*学期-\d{4}-\d{2}-\d{2}\.xlsx$/);
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(await download.path());
      const sheet = book.worksheets[0];
      const last = sheet.getRow(sheet.rowCount);
      expect(last.getCell(1).value).to.equal("全校");
      expect(`${last.getCell(3).value as number}`).to.equal(school[2].trim());
      expect(`${last.getCell(4).value as number}`).to.equal(school[3].trim());
      expect(`${((last.getCell(5).value as number) * 100).toFixed(1)}%`).to.equal(school[4].trim());
      expect(last.getCell(5).numFmt).to.equal("0.0%");

      for (const name of ["weekly", "survey"]) {
        await page.goto(`${url}/admin/reports/${name}`);
        await shot(page, `report-${name}-desktop`);
      }
      await context.close();
    });

    it("When a class teacher takes the register on a phone, then all present plus one absence is saved and the alert is raised", async () => {
      const { context, page } = await staffPage("class_teacher", PHONE, true);
      await page.goto(`${url}/attendance`);
      await page.click(".session-card");
      await page.waitForURL(/\/attendance\/sessions\/\d+\/2026-09-15$/);
      await page.click("form.all-present button");
      await page.waitForSelector(".flash");
      const rows = page.locator(".roster-row");
      expect(await page.locator(".roster-row.marked-present").count()).to.equal(await rows.count());
      const first = rows.nth(1);
      await first.locator(".mark-absent span").click();
      expect(await first.getAttribute("class")).to.contain("marked-absent");
      await page.click(".register-save button");
      await page.waitForSelector(".flash");
      expect(await page.textContent(".flash")).to.contain(
        "已通知：在 Kehou 中提醒了该生的班主任、教务处（管理员）和家长",
      );
      expect(await page.locator(".roster-row.marked-absent").count()).to.equal(1);
      await shot(page, "attendance-phone", false);
      await page.goto(`${url}/attendance/alerts`);
      expect(await page.locator(".alert-item.alert-open").count()).to.equal(1);
      await page.goto(`${url}/attendance/dismissal`);
      await shot(page, "attendance-dismissal-phone", false);
      await context.close();
    });

    it("When a family answers the survey on a phone, then it is thanked and cannot answer twice", async () => {
      const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true, locale: "zh-CN" });
      const page = await context.newPage();
      await page.goto(`${url}/login`);
      await page.fill('input[name="studentNumber"]', logins.families[0].studentNumber);
      await page.fill('input[name="code"]', logins.families[0].code);
      await page.click('form:has(input[name="studentNumber"]) button.primary');
      await page.waitForURL(`${url}/privacy`);
      await page.check('input[name="accept"]');
      await page.click("form.accept button");
      await page.waitForURL(`${url}/`);
      await page.goto(`${url}/surveys`);
      await page.click(".session-card");
      await page.locator(".question").first().locator(".choice span", { hasText: "基本满意" }).click();
      await page.locator(".question").nth(1).locator(".choice span", { hasText: "合适" }).click();
      await page.locator(".question").nth(2).locator(".choice span", { hasText: "5" }).click();
      await page.fill("textarea", "希望增加更多体育类社团。");
      await shot(page, "survey-family-phone");
      await page.click(".register-save button");
      await page.waitForSelector(".done-note");
      expect(await page.textContent(".flash")).to.contain("提交成功");
      expect(await page.locator("form.survey-form").count()).to.equal(0);
      await context.close();
    });
  });
