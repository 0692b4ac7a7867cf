// /notifications is one's own inbox for staff too (issue 21): a staff member
// sees the notices written for them, and nobody else's.
import { expect } from "chai";
import type { Express } from "express";
import { forEachDatabase } from "../../support/databases";
import { demoApp, familyLogin, staffLogin } from "../../support/demo-app";
import { csrfFrom, loginAs } from "../../support/http";
import { Staff, inTransaction } from "../../../src/db";
import { Notification, notifyStaff } from "../../../src/notifications";
import type { DemoLogins } from "../../../seeds/demo";

forEachDatabase("staff inbox", (ctx) => {
  let app: Express;
  let logins: DemoLogins;
  let teacher: Staff;

  before(async function () {
    this.timeout(180_000);
    ({ app, logins } = await demoApp(ctx.db));
    const { email } = staffLogin(logins, "class_teacher");
    teacher = await ctx.db.ds.getRepository(Staff).findOneByOrFail({ email });
    await inTransaction(ctx.db.ds, (em) =>
      notifyStaff(em, teacher.id, "offer.expired", { child: "测试孩子", club: "合唱团", link: "/attendance" }),
    );
  });

  it("When a class teacher opens /notifications, then their own notice is there with its link, and the nav offers the page", async () => {
    const agent = await loginAs(app, staffLogin(logins, "class_teacher"));
    const page = await agent.get("/notifications").expect(200);
    expect(page.text).to.contain("合唱团");
    expect(page.text).to.contain('href="/attendance"');
    expect(page.text).to.match(/<a href="\/notifications" class="active">/);
  });

  it("When the class teacher marks all read, then their row is read and the action is audited", async () => {
    const agent = await loginAs(app, staffLogin(logins, "class_teacher"));
    const page = await agent.get("/notifications");
    await agent
      .post("/notifications/read")
      .type("form")
      .send({ _csrf: csrfFrom(page.text) })
      .expect(302);
    const row = await ctx.db.ds.getRepository(Notification).findOneByOrFail({ staffId: teacher.id });
    expect(row.readAt).to.be.a("string");
  });

  it("When another staff member or a family opens /notifications, then the teacher's notice is not theirs to see", async () => {
    for (const creds of [staffLogin(logins, "admin"), staffLogin(logins, "teacher")]) {
      const agent = await loginAs(app, creds);
      const page = await agent.get("/notifications").expect(200);
      expect(page.text).to.not.contain("合唱团");
    }
    const family = await loginAs(app, familyLogin(logins, 0));
    const privacy = await family.get("/privacy");
    await family
      .post("/privacy/accept")
      .type("form")
      .send({ _csrf: csrfFrom(privacy.text), accept: "1" });
    const page = await family.get("/notifications").expect(200);
    expect(page.text).to.not.contain("测试孩子");
  });
});
