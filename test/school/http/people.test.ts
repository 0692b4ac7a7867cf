import { expect } from "chai";
import type { Express } from "express";
import { forEachDatabase } from "../../support/databases";
import { demoApp, staffLogin } from "../../support/demo-app";
import { csrfFrom, loginAs, Agent } from "../../support/http";
import { Family, SchoolClass, Staff, Student } from "../../../src/db/entities";

forEachDatabase("school set-up: classes, families and students", (ctx) => {
  let app: Express;
  let admin: Agent;
  let token: string;
  let class3: SchoolClass;
  before(async function () {
    this.timeout(120_000);
    const demo = await demoApp(ctx.db);
    app = demo.app;
    admin = await loginAs(app, staffLogin(demo.logins, "admin"));
    token = csrfFrom((await admin.get("/admin/classes/new")).text);
    class3 = await ctx.db.ds.getRepository(SchoolClass).findOneByOrFail({ grade: 3, name: "三年级(2)班" });
  });
  const post = (path: string, body: Record<string, unknown>) =>
    admin
      .post(path)
      .type("form")
      .send({ ...body, _csrf: token });
  const count = (entity: typeof Student | typeof Family | typeof SchoolClass) =>
    ctx.db.ds.getRepository(entity).count();

  describe("classes", () => {
    it("When the class form is invalid, names a taken class or a teacher who is not a class teacher, then it answers 400 on that field and adds nothing", async () => {
      const before = await count(SchoolClass);
      const bad = await post("/admin/classes", { name: "", grade: "7", classTeacherId: "abc" });
      expect(bad.status).to.equal(400);
      for (const field of ["name", "grade", "classTeacherId"]) expect(bad.text).to.contain(`id="err-${field}"`);
      const taken = await post("/admin/classes", { name: "三年级(2)班", grade: "3", classTeacherId: "" });
      expect(taken.text).to.contain('id="err-name"');
      const teacher = await ctx.db.ds.getRepository(Staff).findOneByOrFail({ staffNumber: "T001" });
      const notClassTeacher = await post("/admin/classes", {
        name: "三年级(5)班",
        grade: "3",
        classTeacherId: String(teacher.id),
      });
      expect(notClassTeacher.status).to.equal(400);
      expect(notClassTeacher.text).to.contain('id="err-classTeacherId"');
      expect(await count(SchoolClass)).to.equal(before);
    });

    it("When a class is created and edited, then it is listed under its grade with its class teacher, and the list is searchable", async () => {
      const bzr = await ctx.db.ds.getRepository(Staff).findOneByOrFail({ staffNumber: "B31" });
      const res = await post("/admin/classes", { name: "三年级(5)班", grade: "3", classTeacherId: String(bzr.id) });
      expect(res.status).to.equal(302);
      const cls = await ctx.db.ds.getRepository(SchoolClass).findOneByOrFail({ name: "三年级(5)班" });
      expect(cls.classTeacherId).to.equal(bzr.id);
      await post(`/admin/classes/${cls.id}`, { name: "三年级(6)班", grade: "3", classTeacherId: "" });
      const list = await admin.get("/admin/classes?grade=3");
      expect(list.text).to.contain("三年级(6)班");
      expect(list.text).to.not.contain("四年级(1)班");
      const search = await admin.get("/admin/classes?q=(6)");
      expect(search.text).to.contain("三年级(6)班");
      expect(search.text).to.not.contain("三年级(1)班");
    });
  });

  describe("families and students", () => {
    it("When a new family's child has a bad number, a taken number, no class or a bad phone, then it answers 400 naming each field and adds nothing", async () => {
      const [students, families] = [await count(Student), await count(Family)];
      const res = await post("/admin/families", {
        studentNumber: "1.23457E+18",
        name: "",
        classId: "",
        guardianName: "",
        phone: "12345",
      });
      expect(res.status).to.equal(400);
      for (const field of ["studentNumber", "name", "classId", "guardianName", "phone"])
        expect(res.text).to.contain(`id="err-${field}"`);
      const existing = await ctx.db.ds.getRepository(Student).findOneByOrFail({ classId: class3.id });
      const taken = await post("/admin/families", {
        studentNumber: existing.studentNumber,
        name: "重名",
        classId: String(class3.id),
        guardianName: "家长",
        phone: "",
      });
      expect(taken.status).to.equal(400);
      expect(taken.text).to.contain('id="err-studentNumber"');
      expect([await count(Student), await count(Family)]).to.deep.equal([students, families]);
    });

    it("When a family is created with a 19-digit 学籍号 and a leading-zero number, then both are kept as text exactly", async () => {
      const res = await post("/admin/families", {
        studentNumber: "2010010112345678901",
        name: "李华",
        classId: String(class3.id),
        guardianName: "李强",
        phone: "138-0013-8000",
        familyKey: "",
      });
      expect(res.status).to.equal(302);
      const child = await ctx.db.ds
        .getRepository(Student)
        .findOneOrFail({ where: { studentNumber: "2010010112345678901" }, relations: { family: true } });
      expect(child.family.familyKey).to.equal("F2010010112345678901");
      expect(child.family.phone).to.equal("13800138000");
      const sibling = await post(`/admin/families/${child.familyId}/children`, {
        studentNumber: "000123",
        name: "李小华",
        classId: String(class3.id),
      });
      expect(sibling.status).to.equal(302);
      const second = await ctx.db.ds.getRepository(Student).findOneByOrFail({ studentNumber: "000123" });
      expect(second.familyId).to.equal(child.familyId);
    });

    it("When a child is edited with bad values, then nothing changes; with good values, the child moves class", async () => {
      const child = await ctx.db.ds.getRepository(Student).findOneByOrFail({ studentNumber: "000123" });
      const bad = await post(`/admin/families/${child.familyId}/children/${child.id}`, {
        studentNumber: "00 1 2 3 !",
        name: "x",
        classId: "999999",
      });
      expect(bad.status).to.equal(400);
      expect(bad.text).to.contain('id="err-studentNumber"');
      const other = await ctx.db.ds.getRepository(SchoolClass).findOneByOrFail({ name: "四年级(1)班" });
      const badClass = await post(`/admin/families/${child.familyId}/children/${child.id}`, {
        studentNumber: "000123",
        name: "李小华",
        classId: "999999",
      });
      expect(badClass.text).to.contain('id="err-classId"');
      const ok = await post(`/admin/families/${child.familyId}/children/${child.id}`, {
        studentNumber: "000123",
        name: "李小华",
        classId: String(other.id),
      });
      expect(ok.status).to.equal(302);
      expect((await ctx.db.ds.getRepository(Student).findOneByOrFail({ id: child.id })).classId).to.equal(other.id);
    });

    it("When the family form changes the key to a taken one, then it is refused; guardian and phone can change", async () => {
      const child = await ctx.db.ds.getRepository(Student).findOneByOrFail({ studentNumber: "000123" });
      const other = await ctx.db.ds.getRepository(Family).findOneOrFail({ where: {}, order: { id: "ASC" } });
      const taken = await post(`/admin/families/${child.familyId}`, {
        familyKey: other.familyKey,
        guardianName: "李强",
        phone: "",
      });
      expect(taken.status).to.equal(400);
      expect(taken.text).to.contain('id="err-familyKey"');
      const ok = await post(`/admin/families/${child.familyId}`, {
        familyKey: "LI-01",
        guardianName: "李强强",
        phone: "02162345678",
      });
      expect(ok.status).to.equal(302);
      const family = await ctx.db.ds.getRepository(Family).findOneByOrFail({ id: child.familyId });
      expect([family.familyKey, family.guardianName, family.phone]).to.deep.equal(["LI-01", "李强强", "02162345678"]);
    });

    it("When the family list is searched by a child's name, student number or the guardian, then it finds the family with all its children", async () => {
      for (const q of ["李小华", "2010010112345678901", "李强强"]) {
        const res = await admin.get(`/admin/families?q=${encodeURIComponent(q)}`);
        expect(res.status).to.equal(200);
        expect(res.text).to.contain("LI-01");
        expect(res.text).to.contain("000123");
        expect(res.text).to.contain("2010010112345678901");
      }
      const page = await admin.get("/admin/families");
      expect(page.text).to.match(/第 1 \/ \d+ 页/);
      expect((await admin.get("/admin/families?page=2")).text).to.match(/第 2 \/ \d+ 页/);
      expect((await admin.get("/admin/families?q=nobody-like-this")).text).to.contain("没有符合条件的记录");
    });

    it("When a class page is opened, then it lists its children with their guardians", async () => {
      const res = await admin.get(`/admin/classes/${class3.id}`);
      expect(res.status).to.equal(200);
      expect(res.text).to.contain("2010010112345678901");
      expect(res.text).to.contain("李强强");
    });
  });
});
