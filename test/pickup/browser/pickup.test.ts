// Issue 21 in a real browser on a phone (390×844): a family lists a pick-up
// person; a teacher records from their register that someone not on the list
// collected the child; the register's row shows it in red; the class teacher's
// notice is in their app inbox (and the office's).
import { expect } from "chai";
import type { Browser, Page } from "playwright-core";
import type { Server } from "node:http";
import { databaseKinds, openTestDb, TestDb } from "../../support/databases";
import { demoApp, staffLogin } from "../../support/demo-app";
import { launchChromium, listen, phonePage, requireChromium, screenshotPaths } from "../../support/browser";
import type { DemoLogins } from "../../../seeds/demo";
import { seedDemoEnrollments } from "../../../seeds/demo-enrollments";
import { setSchoolClock } from "../../../src/kernel";
import { acceptPrivacy } from "../../choices/http/fixtures";
import { SchoolClass, Staff, Student } from "../../../src/db/entities";
import { EarlyPickup, PickUpPerson } from "../../../src/pickup/entities";
import { sessionsOn } from "../../../src/timetable";
import { loadRegister } from "../../../src/attendance/register-service";

const DATE = "2026-09-15"; // a Tuesday of the demo term

for (const kind of databaseKinds())
  describe(`pick-up in a real browser [${kind}]`, function () {
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
      setSchoolClock(() => new Date(`${DATE}T08:20:00Z`)); // 16:20 at the school
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
    const staffIn = async (page: Page, email: string, password: string) => {
      await page.goto(`${url}/login`);
      await page.fill('input[name="email"]', email);
      await page.fill('input[name="password"]', password);
      await page.click('form:has(input[name="email"]) button.primary');
      await page.waitForURL(`${url}/`);
    };

    // A session that day led by a teacher who is not the child's class teacher, with the child on its register.
    async function otherTeachersSession(child: Student, cls: SchoolClass) {
      const { sessions } = await sessionsOn(db.ds.manager, DATE);
      for (const s of sessions) {
        if (s.staffId === null || s.staffId === cls.classTeacherId || s.cancelled !== null) continue;
        const staff = await db.ds.getRepository(Staff).findOneByOrFail({ id: s.staffId });
        if (staff.role !== "teacher" || !staff.email) continue;
        const user = { kind: "staff" as const, id: staff.id, role: staff.role, name: staff.name };
        const reg = await loadRegister(db.ds, user, s.entry.id, DATE).catch(() => null);
        if (reg?.roster.some((c) => c.id === child.id)) return { entryId: s.entry.id, staff };
      }
      throw new Error(`no teacher other than the class teacher has ${child.name} on a register on ${DATE}`);
    }

    it("When a family lists its grandmother and a teacher records from the register that a stranger collected the child, then the row is red and the class teacher's inbox has the notice", async () => {
      const child = await db.ds
        .getRepository(Student)
        .findOneByOrFail({ studentNumber: logins.families[0].studentNumber });
      const cls = await db.ds.getRepository(SchoolClass).findOneByOrFail({ id: child.classId });

      // The family, on its phone, lists who may collect the child.
      const family = await phone();
      let page = family.page;
      await page.goto(`${url}/login`);
      await page.fill('input[name="studentNumber"]', logins.families[0].studentNumber);
      await page.fill('input[name="code"]', logins.families[0].code);
      await page.click('form:has(input[name="studentNumber"]) button.primary');
      await page.waitForURL(`${url}/`);
      await page.click('nav.mainnav a[href="/family/pickup"]');
      await page.waitForURL(`${url}/family/pickup`);
      await page.fill("#name", "赵桂兰");
      await page.selectOption("#relation", "maternalGrandparent");
      await page.fill("#phone", "139 1234 5678");
      await page.click(".pickup-form button.primary");
      await page.waitForURL(`${url}/family/pickup`);
      expect(await page.textContent(".pickup-people")).to.contain("赵桂兰");
      const telBox = await page.locator(".pickup-person a.tel").first().boundingBox();
      expect(telBox?.height ?? 0, "the phone link is a thumb's target").to.be.at.least(44);
      await page.screenshot({ path: screenshotPaths("pickup-family-list-phone")[0], fullPage: true });
      expect(family.errors).to.deep.equal([]);
      await family.context.close();
      const [listed] = await db.ds.getRepository(PickUpPerson).findBy({ familyId: child.familyId });
      expect(listed).to.include({ name: "赵桂兰", relation: "maternalGrandparent" });

      // A teacher (not the class teacher) records from their register that someone else collected the child.
      const { entryId, staff } = await otherTeachersSession(child, cls);
      const password = staffLogin(logins, "teacher").password;
      const teacher = await phone();
      page = teacher.page;
      await staffIn(page, staff.email!, password);
      const register = `${url}/attendance/sessions/${entryId}/${DATE}`;
      await page.goto(register);
      await page.click(`#s-${child.id} a.early-link`);
      await page.waitForURL(/\/pickup\?student=/);
      // The family's list is offered first; the stranger is "someone else".
      expect(await page.textContent(".early-form")).to.contain("赵桂兰");
      await page.check('input[name="person"][value="other"]');
      await page.fill("#otherName", "陌生人王五");
      await page.click(".early-form button.primary");
      await page.waitForURL(register);
      const mark = page.locator(`#s-${child.id} .picked-up.unlisted`);
      expect(await mark.textContent())
        .to.contain("陌生人王五")
        .and.contain("不在接送人名单上");
      // Red, as the stylesheet draws someone not on the list.
      // (the window's getComputedStyle, reached through globalThis: the test project has no DOM types)
      const colour = await mark.evaluate(
        (el) =>
          (globalThis as unknown as { getComputedStyle(e: unknown): { color: string } }).getComputedStyle(el).color,
      );
      expect(colour).to.equal("rgb(176, 0, 32)");
      await page.screenshot({ path: screenshotPaths("pickup-register-unlisted-phone")[0], fullPage: false });
      expect(teacher.errors).to.deep.equal([]);
      await teacher.context.close();
      expect(await db.ds.getRepository(EarlyPickup).findOneByOrFail({ studentId: child.id, date: DATE })).to.include({
        unlisted: true,
        recordedByStaffId: staff.id,
      });

      // The class teacher opens the app: the notice is in the inbox, and it leads to the class's day, red there too.
      const classTeacher = await phone();
      page = classTeacher.page;
      const creds = staffLogin(logins, "class_teacher");
      await staffIn(page, creds.email, creds.password);
      await page.click('nav.mainnav a[href="/notifications"]');
      await page.waitForURL(`${url}/notifications`);
      const notice = page.locator("ul.notifications li", { hasText: "陌生人王五" });
      expect(await notice.count()).to.equal(1);
      expect(await notice.textContent())
        .to.contain(child.name)
        .and.contain(cls.name);
      await page.screenshot({ path: screenshotPaths("pickup-class-teacher-notice-phone")[0], fullPage: false });
      await notice.locator("a").click();
      await page.waitForURL(new RegExp(`/classes/${cls.id}/day\\?date=${DATE}`));
      expect(await page.locator(`#child-${child.id} .picked-up.unlisted`).count()).to.equal(1);
      expect(classTeacher.errors).to.deep.equal([]);
      await classTeacher.context.close();
    });
  });
