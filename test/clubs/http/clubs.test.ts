import { expect } from "chai";
import request from "supertest";
import type { Express } from "express";
import { forEachDatabase } from "../../support/databases";
import { demoApp, familyLogin, staffLogin } from "../../support/demo-app";
import { formToken, loginAs, Agent } from "../../support/http";
import { AuditEntry, Club, Staff, Venue } from "../../../src/db/entities";

forEachDatabase("clubs", (ctx) => {
  let app: Express;
  let admin: Agent;
  let teacher: Agent;
  let family: Agent;
  let venueId: number;
  let staffId: number;

  before(async function () {
    this.timeout(120_000);
    const demo = await demoApp(ctx.db);
    app = demo.app;
    admin = await loginAs(app, staffLogin(demo.logins, "admin"));
    teacher = await loginAs(app, staffLogin(demo.logins, "teacher"));
    family = await loginAs(app, familyLogin(demo.logins, 0));
    venueId = (await ctx.db.ds.getRepository(Venue).findOneByOrFail({ name: "美术教室" })).id;
    staffId = (await ctx.db.ds.getRepository(Staff).findOneByOrFail({ staffNumber: "T030" })).id;
  });

  const clubs = () => ctx.db.ds.getRepository(Club);
  const audits = () => ctx.db.ds.getRepository(AuditEntry).count();
  const snapshot = async () => JSON.stringify(await clubs().find({ order: { id: "ASC" } }));
  const post = async (path: string, body: Record<string, unknown>) =>
    admin
      .post(path)
      .type("form")
      .send({ ...body, _csrf: await formToken(admin, "/admin/clubs/new") });
  const valid = () => ({
    code: "pottery",
    name: "陶艺",
    category: "crafts",
    description: "泥条盘筑与拉坯。",
    grades: ["3", "4"],
    minSize: "6",
    maxSize: "20",
    staffId: String(staffId),
    venueId: String(venueId),
  });

  it("When the admin opens the club list, then it shows cards, 12 to a page, with a pager", async () => {
    const res = await admin.get("/admin/clubs");
    expect(res.status).to.equal(200);
    expect(res.text.match(/class="club-card /g)).to.have.length(12);
    expect(res.text).to.contain("第 1 / 2 页");
    const page2 = await admin.get("/admin/clubs?page=2");
    expect(page2.text.match(/class="club-card /g)).to.have.length(11);
  });

  it("When the list is filtered by category and grade, then only matching clubs show", async () => {
    const sports = await admin.get("/admin/clubs?category=sports");
    expect(sports.text).to.contain("足球").and.to.contain("乒乓球");
    expect(sports.text).to.not.contain("少儿合唱");
    const grade1 = await admin.get("/admin/clubs?grade=1");
    expect(grade1.text).to.contain("绘本阅读").and.to.contain("跳绳");
    expect(grade1.text).to.not.contain("围棋");
    const both = await admin.get("/admin/clubs?category=thinking&grade=1");
    expect(both.text).to.contain("珠心算");
    expect(both.text).to.not.contain("国际象棋");
    const junk = await admin.get("/admin/clubs?category=<script>&grade=9&page=x");
    expect(junk.status).to.equal(200);
  });

  it("When the new club form has a bad field, then it answers 400 naming that field and creates nothing", async () => {
    const cases: [string, Record<string, unknown>][] = [
      ["name", { name: "" }],
      ["name", { name: "陶\u0000艺" }],
      ["code", { code: "bad code!" }],
      ["code", { code: "choir" }],
      ["category", { category: "cooking" }],
      ["grades", { grades: [] }],
      ["grades", { grades: ["0", "7"] }],
      ["minSize", { minSize: "abc" }],
      ["maxSize", { maxSize: "0" }],
      ["minSize", { minSize: "25", maxSize: "20" }],
      ["staffId", { staffId: "999999" }],
      ["staffId", { staffId: "x" }],
      ["venueId", { venueId: "999999" }],
    ];
    const [before, auditBefore] = [await snapshot(), await audits()];
    for (const [field, change] of cases) {
      const res = await post("/admin/clubs", { ...valid(), ...change });
      expect(res.status, `${field} ${JSON.stringify(change)}`).to.equal(400);
      // A control character is refused before the form is read (http/body-check.ts): the error page names the field.
      const named = JSON.stringify(change).includes("\\u0000") ? `字段“${field}”含有控制字符` : `id="err-${field}"`;
      expect(res.text, `${field} ${JSON.stringify(change)}`).to.contain(named);
    }
    expect(await snapshot()).to.equal(before);
    expect(await audits()).to.equal(auditBefore);
  });

  it("When the admin creates a valid club, then it is saved in the current term and audit-logged", async () => {
    const res = await post("/admin/clubs", valid());
    expect(res.status).to.equal(302);
    const club = await clubs().findOneByOrFail({ code: "pottery" });
    expect(club).to.include({
      name: "陶艺",
      category: "crafts",
      minSize: 6,
      maxSize: 20,
      staffId,
      venueId,
      cancelled: false,
    });
    expect(club.grades).to.deep.equal([3, 4]);
    const audit = await ctx.db.ds
      .getRepository(AuditEntry)
      .findOneByOrFail({ action: "club.create", entityId: String(club.id) });
    expect(audit.details).to.include({ code: "pottery" });
  });

  it("When an edit is invalid, then it answers 400 and the club is unchanged; when valid, it is saved and audited", async () => {
    const club = await clubs().findOneByOrFail({ code: "painting" });
    const before = await snapshot();
    const bad = await post(`/admin/clubs/${club.id}`, { ...valid(), code: "painting", minSize: "50", maxSize: "30" });
    expect(bad.status).to.equal(400);
    expect(bad.text).to.contain('id="err-minSize"');
    expect(await snapshot()).to.equal(before);

    const ok = await post(`/admin/clubs/${club.id}`, {
      ...valid(),
      code: "painting",
      name: "创意绘画",
      venueId: String(club.venueId),
      maxSize: "30",
    });
    expect(ok.status).to.equal(302);
    const after = await clubs().findOneByOrFail({ id: club.id });
    expect(after).to.include({ name: "创意绘画", maxSize: 30, staffId });
    expect(
      await ctx.db.ds.getRepository(AuditEntry).countBy({ action: "club.update", entityId: String(club.id) }),
    ).to.equal(1);
  });

  it("When a bigger maximum would not fit a room the club meets in, then the edit is refused with the explanation", async () => {
    const choir = await clubs().findOneByOrFail({ code: "choir" });
    const before = await snapshot();
    const res = await post(`/admin/clubs/${choir.id}`, {
      code: "choir",
      name: choir.name,
      category: choir.category,
      description: choir.description,
      grades: choir.grades.map(String),
      minSize: String(choir.minSize),
      maxSize: "60",
      staffId: String(choir.staffId),
      venueId: String(choir.venueId),
    });
    expect(res.status).to.equal(409);
    expect(res.text).to.contain("场地 音乐教室 只能容纳 45 人，但该活动最多 60 人。");
    expect(res.text).to.contain('id="err-maxSize"');
    expect(await snapshot()).to.equal(before);
  });

  it("When the admin cancels a club, then a confirmation comes first, the cancel is audited with its reason, and restore undoes it", async () => {
    const chess = await clubs().findOneByOrFail({ code: "chess" });
    const confirm = await admin.get(`/admin/clubs/${chess.id}/cancel`);
    expect(confirm.status).to.equal(200);
    expect(confirm.text).to.contain(`action="/admin/clubs/${chess.id}/cancel"`);
    expect((await clubs().findOneByOrFail({ id: chess.id })).cancelled).to.equal(false);

    const cancel = await post(`/admin/clubs/${chess.id}/cancel`, { reason: "报名人数不足" });
    expect(cancel.status).to.equal(302);
    expect((await clubs().findOneByOrFail({ id: chess.id })).cancelled).to.equal(true);
    const audit = await ctx.db.ds
      .getRepository(AuditEntry)
      .findOneByOrFail({ action: "club.cancel", entityId: String(chess.id) });
    expect(audit.reason).to.equal("报名人数不足");
    const list = await admin.get("/admin/clubs?category=thinking");
    expect(list.text).to.contain(`action="/admin/clubs/${chess.id}/restore"`);

    const restore = await post(`/admin/clubs/${chess.id}/restore`, {});
    expect(restore.status).to.equal(302);
    expect((await clubs().findOneByOrFail({ id: chess.id })).cancelled).to.equal(false);
    expect(
      await ctx.db.ds.getRepository(AuditEntry).countBy({ action: "club.restore", entityId: String(chess.id) }),
    ).to.equal(1);
  });

  it("When someone other than an admin asks for the club pages, then they are refused", async () => {
    expect((await teacher.get("/admin/clubs")).status).to.equal(403);
    expect((await family.get("/admin/clubs/new")).status).to.be.oneOf([302, 403]);
    expect((await request(app).get("/admin/clubs")).status).to.equal(302);
    const token = await formToken(teacher, "/");
    expect(
      (
        await teacher
          .post("/admin/clubs")
          .type("form")
          .send({ ...valid(), code: "sneaky", _csrf: token })
      ).status,
    ).to.equal(403);
    expect(await clubs().countBy({ code: "sneaky" })).to.equal(0);
  });

  it("When a club id is not a number or not in the term, then the answer is 404, not 500", async () => {
    expect((await admin.get("/admin/clubs/abc/edit")).status).to.equal(404);
    expect((await admin.get("/admin/clubs/999999/cancel")).status).to.equal(404);
    expect((await post("/admin/clubs/999999/restore", {})).status).to.equal(404);
  });
});
