import { expect } from "chai";
import type { Browser, BrowserContext, Page } from "playwright-core";
import type { Server } from "node:http";
import { copyFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { createApp } from "../../../src/app";
import { projectRoot } from "../../../src/config";
import { Period, Staff, Term, TimetableEntry, Venue } from "../../../src/db/entities";
import { inTransaction } from "../../../src/db/transaction";
import { seedDemo, DemoLogins } from "../../../seeds/demo";
import { databaseKinds, openTestDb, TestDb } from "../../support/databases";
import { DESKTOP, launchChromium, listen, PHONE, requireChromium, screenshotPaths } from "../../support/browser";

// The admin builds part of a week on the grid in a real browser, sees a clash
// refused with its explanation, and publishes. Each step is photographed to
// test-output/e2e/; the grid and the phone club list also to docs/screenshots
// (with UPDATE_DOCS=1, like the other browser suites).
// On every database the suite runs on: PostgreSQL parity includes the browser.
for (const kind of databaseKinds())
  describe(`timetable grid in a real browser [${kind}]`, function () {
    this.timeout(180_000);
    let db: TestDb;
    let browser: Browser;
    let server: Server;
    let url: string;
    let logins: DemoLogins;
    let context: BrowserContext;
    let page: Page;
    let p3: number;
    let step = 0;

    async function shotStep(name: string): Promise<void> {
      const dir = join(projectRoot(), "test-output", "e2e");
      mkdirSync(dir, { recursive: true });
      await page.screenshot({
        path: join(dir, `timetable-step-${String(++step).padStart(2, "0")}-${name}.png`),
        fullPage: true,
      });
    }

    async function shotDoc(target: Page, name: string): Promise<void> {
      const [first, ...copies] = screenshotPaths(name);
      await target.screenshot({ path: first, fullPage: true });
      for (const copy of copies) copyFileSync(first, copy);
    }

    before(async function () {
      requireChromium(this);
      db = await openTestDb(kind);
      ({ logins } = await seedDemo(db.ds));
      // An evening period (延时托管) the admin fills in during the test; periods are set up on the term pages.
      p3 = await inTransaction(db.ds, async (em) => {
        const term = await em.getRepository(Term).findOneByOrFail({ current: true });
        return (
          await em.getRepository(Period).save({
            termId: term.id,
            name: "延时托管",
            startTime: "18:00",
            endTime: "18:40",
            grades: [1, 2, 3, 4, 5, 6],
            position: 2,
          })
        ).id;
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

    const staffValue = async (staffNumber: string) =>
      String((await db.ds.getRepository(Staff).findOneByOrFail({ staffNumber })).id);
    const venueValue = async (name: string) => String((await db.ds.getRepository(Venue).findOneByOrFail({ name })).id);

    // Fill the entry form that "+ 添加" opened for a slot, and save it.
    async function addSession(
      weekday: number,
      fields: { kind: string; title: string; grade: number; className?: string; staff: string; venue: string },
    ) {
      await page.click(`#slot-${weekday}-${p3} a.tt-add`);
      await page.waitForURL(/\/admin\/timetable\/entries\/new/);
      await page.selectOption('select[name="kind"]', fields.kind);
      await page.fill('input[name="title"]', fields.title);
      await page.check(`input[name="grades"][value="${fields.grade}"]`);
      if (fields.className) await page.selectOption('select[name="classId"]', { label: fields.className });
      await page.selectOption('select[name="staffId"]', await staffValue(fields.staff));
      await page.selectOption('select[name="venueId"]', await venueValue(fields.venue));
      await page.click('button[name="intent"][value="save"]');
    }

    it("When the admin adds sessions in an empty period, then they appear as chips in their cells", async () => {
      await page.goto(`${url}/admin/timetable`);
      expect(await page.locator(`#slot-4-${p3}`).count()).to.equal(1);
      const p2 = (await db.ds.getRepository(Period).findOneByOrFail({ name: "社团 / 体育" })).id;
      expect(await page.locator(`#slot-4-${p2} .tt-chip.tt-club`).count()).to.equal(23);
      await shotStep("grid-before");
      await addSession(1, {
        kind: "homework",
        title: "三(1)班作业答疑",
        grade: 3,
        className: "三年级(1)班",
        staff: "T009",
        venue: "阅览室",
      });
      await page.waitForURL(/\/admin\/timetable\?view=all#slot-1-/);
      await addSession(2, { kind: "sport", title: "四年级跳绳练习", grade: 4, staff: "T010", venue: "东操场" });
      await page.waitForURL(/\/admin\/timetable\?view=all#slot-2-/);
      expect(await page.textContent(`#slot-1-${p3}`)).to.contain("三(1)班作业答疑");
      expect(await page.textContent(`#slot-2-${p3}`)).to.contain("四年级跳绳练习");
      expect(await page.textContent(".tt-status")).to.contain("草稿与已发布课表不同：2 处变更");
      await shotStep("grid-two-added");
    });

    it("When the admin books the same teacher twice in one slot, then the save is refused with the explanation and nothing changes", async () => {
      const before = await db.ds.getRepository(TimetableEntry).count();
      await page.goto(`${url}/admin/timetable`);
      await addSession(1, {
        kind: "activity",
        title: "五(1)班棋类游戏",
        grade: 5,
        className: "五年级(1)班",
        staff: "T009",
        venue: "棋艺室",
      });
      await page.waitForSelector(".tt-clashes");
      const explanation = await page.textContent(".tt-clashes");
      expect(explanation).to.contain("在这一时段被安排了多项活动");
      expect(explanation).to.contain("三(1)班作业答疑");
      expect(await page.inputValue('input[name="title"]')).to.equal("五(1)班棋类游戏");
      await shotStep("clash-refused");
      expect(await db.ds.getRepository(TimetableEntry).count()).to.equal(before);

      // Choosing a free teacher clears the clash.
      await page.selectOption('select[name="staffId"]', await staffValue("T011"));
      await page.click('button[name="intent"][value="check"]');
      await page.waitForSelector("#clashes.flash-ok");
      await page.click('button[name="intent"][value="save"]');
      await page.waitForURL(/\/admin\/timetable\?view=all#slot-1-/);
      expect(await page.textContent(`#slot-1-${p3}`)).to.contain("五(1)班棋类游戏");
    });

    it("When the admin drags a chip to a free cell, then only that session moves", async () => {
      await page.goto(`${url}/admin/timetable?view=grade-4`);
      const chip = page.locator(`#slot-2-${p3} .tt-chip`, { hasText: "四年级跳绳练习" });
      await chip.dragTo(page.locator(`#slot-3-${p3}`));
      await page.waitForURL(/#slot-3-/);
      expect(await page.textContent(`#slot-3-${p3}`)).to.contain("四年级跳绳练习");
      expect(await page.textContent(`#slot-2-${p3}`)).to.not.contain("四年级跳绳练习");
      const moved = await db.ds.getRepository(TimetableEntry).findOneByOrFail({ title: "四年级跳绳练习" });
      expect(moved).to.include({ weekday: 3, sequence: 1 });
      await shotStep("dragged");
    });

    it("When the admin publishes, then the grid says the draft equals the published timetable", async () => {
      await page.goto(`${url}/admin/timetable`);
      await page.click('a[href="/admin/timetable/publish"]');
      await page.waitForURL(/\/admin\/timetable\/publish$/);
      await page.fill('textarea[name="reason"]', "增加延时托管时段");
      await shotStep("publish-form");
      await page.click('form[action="/admin/timetable/publish"] button.primary');
      await page.waitForURL(`${url}/admin/timetable`);
      expect(await page.textContent(".flash")).to.contain("课表已发布");
      expect(await page.textContent(".tt-status")).to.contain("草稿与已发布课表一致");
      await shotStep("published");
      await shotDoc(page, "timetable-grid");
    });

    it("When the club list is opened on a phone, then the clubs are readable cards", async () => {
      const phone = await browser.newContext({
        viewport: PHONE,
        isMobile: true,
        hasTouch: true,
        locale: "zh-CN",
        storageState: await context.storageState(),
      });
      const small = await phone.newPage();
      await small.goto(`${url}/admin/clubs`);
      expect(await small.locator(".club-card").count()).to.equal(12);
      const width = Number(await small.evaluate("document.documentElement.scrollWidth"));
      expect(width).to.be.at.most(PHONE.width);
      await shotDoc(small, "clubs-phone");
      await phone.close();
    });
  });
