// Issue 21 in a real browser on a phone (390×844): a parent asks for leave; the class
// teacher's list of the day shows it and the register opens with the child excused; another
// child's unexcused absence reaches the class teacher's e-mail and the staff groups, nameless there.
import { expect } from "chai";
import type { Browser, Page } from "playwright-core";
import type { Server } from "node:http";
import { copyFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { databaseKinds, openTestDb, TestDb } from "../../support/databases";
import { demoApp, staffLogin } from "../../support/demo-app";
import { launchChromium, listen, phonePage, requireChromium, screenshotPaths } from "../../support/browser";
import type { DemoLogins } from "../../../seeds/demo";
import { projectRoot } from "../../../src/config";
import { seedDemoEnrollments } from "../../../seeds/demo-enrollments";
import { setSchoolClock } from "../../../src/kernel";
import { acceptPrivacy } from "../../choices/http/fixtures";
import { AttendanceAlert, Attendance } from "../../../src/attendance/entities";
import { SchoolClass, Student, TimetableEntry } from "../../../src/db/entities";
import { LeaveRequest } from "../../../src/leave/entities";
import { childSessionsOn } from "../../../src/leave/child-sessions";
import { dispatchAll } from "../../../src/notifications";
import { startMailReceiver, startRobotReceiver } from "../../notifications/support/receivers";
import { pointAtReceivers } from "../../notifications/support/school";

// test-output/ always; docs/screenshots/leave-*.png too (the README's screenshots).
async function shot(page: Page, name: string, fullPage = true): Promise<void> {
  const [first, ...copies] = screenshotPaths(name);
  await page.screenshot({ path: first, fullPage });
  const docs = join(projectRoot(), "docs", "screenshots");
  mkdirSync(docs, { recursive: true });
  for (const copy of new Set([...copies, join(docs, `${name}.png`)])) copyFileSync(first, copy);
}

// Every control a thumb must hit on the page: at least 44 px high (inline links in running text aside).
async function smallTargets(page: Page, selector: string): Promise<string[]> {
  const out: string[] = [];
  for (const control of await page.locator(selector).all()) {
    const box = await control.boundingBox();
    // Hidden controls have no box: only what is on screen counts.
    if (box && box.height < 44)
      out.push(
        `${(await control.getAttribute("class")) ?? (await control.getAttribute("name")) ?? "?"} ${Math.round(box.height)}px`,
      );
  }
  return out;
}

for (const kind of databaseKinds())
  describe(`leave requests in a real browser [${kind}]`, function () {
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
      await seedDemoEnrollments(db.ds);
      await acceptPrivacy(db.ds);
      setSchoolClock(() => new Date("2026-09-15T01:00:00Z")); // Tuesday 09:00 at the school
      ({ server, url } = await listen(demo.app));
      browser = await launchChromium();
    });
    after(async () => {
      setSchoolClock();
      await browser?.close();
      server?.close();
      await db?.drop();
    });

    const phone = () => phonePage(browser);

    it("When a parent asks for leave on a phone, then the teacher's register opens with the child excused", async () => {
      const child = await db.ds
        .getRepository(Student)
        .findOneByOrFail({ studentNumber: logins.families[0].studentNumber });
      const cls = await db.ds.getRepository(SchoolClass).findOneByOrFail({ id: child.classId });
      const entry = await db.ds
        .getRepository(TimetableEntry)
        .findOneByOrFail({ classId: cls.id, weekday: 2, kind: "homework" });

      const parent = await phone();
      let page = parent.page;
      await page.goto(`${url}/login`);
      await page.fill('input[name="studentNumber"]', logins.families[0].studentNumber);
      await page.fill('input[name="code"]', logins.families[0].code);
      await page.click('form:has(input[name="studentNumber"]) button.primary');
      await page.waitForURL(`${url}/`);
      await page.click('nav.mainnav a[href="/leave"]');
      await page.waitForURL(`${url}/leave`);
      await page.click("a.lv-new");
      await page.waitForURL(`${url}/leave/new`);
      expect(
        await smallTargets(page, ".lv-form .lv-choice, .lv-form input[type=date], .lv-form select, .lv-submit"),
      ).to.deep.equal([]);
      await page.check('input[name="kind"][value="sick"]');
      await page.fill('input[name="fromDate"]', "2026-09-15");
      await page.fill('textarea[name="note"]', "发烧，去医院");
      await shot(page, "leave-form-phone");
      await page.click("button.lv-submit");
      await page.waitForURL(`${url}/leave`);
      expect(await page.textContent(".flash")).to.contain(child.name);
      expect(await page.textContent(".lv-list")).to.contain("待班主任确认");
      expect(await smallTargets(page, "a.lv-new, a.lv-withdraw")).to.deep.equal([]);
      await shot(page, "leave-list-phone");
      const saved = await db.ds.getRepository(LeaveRequest).findOneByOrFail({ studentId: child.id });
      expect(saved).to.deep.include({ fromDate: "2026-09-15", toDate: "2026-09-15", kind: "sick", status: "pending" });
      expect(parent.errors).to.deep.equal([]);
      await parent.context.close();

      const teacher = await phone();
      page = teacher.page;
      const creds = staffLogin(logins, "class_teacher");
      await page.goto(`${url}/login`);
      await page.fill('input[name="email"]', creds.email);
      await page.fill('input[name="password"]', creds.password);
      await page.click('form:has(input[name="email"]) button.primary');
      await page.waitForURL(`${url}/`);
      await page.goto(`${url}/leave/requests`);
      expect(await page.textContent(`#leave-${saved.id}`)).to.contain(child.name);
      await shot(page, "leave-day-phone");
      await page.click(`#leave-${saved.id} button.lv-confirm`);
      await page.waitForURL(/\/leave\/requests/);
      expect(await page.textContent(`#leave-${saved.id}`)).to.contain("班主任已确认");

      await page.goto(`${url}/attendance/sessions/${entry.id}/2026-09-15`);
      const row = page.locator(`#s-${child.id}`);
      expect(await row.textContent()).to.contain("已请假·病假");
      expect(await row.locator('input[value="excused"]').isChecked()).to.equal(true);
      // The register runs on for metres: the first screen, where the child on leave is, tells it.
      await shot(page, "leave-register-phone", false);
      // The teacher marks the others present and saves the register as it opened.
      await page.click("form.all-present button");
      await page.waitForURL(/\/attendance\/sessions\//);
      const mark = await db.ds
        .getRepository(Attendance)
        .findOneByOrFail({ entryId: entry.id, date: "2026-09-15", studentId: child.id });
      expect(mark.status).to.equal("excused");
      expect(await db.ds.getRepository(AttendanceAlert).countBy({ studentId: child.id })).to.equal(0);
      expect(teacher.errors).to.deep.equal([]);
      await teacher.context.close();
    });

    // The other half of issue 21's browser test: a child missing without leave reaches the
    // class teacher's e-mail (with the name) and the staff group (a count, never the name).
    it("When the teacher marks another child absent without leave, then the class teacher's e-mail names the child and the staff group summary does not", async () => {
      const mail = await startMailReceiver();
      const robots = await startRobotReceiver();
      try {
        await pointAtReceivers(db.ds, { smtpPort: mail.port, robotUrl: robots.url });
        const onLeave = await db.ds
          .getRepository(Student)
          .findOneByOrFail({ studentNumber: logins.families[0].studentNumber });
        const cls = await db.ds.getRepository(SchoolClass).findOneByOrFail({ id: onLeave.classId });
        const entry = await db.ds
          .getRepository(TimetableEntry)
          .findOneByOrFail({ classId: cls.id, weekday: 2, kind: "homework" });
        const creds = staffLogin(logins, "class_teacher");

        const teacher = await phone();
        const page = teacher.page;
        await page.goto(`${url}/login`);
        await page.fill('input[name="email"]', creds.email);
        await page.fill('input[name="password"]', creds.password);
        await page.click('form:has(input[name="email"]) button.primary');
        await page.waitForURL(`${url}/`);
        await page.goto(`${url}/attendance/sessions/${entry.id}/2026-09-15`);
        // Another child on this register (its roster: the class's children in the service that day).
        const rowIds: number[] = [];
        for (const row of await page.locator('[id^="s-"]').all())
          rowIds.push(Number((await row.getAttribute("id"))?.slice(2)));
        const missingId = rowIds.find((id) => Number.isInteger(id) && id !== onLeave.id)!;
        const missing = await db.ds.getRepository(Student).findOneByOrFail({ id: missingId });
        await page.check(`#s-${missing.id} input[value="absent"]`);
        await page.click(`#s-${missing.id} details.note summary`);
        await page.fill(`input[name="n_${missing.id}"]`, "未到，家长未请假");
        await page.click(".register-save button");
        await page.waitForURL(/\/attendance\/sessions\//);
        expect(await db.ds.getRepository(AttendanceAlert).countBy({ studentId: missing.id, state: "open" })).to.equal(
          1,
        );
        expect(teacher.errors).to.deep.equal([]);
        await teacher.context.close();

        // What the app's dispatcher does after the commit (the test app runs none of its own).
        await dispatchAll(db.ds, { siteUrl: url });
        const toTeacher = mail.mails.filter((m) => m.to.includes(creds.email));
        expect(toTeacher, "an e-mail to the class teacher").to.have.length.greaterThan(0);
        expect(toTeacher.map((m) => m.text).join("\n")).to.contain(missing.name);
        expect(
          toTeacher.every((m) => m.key && m.key.length > 10),
          "each mail carries its key",
        ).to.equal(true);
        const group = robots.accepted();
        expect(group.map((c) => c.robot).sort()).to.include.members(["dingtalk", "wecom"]);
        const groupText = JSON.stringify(group.map((c) => c.body));
        expect(groupText).to.contain(cls.name);
        expect(groupText).not.to.contain(missing.name);
        expect(groupText).not.to.contain(onLeave.name);
      } finally {
        await mail.close();
        await robots.close();
      }
    });

    // Issue 21's loose end: the one-session list follows the first day as it is changed, without sending.
    it("When the parent changes the first day on the form, then the sessions offered become that day's at once", async () => {
      const parent = await phone();
      const page = parent.page;
      await page.goto(`${url}/login`);
      await page.fill('input[name="studentNumber"]', logins.families[0].studentNumber);
      await page.fill('input[name="code"]', logins.families[0].code);
      await page.click('form:has(input[name="studentNumber"]) button.primary');
      await page.waitForURL(`${url}/`);
      await page.goto(`${url}/leave/new`);
      const child = await db.ds
        .getRepository(Student)
        .findOneByOrFail({ studentNumber: logins.families[0].studentNumber });
      const options = () => page.locator("#lv-entry option").allTextContents();
      // A Wednesday the child does not stay for, then a Tuesday it does.
      for (const date of ["2026-09-16", "2026-09-22"]) {
        const expected = await childSessionsOn(db.ds, child.familyId, child.id, date);
        const answered = page.waitForResponse((r) =>
          r.url().includes(`/leave/sessions.json?studentId=${child.id}&date=${date}`),
        );
        await page.fill('input[name="fromDate"]', date);
        expect((await answered).status()).to.equal(200);
        await page.locator("#lv-entry-label", { hasText: date }).waitFor();
        if (expected.length) {
          expect((await options()).slice(1).map((o) => o.trim())).to.deep.equal(
            expected.map((s) => `${s.time} ${s.title}`.trim()),
          );
        } else {
          expect(await page.locator("select#lv-entry").count()).to.equal(0);
          expect(await page.textContent("#lv-entry")).to.contain("没有课后服务课程");
        }
      }
      // The script has the list: the "send to list them" hint is gone.
      expect(await page.locator(".lv-session-hint").isVisible()).to.equal(false);
      await page.check('input[name="scope"][value="session"]');
      await page.selectOption("#lv-entry", { index: 1 });
      await page.check('input[name="kind"][value="personal"]');
      await page.click("button.lv-submit");
      await page.waitForURL(`${url}/leave`);
      const saved = await db.ds
        .getRepository(LeaveRequest)
        .findOneByOrFail({ studentId: child.id, fromDate: "2026-09-22" });
      expect(saved.entryId).to.not.equal(null);
      expect(parent.errors).to.deep.equal([]);
      await parent.context.close();
    });
  });
