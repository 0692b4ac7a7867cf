import { expect } from "chai";
import type { Browser, BrowserContext, Page } from "playwright-core";
import type { Server } from "node:http";
import { copyFileSync } from "node:fs";
import { createApp } from "../../../src/app";
import { Club, Period, TimetableEntry } from "../../../src/db/entities";
import { seedDemo } from "../../../seeds/demo";
import { databaseKinds, openTestDb, TestDb } from "../../support/databases";
import { launchChromium, listen, requireChromium, screenshotPaths } from "../../support/browser";

// A new admin creates a club by its name only (no code to invent), places it
// from its card into the free club slot, sees the grid mark it as a draft change
// and the publish page list it; then a drag into a clash lands on a form that
// shows the slot tried, with the clash box in view. Screenshots: club-place.png
// and timetable-draft.png (docs/screenshots with UPDATE_DOCS=1).
const WIDE = { width: 1366, height: 900 };
const LAPTOP = { width: 1366, height: 768 };

for (const kind of databaseKinds())
  describe(`placing a new club in a real browser [${kind}]`, function () {
    this.timeout(180_000);
    let db: TestDb;
    let browser: Browser;
    let server: Server;
    let url: string;
    let context: BrowserContext;
    let page: Page;
    let p2: number;

    async function shotDoc(name: string): Promise<void> {
      const [first, ...copies] = screenshotPaths(name);
      await page.screenshot({ path: first, fullPage: true });
      for (const copy of copies) copyFileSync(first, copy);
    }

    before(async function () {
      requireChromium(this);
      db = await openTestDb(kind);
      const { logins } = await seedDemo(db.ds);
      [, p2] = (await db.ds.getRepository(Period).find({ order: { position: "ASC" } })).map((p) => p.id);
      const app = createApp({
        ds: db.ds,
        config: { sessionSecret: "e2e-secret-e2e-secret", production: false, logLevel: "silent", trustProxy: false },
      });
      ({ server, url } = await listen(app));
      browser = await launchChromium();
      context = await browser.newContext({ viewport: WIDE, locale: "zh-CN" });
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

    const club = () => db.ds.getRepository(Club).findOneByOrFail({ name: "竹笛" });

    it("When the admin types only a name and grades, then the club is created with a code and its card offers to place it", async () => {
      await page.goto(`${url}/admin/clubs/new`);
      expect(await page.textContent("#code-auto")).to.match(/留空则自动生成：club-\d+/);
      await page.fill('input[name="name"]', "竹笛");
      await page.check('input[name="grades"][value="3"]');
      await page.check('input[name="grades"][value="4"]');
      await page.click("form.club-form button.primary");
      await page.waitForURL(/\/admin\/clubs(\?page=\d+)?#club-\d+$/);
      const saved = await club();
      expect(saved.code).to.match(/^club-\d+$/);
      expect(await page.textContent(".flash")).to.contain(`（编号 ${saved.code}）`);
      const card = page.locator(`#club-${saved.id}`);
      expect(await card.textContent()).to.contain("尚未排入课表");
      await card.locator("a.place-link").click();
      await page.waitForURL(new RegExp(`/admin/clubs/${saved.id}/place$`));
    });

    it("When the place page lists the club slots, then the free one has a one-click place, and placing it marks the grid", async () => {
      const saved = await club();
      const slot = page.locator(`#place-4-${p2}`);
      expect(await slot.getAttribute("class")).to.contain("fits");
      await shotDoc("club-place");
      await slot.locator("button.primary").click();
      await page.waitForURL(new RegExp(`/admin/timetable\\?view=all#slot-4-${p2}$`));
      expect(await page.textContent(".flash")).to.contain("已将“竹笛”排入草稿课表");
      const entry = await db.ds.getRepository(TimetableEntry).findOneByOrFail({ clubId: saved.id });
      const chip = page.locator(`.tt-chip[data-entry-id="${entry.id}"]`);
      expect(await chip.getAttribute("class")).to.contain("tt-draft-added");
      expect(await chip.textContent()).to.contain("新增");
      expect(await page.locator(".tt-draft-legend").isVisible()).to.equal(true);
      await chip.scrollIntoViewIfNeeded();
      await shotDoc("timetable-draft");
    });

    it("When the admin opens the publish page, then the change is listed in words", async () => {
      await page.click('a[href="/admin/timetable/publish#changes"]');
      await page.waitForURL(/\/admin\/timetable\/publish#changes$/);
      const list = (await page.textContent("#changes"))!.replace(/\s+/g, " ");
      expect(list).to.contain("变更清单（1 处）");
      expect(list).to.contain("新增 竹笛 星期四 社团 / 体育");
    });

    it("When the admin drags the club into a clash on a 1366×768 screen, then the form shows the slot tried and the clash box is above the fold", async () => {
      await page.setViewportSize(LAPTOP);
      await page.goto(`${url}/admin/timetable?view=grade-3`);
      const entry = await db.ds.getRepository(TimetableEntry).findOneByOrFail({ clubId: (await club()).id });
      const chip = page.locator(`.tt-chip[data-entry-id="${entry.id}"]`);
      // Tuesday's sport for grade 3 is in the same row, so chip and cell are in view together.
      await chip.scrollIntoViewIfNeeded();
      await chip.dragTo(page.locator(`#slot-2-${p2}`));
      await page.waitForSelector("#clashes");
      expect(await page.textContent("h1")).to.contain("竹笛");
      expect(await page.inputValue("#f-weekday")).to.equal("2");
      expect(await page.inputValue("#f-period")).to.equal(String(p2));
      const box = (await page.locator("#clashes").boundingBox())!;
      expect(box.y + 20).to.be.lessThan(LAPTOP.height);
      expect(await page.evaluate("document.activeElement && document.activeElement.id")).to.equal("clashes");
      expect(await page.locator('[data-clash-field="grades"]').count()).to.be.greaterThan(0);
      const [shot] = screenshotPaths("club-drag-clash");
      await page.screenshot({ path: shot });
      expect((await db.ds.getRepository(TimetableEntry).findOneByOrFail({ id: entry.id })).weekday).to.equal(4);
    });

    it("When the admin filters the eligible staff and saves the planning fields, then the card shows who may lead it, how often and where", async () => {
      await page.setViewportSize(WIDE);
      const saved = await club();
      await page.goto(`${url}/admin/clubs/${saved.id}/edit`);
      const filter = page.locator("input.eligible-filter");
      expect(await filter.isVisible()).to.equal(true);
      await filter.fill("E00");
      const shown = page.locator("#eligible-list label.check:visible");
      expect(await shown.count()).to.equal(3);
      await page.locator("#eligible-list label.check:visible input[value]").first().check();
      await filter.fill("");
      expect(await shown.count()).to.be.greaterThan(50);
      await page.selectOption('select[name="sessionsPerWeek"]', "2");
      await page.selectOption('select[name="venueKind"]', "music");
      await page.click("form.club-form button.primary");
      await page.waitForURL(/\/admin\/clubs(\?page=\d+)?#club-\d+$/);
      const after = await club();
      expect([after.sessionsPerWeek, after.venueKind, after.eligibleStaffIds.length]).to.deep.equal([2, "music", 1]);
      const planning = await page.locator(`#club-${saved.id} .club-planning`).textContent();
      expect(planning).to.match(/^可带教：.+ · 每周 2 次 · 需要：音乐教室$/);
    });
  });
