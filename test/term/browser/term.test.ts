// One term, end to end, in a real browser on the seeded demo school: the
// admin sets the term up, families choose on phones, the admin allocates and
// publishes, a family reads why, a teacher takes the register and subscribes
// to the calendar, and the admin reads the participation report. The steps
// share one school and run in order; each is photographed as term-NN-<step>.
import { expect } from "chai";
import type { Browser, Page } from "playwright-core";
import type { Server } from "node:http";
import ical from "node-ical";
import { databaseKinds, openTestDb, TestDb } from "../../support/databases";
import { demoApp } from "../../support/demo-app";
import { launchChromium, listen, requireChromium } from "../../support/browser";
import type { DemoLogins } from "../../../seeds/demo";
import { seedDemoEnrollments } from "../../../seeds/demo-enrollments";
import { setSchoolClock } from "../../../src/kernel";
import { CalendarDay, Period, Staff, Term, Venue } from "../../../src/db/entities";
import { inTransaction } from "../../../src/db/transaction";
import { Preference } from "../../../src/choices/entities";
import { AllocationPublication } from "../../../src/allocation/entities";
import { familyContext, rankClubs, restOfSchoolChooses, shot, staffContext } from "./term-steps";

// On every database the suite runs on: PostgreSQL parity includes the browser.
for (const kind of databaseKinds())
  describe(`one term in a real browser [${kind}]`, function () {
    this.timeout(300_000);
    let db: TestDb;
    let browser: Browser;
    let server: Server;
    let url: string;
    let logins: DemoLogins;
    let admin: Page;
    let closeAdmin: () => Promise<void>;
    let roundId: number;
    let evening: number;

    before(async function () {
      requireChromium(this);
      db = await openTestDb(kind);
      const demo = await demoApp(db);
      logins = demo.logins;
      await seedDemoEnrollments(db.ds);
      // An empty evening period the admin fills on the grid (periods are made on the term pages; not this test's subject).
      evening = await inTransaction(db.ds, async (em) => {
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
      ({ server, url } = await listen(demo.app));
      browser = await launchChromium();
      const { context, page } = await staffContext(browser, url, logins, "admin");
      admin = page;
      closeAdmin = () => context.close();
    });
    after(async () => {
      setSchoolClock();
      await closeAdmin?.();
      await browser?.close();
      server?.close();
      await db?.drop();
    });

    it("When the admin opens the terms page, then the current demo term is listed", async () => {
      await admin.goto(`${url}/admin/terms`);
      expect(await admin.textContent("h1")).to.contain("学期");
      expect(await admin.textContent("table")).to.contain("2026–2027 学年第一学期");
      await shot(admin, "terms");
    });

    it("When the admin adds an event day on the calendar, then it is confirmed and stored", async () => {
      await admin.goto(`${url}/admin/calendar`);
      const form = admin.locator('form.card.form[action$="/days"]');
      await form.locator('select[name="kind"]').selectOption("event");
      await form.locator('input[name="date"]').fill("2026-12-04");
      await form.locator('input[name="name"]').fill("冬季运动会");
      await form.locator("button.primary").click();
      await admin.waitForURL(/\/admin\/calendar\?term=\d+$/);
      expect(await admin.textContent(".flash")).to.contain("已添加 冬季运动会");
      const day = await db.ds.getRepository(CalendarDay).findOneByOrFail({ date: "2026-12-04" });
      expect(day).to.include({ kind: "event", name: "冬季运动会" });
      await shot(admin, "calendar-event");
    });

    it("When the admin adds a session on the grid and publishes, then the grid says the draft is published", async () => {
      await admin.goto(`${url}/admin/timetable`);
      await admin.click(`#slot-1-${evening} a.tt-add`);
      await admin.waitForURL(/\/admin\/timetable\/entries\/new/);
      await admin.selectOption('select[name="kind"]', "homework");
      await admin.fill('input[name="title"]', "三(1)班作业答疑");
      await admin.check('input[name="grades"][value="3"]');
      await admin.selectOption('select[name="classId"]', { label: "三年级(1)班" });
      await admin.selectOption(
        'select[name="staffId"]',
        String((await db.ds.getRepository(Staff).findOneByOrFail({ staffNumber: "T009" })).id),
      );
      await admin.selectOption(
        'select[name="venueId"]',
        String((await db.ds.getRepository(Venue).findOneByOrFail({ name: "阅览室" })).id),
      );
      await admin.click('button[name="intent"][value="save"]');
      await admin.waitForURL(/\/admin\/timetable\?view=all#slot-1-/);
      expect(await admin.textContent(`#slot-1-${evening}`)).to.contain("三(1)班作业答疑");
      await shot(admin, "timetable-added");
      await admin.goto(`${url}/admin/timetable/publish`);
      await admin.fill('textarea[name="reason"]', "增加延时托管作业答疑");
      await admin.click('form[action="/admin/timetable/publish"] button.primary');
      await admin.waitForURL(`${url}/admin/timetable`);
      expect(await admin.textContent(".flash")).to.contain("课表已发布");
      expect(await admin.textContent(".tt-status")).to.contain("草稿与已发布课表一致");
      await shot(admin, "timetable-published");
    });

    it("When the admin opens a choice round, then it is created and open", async () => {
      await admin.goto(`${url}/admin/rounds/new`);
      await admin.fill("#name", "秋季社团选择（期中调整）");
      await admin.click("form.round-form button.primary");
      await admin.waitForURL(/\/admin\/rounds\/\d+$/);
      roundId = Number(/\/admin\/rounds\/(\d+)$/.exec(admin.url())![1]);
      expect(await admin.textContent(".flash")).to.contain("已开启“秋季社团选择（期中调整）”");
      await shot(admin, "round-opened");
    });

    it("When both demo families choose on phones and the rest of the school has chosen, then every child has a list in the round", async () => {
      for (const family of logins.families) {
        const { context, page } = await familyContext(browser, url, family);
        await page.goto(`${url}/choices`);
        expect(await page.textContent("h1")).to.contain("选社团");
        // The sibling family switches between its children with the chips.
        const children = await page
          .locator(".child-switch a")
          .evaluateAll((as: { getAttribute(name: string): string | null }[]) => as.map((a) => a.getAttribute("href")!));
        for (const [i, href] of (children.length ? children : ["/choices"]).entries()) {
          await page.goto(`${url}${href}`);
          await rankClubs(page, 3);
          if (i === 0) await shot(page, `choices-${family.studentNumber}`);
          await page.click("form.ranking button.primary");
          await page.waitForURL(/\/receipt/);
          expect(await page.locator(".ranked li strong").count()).to.equal(3);
        }
        await shot(page, `receipt-${family.studentNumber}`);
        await context.close();
      }
      const children = logins.families.flatMap((f) => f.children).length;
      expect(await db.ds.getRepository(Preference).countBy({ roundId, source: "family" })).to.equal(children);
      const moved = await restOfSchoolChooses(db.ds, roundId, 700);
      expect(moved).to.be.greaterThan(600);
    });

    it("When the admin closes the round, runs optimal and lottery drafts, compares and publishes, then one allocation is published", async () => {
      await admin.goto(`${url}/admin/rounds/${roundId}/close`);
      await admin.check('input[name="confirm"]');
      await admin.click(`form[action="/admin/rounds/${roundId}/close"] button.danger`);
      await admin.waitForURL(`${url}/admin/rounds/${roundId}`);
      expect(await admin.textContent(".flash")).to.contain("已提前截止");

      const run = async (mechanism: string) => {
        await admin.goto(`${url}/admin/rounds/${roundId}/runs`);
        await admin.check(`input[name="mechanism"][value="${mechanism}"]`);
        await admin.fill('input[name="seed"]', "2026");
        await admin.click(".run-form button.primary");
        await admin.waitForURL(/\/admin\/runs\/\d+$/);
        expect(await admin.textContent(".flash")).to.contain("种子 2026");
        return admin.url();
      };
      const optimal = await run("optimal");
      expect(await admin.locator(".chart svg").count()).to.be.at.least(1);
      await shot(admin, "run-optimal");
      await run("lottery");
      await admin.goto(`${url}/admin/rounds/${roundId}/runs`);
      await admin.click(".compare-form button");
      await admin.waitForURL(/\/admin\/runs\/compare\?/);
      expect(await admin.textContent("h1")).to.contain("比较两次分配");
      expect(Number(await admin.getAttribute(".changed", "data-changed"))).to.be.greaterThan(0);
      await shot(admin, "compare");
      await admin.goto(optimal);
      if (await admin.locator('textarea[name="overrideReason"]').count())
        await admin.fill('textarea[name="overrideReason"]', "校长已批准：先发布社团结果");
      const publish = async () =>
        (
          await Promise.all([
            admin.waitForResponse((r) => r.url().endsWith("/publish") && r.request().method() === "POST"),
            admin.click(".publish button.primary"),
          ])
        )[0].status();
      // The policy check may only ask for an override reason once publishing is tried (400 with the field named).
      if ((await publish()) === 400) {
        await admin.waitForLoadState();
        await shot(admin, "publish-refused");
        console.log(
          "publish refused:",
          (await admin.locator(".field-error, .error, .flash").allTextContents()).join(" | "),
        );
        await admin.fill('textarea[name="overrideReason"]', "校长已批准：先发布社团结果");
        expect(await publish()).to.equal(302);
      }
      await admin.waitForURL(optimal);
      expect(await admin.textContent(".flash")).to.contain("已发布");
      expect(await db.ds.getRepository(AllocationPublication).count()).to.equal(1);
      await shot(admin, "published");
    });

    it("When the sibling family opens its results on a phone, then both children have a result with its explanation", async () => {
      const { context, page } = await familyContext(browser, url, logins.families[1]);
      await page.goto(`${url}/results`);
      expect(await page.locator(".family-result").count()).to.equal(2);
      expect(await page.textContent(".family-result")).to.contain("为什么是这个结果");
      expect(await page.locator(".explanation li").count()).to.be.at.least(1);
      await shot(page, "results-family");
      await context.close();
    });

    it("When a class teacher takes the register on a phone and fetches the calendar feed, then the marks are saved and the .ics has events", async () => {
      setSchoolClock(() => new Date("2026-09-15T08:00:00Z"));
      const { context, page } = await staffContext(browser, url, logins, "class_teacher", true);
      await page.goto(`${url}/attendance`);
      await page.click(".session-card");
      await page.waitForURL(/\/attendance\/sessions\/\d+\/2026-09-15$/);
      await page.click("form.all-present button");
      await page.waitForSelector(".flash");
      expect(await page.locator(".roster-row.marked-present").count()).to.equal(
        await page.locator(".roster-row").count(),
      );
      expect(await page.locator(".roster-row").count()).to.be.greaterThan(0);
      await shot(page, "attendance", false);
      setSchoolClock();

      await page.goto(`${url}/feeds`);
      await page.locator(".tiles a").first().click();
      await page.waitForURL(/\/feeds\/[a-z]+\/\d+$/);
      const link = await page.inputValue("#feed-url");
      expect(link).to.match(/\.ics$/);
      await shot(page, "feed-page");
      const response = await page.request.get(link);
      expect(response.status()).to.equal(200);
      expect(response.headers()["content-type"]).to.contain("text/calendar");
      const events = Object.values(ical.sync.parseICS(await response.text())).filter((c) => c?.type === "VEVENT");
      expect(events.length).to.be.greaterThan(0);
      await context.close();
    });

    it("When the admin opens the participation report, then its charts and the school row show", async () => {
      await admin.goto(`${url}/admin/reports`);
      await admin.click('a[href="/admin/reports/participation"]');
      await admin.waitForURL(`${url}/admin/reports/participation`);
      // By grade, by class, by week, and attendance by week (registers were taken in the weeks gone by).
      expect(await admin.locator("figure.chart svg[role=img]").count()).to.equal(4);
      const school = await admin.locator('table[data-table="groups"] tbody tr').last().locator("td").allTextContents();
      expect(school[0]).to.equal("全校");
      await shot(admin, "participation-report");
    });
  });
