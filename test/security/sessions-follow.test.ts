import { expect } from "chai";
import type { Express } from "express";
import { forEachDatabase } from "../support/databases";
import { demoApp, familyLogin, staffLogin } from "../support/demo-app";
import { Agent, csrfFrom, formToken, loginAs } from "../support/http";
import { advanceClock, DAY_MS, HOUR_MS, restoreClock } from "../support/clock";
import { Staff, Student } from "../../src/db/entities";
import { ImportBatch } from "../../src/school/entities";
import type { DemoLogins } from "../../seeds/demo";

// Logged in = the home page does not send the visitor to the login form.
async function loggedIn(agent: Agent): Promise<boolean> {
  const res = await agent.get("/");
  return !(res.status === 302 && String(res.headers.location).startsWith("/login"));
}

forEachDatabase("security: sessions follow the account", (ctx) => {
  let app: Express;
  let logins: DemoLogins;
  let admin: Agent;
  let password: string;
  before(async function () {
    this.timeout(180_000);
    ({ app, logins } = await demoApp(ctx.db));
    admin = await loginAs(app, staffLogin(logins, "admin"));
    password = staffLogin(logins, "teacher").password;
  });
  afterEach(() => restoreClock());

  const staffId = async (email: string) => (await ctx.db.ds.getRepository(Staff).findOneByOrFail({ email })).id;
  const adminPost = async (path: string, body: Record<string, unknown> = {}) =>
    admin
      .post(path)
      .type("form")
      .send({ ...body, _csrf: await formToken(admin, "/admin/staff/new") });

  it("When an admin disables a staff member, then that member's open session ends at once", async () => {
    const email = "teacher02@kehou.demo";
    const teacher = await loginAs(app, { email, password });
    expect(await loggedIn(teacher)).to.equal(true);
    expect((await adminPost(`/admin/staff/${await staffId(email)}/active`, { active: "0" })).status).to.equal(302);
    expect(await loggedIn(teacher)).to.equal(false);
    expect((await teacher.get("/login")).text).to.contain("登录已失效，请重新登录。");
  });

  it("When an admin resets a staff member's password, then that member's open sessions end at once", async () => {
    const email = "teacher03@kehou.demo";
    const teacher = await loginAs(app, { email, password });
    expect((await adminPost(`/admin/staff/${await staffId(email)}/password`)).status).to.equal(200);
    expect(await loggedIn(teacher)).to.equal(false);
  });

  it("When an import turns a class teacher into a teacher, then the open session loses the class teacher's pages at once", async () => {
    const email = "bzr.g3c1@kehou.demo";
    const classTeacher = await loginAs(app, { email, password });
    expect((await classTeacher.get("/admin/codes")).status).to.equal(200);
    const stored = await ctx.db.ds.getRepository(Staff).findOneByOrFail({ email });
    const csv = Buffer.from(
      `工号,姓名,类型,邮箱,审查日期,可用日\n${stored.staffNumber},${stored.name},teacher,${email},,\n`,
      "utf8",
    );
    const token = csrfFrom((await admin.get("/admin/import")).text);
    const preview = await admin
      .post(`/admin/import/staff?_csrf=${encodeURIComponent(token)}`)
      .attach("file", csv, "staff.csv");
    expect(preview.status).to.equal(302);
    const batch = await ctx.db.ds
      .getRepository(ImportBatch)
      .findOneByOrFail({ id: Number(/(\d+)$/.exec(preview.headers.location)![1]) });
    expect(
      (
        await admin
          .post(`/admin/import/batch/${batch.id}/commit`)
          .type("form")
          .send({ _csrf: token, hash: batch.fileHash })
      ).status,
    ).to.equal(302);
    expect((await ctx.db.ds.getRepository(Staff).findOneByOrFail({ email })).role).to.equal("teacher");
    const after = await classTeacher.get("/admin/codes");
    expect(after.status).to.not.equal(200);
    expect(await loggedIn(classTeacher)).to.equal(false);
  });

  it("When a staff member changes their own password, then their other sessions end, this one stays, and a short or common password is refused", async () => {
    const email = "teacher04@kehou.demo";
    const here = await loginAs(app, { email, password });
    const there = await loginAs(app, { email, password });
    const token = await formToken(here, "/account/password");
    const change = (body: Record<string, string>) =>
      here
        .post("/account/password")
        .type("form")
        .send({ _csrf: token, ...body });
    const wrongCurrent = await change({
      current: "not-the-password",
      password: "a fresh and long one",
      confirm: "a fresh and long one",
    });
    expect(wrongCurrent.status).to.equal(400);
    expect(wrongCurrent.text).to.contain('id="err-current"');
    const short = await change({ current: password, password: "short-pw-11", confirm: "short-pw-11" });
    expect(short.status).to.equal(400);
    expect(short.text).to.contain('id="err-password"');
    const common = await change({ current: password, password: "qwerty123456", confirm: "qwerty123456" });
    expect(common.status).to.equal(400);
    expect(common.text).to.contain('id="err-password"');
    expect(
      (await change({ current: password, password: "a fresh and long one", confirm: "a fresh and long one" })).status,
    ).to.equal(302);
    expect(await loggedIn(here)).to.equal(true);
    expect(await loggedIn(there)).to.equal(false);
    await loginAs(app, { email, password: "a fresh and long one" });
  });

  it("When a family logs out everywhere, then every session of the family ends", async () => {
    const phone = await loginAs(app, familyLogin(logins, 1));
    const laptop = await loginAs(app, familyLogin(logins, 1));
    expect(await loggedIn(laptop)).to.equal(true);
    const res = await phone
      .post("/account/logout-everywhere")
      .type("form")
      .send({ _csrf: await formToken(phone, "/privacy") });
    expect(res.status).to.equal(302);
    expect(await loggedIn(phone)).to.equal(false);
    expect(await loggedIn(laptop)).to.equal(false);
  });

  it("When a staff member is idle for 13 hours, then the session has ended (staff idle lifetime 12 h)", async () => {
    const teacher = await loginAs(app, { email: "teacher05@kehou.demo", password });
    advanceClock(11 * HOUR_MS);
    expect(await loggedIn(teacher)).to.equal(true);
    advanceClock(13 * HOUR_MS);
    expect(await loggedIn(teacher)).to.equal(false);
  });

  it("When a staff member stays active, then the session still ends 7 days after login (absolute lifetime)", async function () {
    this.timeout(60_000);
    const teacher = await loginAs(app, { email: "teacher06@kehou.demo", password });
    const seen: boolean[] = [];
    for (let step = 1; step <= 17; step++) {
      advanceClock(10 * HOUR_MS);
      seen.push(await loggedIn(teacher));
    }
    expect(seen.slice(0, 16).every(Boolean), `logged in after each 10 h: ${String(seen)}`).to.equal(true);
    expect(seen[16]).to.equal(false);
  });

  it("When an admin is idle for 3 hours, or active for 13 hours, then the session has ended (2 h / 12 h)", async function () {
    this.timeout(60_000);
    const idle = await loginAs(app, staffLogin(logins, "admin"));
    const active = await loginAs(app, staffLogin(logins, "admin"));
    advanceClock(90 * 60_000);
    expect(await loggedIn(idle)).to.equal(true);
    advanceClock(150 * 60_000);
    expect(await loggedIn(idle)).to.equal(false);
    restoreClock();
    const seen: boolean[] = [];
    for (let step = 1; step <= 9; step++) {
      advanceClock(90 * 60_000);
      seen.push(await loggedIn(active));
    }
    expect(seen.slice(0, 7).every(Boolean), `logged in after each 90 min: ${String(seen)}`).to.equal(true);
    expect(seen[8]).to.equal(false);
  });

  it("When a family comes back every 20 days, then the session lasts until 90 days after login (30 d idle / 90 d)", async function () {
    this.timeout(60_000);
    const family = await loginAs(app, familyLogin(logins, 1));
    const seen: boolean[] = [];
    for (let step = 1; step <= 5; step++) {
      advanceClock(20 * DAY_MS);
      seen.push(await loggedIn(family));
    }
    expect(seen).to.deep.equal([true, true, true, true, false]);
    restoreClock();
    const idle = await loginAs(app, familyLogin(logins, 1));
    advanceClock(31 * DAY_MS);
    expect(await loggedIn(idle)).to.equal(false);
  });

  // Last: it deletes the demo's one-child family.
  it("When an admin deletes a family's last child, then the family's open session ends at once", async () => {
    const creds = familyLogin(logins, 0);
    const family = await loginAs(app, creds);
    expect(await loggedIn(family)).to.equal(true);
    const student = await ctx.db.ds.getRepository(Student).findOneByOrFail({ studentNumber: creds.studentNumber });
    const token = await formToken(admin, `/admin/students/${student.id}/delete`);
    const res = await admin
      .post(`/admin/students/${student.id}/delete`)
      .type("form")
      .send({ _csrf: token, confirmNumber: creds.studentNumber, reason: "家长申请删除数据" });
    expect(res.status).to.equal(302);
    expect(await loggedIn(family)).to.equal(false);
  });
});
