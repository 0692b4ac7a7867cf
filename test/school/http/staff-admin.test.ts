import { expect } from "chai";
import request from "supertest";
import type { Express } from "express";
import { forEachDatabase } from "../../support/databases";
import { demoApp, staffLogin } from "../../support/demo-app";
import { csrfFrom, formToken, loginAs, Agent } from "../../support/http";
import { AuditEntry, Staff } from "../../../src/db/entities";

forEachDatabase("staff accounts", (ctx) => {
  let app: Express;
  let admin: Agent;
  before(async function () {
    this.timeout(120_000);
    const demo = await demoApp(ctx.db);
    app = demo.app;
    admin = await loginAs(app, staffLogin(demo.logins, "admin"));
  });

  const post = async (path: string, body: Record<string, unknown>) =>
    admin
      .post(path)
      .type("form")
      .send({ ...body, _csrf: await formToken(admin, "/admin/staff/new") });

  it("When the admin opens the staff list, then it is paginated and searchable", async () => {
    const page1 = await admin.get("/admin/staff");
    expect(page1.status).to.equal(200);
    expect(page1.text).to.contain("第 1 / 3 页");
    const search = await admin.get("/admin/staff?q=external02");
    expect(search.text).to.contain("E002");
    expect(search.text).to.not.contain("T001");
  });

  it("When the new staff form is invalid, then it re-renders with 400, names each field, and creates nothing", async () => {
    const before = await ctx.db.ds.getRepository(Staff).count();
    const res = await post("/admin/staff", {
      staffNumber: "bad number!",
      name: "",
      email: "not-an-email",
      role: "external",
      password: "short",
      vettedOn: "",
    });
    expect(res.status).to.equal(400);
    for (const field of ["staffNumber", "name", "email", "password", "vettedOn"])
      expect(res.text).to.contain(`id="err-${field}"`);
    expect(await ctx.db.ds.getRepository(Staff).count()).to.equal(before);
  });

  it("When the staff number is already taken, then the form says so on that field", async () => {
    const res = await post("/admin/staff", {
      staffNumber: "T001",
      name: "重复",
      email: "",
      role: "teacher",
      password: "",
      vettedOn: "",
    });
    expect(res.status).to.equal(400);
    expect(res.text).to.contain('id="err-staffNumber"');
  });

  it("When a new staff password has fewer than 12 characters or is a common one, then the form refuses it on that field and creates nobody", async () => {
    for (const password of ["abcdefgh-11", "qwerty123456", "Password123456"]) {
      const res = await post("/admin/staff", {
        staffNumber: "T950",
        name: "弱密码",
        email: "weak.pw@kehou.demo",
        role: "teacher",
        password,
        vettedOn: "",
      });
      expect(res.status, password).to.equal(400);
      expect(res.text).to.contain('id="err-password"');
    }
    expect(await ctx.db.ds.getRepository(Staff).existsBy({ staffNumber: "T950" })).to.equal(false);
  });

  it("When the admin creates, disables and re-enables an account, then logins follow and each step is audited", async () => {
    const res = await post("/admin/staff", {
      staffNumber: "T900",
      name: "新老师",
      email: "new.teacher@kehou.demo",
      role: "teacher",
      password: "a-long-password",
      vettedOn: "",
      availableDays: ["1", "3"],
    });
    expect(res.status).to.equal(302);
    const staff = await ctx.db.ds.getRepository(Staff).findOneByOrFail({ staffNumber: "T900" });
    expect(staff.availableDays).to.deep.equal([1, 3]);
    await loginAs(app, { email: "new.teacher@kehou.demo", password: "a-long-password" });

    await post(`/admin/staff/${staff.id}/active`, { active: "0" });
    let failed = false;
    await loginAs(app, { email: "new.teacher@kehou.demo", password: "a-long-password" }).catch(() => {
      failed = true;
    });
    expect(failed).to.equal(true);

    await post(`/admin/staff/${staff.id}/active`, { active: "1" });
    await loginAs(app, { email: "new.teacher@kehou.demo", password: "a-long-password" });
    const actions = (
      await ctx.db.ds.getRepository(AuditEntry).findBy({ entity: "staff", entityId: String(staff.id) })
    ).map((a) => a.action);
    expect(actions).to.include.members(["staff.create", "staff.disable", "staff.enable"]);
  });

  it("When the admin resets a password, then the new one is shown once and works, and the old one does not", async () => {
    const staff = await ctx.db.ds.getRepository(Staff).findOneByOrFail({ staffNumber: "T002" });
    const res = await post(`/admin/staff/${staff.id}/password`, {});
    expect(res.status).to.equal(200);
    const password = /class="secret mono">([^<]+)</.exec(res.text)![1];
    await loginAs(app, { email: staff.email!, password });
    let failed = false;
    await loginAs(app, { email: staff.email!, password: "kehou-demo-2026" }).catch(() => {
      failed = true;
    });
    expect(failed).to.equal(true);
  });

  it("When a staff route gets an id that is not a number or does not exist, then it answers 404, not 500", async () => {
    expect((await post("/admin/staff/abc/active", { active: "0" })).status).to.equal(404);
    expect((await post("/admin/staff/999999/password", {})).status).to.equal(404);
  });

  it("When the audit log is opened, then it lists changes newest first with who did them", async () => {
    const res = await admin.get("/admin/audit?action=staff.");
    expect(res.status).to.equal(200);
    expect(res.text).to.contain("staff.create");
    const anon = await request(app).get("/admin/audit");
    expect(anon.status).to.equal(302);
  });

  it("When the privacy export is requested, then the admin gets the child's data as JSON", async () => {
    const [row] = await ctx.db.ds.query<{ id: number; studentNumber: string }[]>(
      `SELECT id, "studentNumber" FROM student ORDER BY id LIMIT 1`,
    );
    const res = await admin.get(`/admin/students/${row.id}/export.json`);
    expect(res.status).to.equal(200);
    expect(res.headers["content-disposition"]).to.contain("attachment");
    expect((res.body as { student: { studentNumber: string } }).student.studentNumber).to.equal(row.studentNumber);
  });

  it("When the admin deletes a child's data, then a confirmation and a reason are required, and then the child is gone", async () => {
    const [row] = await ctx.db.ds.query<{ id: number; studentNumber: string }[]>(
      `SELECT id, "studentNumber" FROM student ORDER BY id DESC LIMIT 1`,
    );
    const page = await admin.get(`/admin/students/${row.id}/delete`);
    const token = csrfFrom(page.text);
    const bad = await admin
      .post(`/admin/students/${row.id}/delete`)
      .type("form")
      .send({ _csrf: token, confirmNumber: "000", reason: "" });
    expect(bad.status).to.equal(400);
    expect(bad.text).to.contain('id="err-reason"');
    const still = await ctx.db.ds.query<{ n: number | string }[]>(
      `SELECT COUNT(*) AS n FROM student WHERE id = ${row.id}`,
    );
    expect(Number(still[0].n)).to.equal(1);
    const ok = await admin
      .post(`/admin/students/${row.id}/delete`)
      .type("form")
      .send({ _csrf: token, confirmNumber: row.studentNumber, reason: "家长书面申请删除" });
    expect(ok.status).to.equal(302);
    const gone = await ctx.db.ds.query<{ n: number | string }[]>(
      `SELECT COUNT(*) AS n FROM student WHERE id = ${row.id}`,
    );
    expect(Number(gone[0].n)).to.equal(0);
    const audit = await ctx.db.ds
      .getRepository(AuditEntry)
      .findOneByOrFail({ action: "privacy.delete-child", entityId: String(row.id) });
    expect(audit.reason).to.equal("家长书面申请删除");
  });
});
