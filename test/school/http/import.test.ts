import { expect } from "chai";
import type { Express } from "express";
import { forEachDatabase } from "../../support/databases";
import { demoApp, staffLogin } from "../../support/demo-app";
import { csrfFrom, loginAs, Agent } from "../../support/http";
import { fixtureFile } from "../../fixtures/import/builders";
import { AuditEntry, Club, Family, SchoolClass, Staff, Student, Term } from "../../../src/db/entities";
import { ImportBatch } from "../../../src/school/entities";

forEachDatabase("school set-up: imports over HTTP", (ctx) => {
  let app: Express;
  let admin: Agent;
  let token: string;
  before(async function () {
    this.timeout(120_000);
    const demo = await demoApp(ctx.db);
    app = demo.app;
    admin = await loginAs(app, staffLogin(demo.logins, "admin"));
    token = csrfFrom((await admin.get("/admin/import")).text);
    // The fixtures' classes, created through the class form.
    for (const [name, grade] of [
      ["一(1)班", 1],
      ["二(1)班", 2],
      ["三(2)班", 3],
      ["四(1)班", 4],
      ["五(3)班", 5],
      ["六(1)班", 6],
    ] as const) {
      const res = await admin
        .post("/admin/classes")
        .type("form")
        .send({ name, grade: String(grade), classTeacherId: "", _csrf: token });
      expect(res.status).to.equal(302);
    }
  });
  // Multipart, with the CSRF token as a form field like the browser sends it.
  const upload = (kind: string, file: string, data = fixtureFile(file)) =>
    admin.post(`/admin/import/${kind}?_csrf=${encodeURIComponent(token)}`).attach("file", data, file);
  const form = (path: string, body: Record<string, unknown> = {}) =>
    admin
      .post(path)
      .type("form")
      .send({ ...body, _csrf: token });
  const batchOf = async (location: string) => {
    const id = Number(/\/admin\/import\/batch\/(\d+)$/.exec(location)![1]);
    return ctx.db.ds.getRepository(ImportBatch).findOneByOrFail({ id });
  };
  const commit = async (location: string) => {
    const batch = await batchOf(location);
    return form(`/admin/import/batch/${batch.id}/commit`, { hash: batch.fileHash });
  };
  const count = (name: string) => new RegExp(`data-count="${name}">(\\d+)<`);

  it("When a GB18030 CSV is uploaded, then the preview counts new children and families, and the commit imports them in one go", async () => {
    const res = await upload("students", "students-gb18030.csv");
    expect(res.status).to.equal(302);
    const preview = await admin.get(res.headers.location);
    expect(preview.text).to.match(/data-count="total">4</);
    expect(count("created").exec(preview.text)![1]).to.equal("4");
    expect(count("families-created").exec(preview.text)![1]).to.equal("3");
    expect(preview.text).to.contain("王䶮");
    expect(await ctx.db.ds.getRepository(Student).existsBy({ studentNumber: "0101" })).to.equal(false);

    const done = await commit(res.headers.location);
    expect(done.status).to.equal(302);
    expect((await admin.get(done.headers.location)).text).to.contain("新增 4 名");
    const child = await ctx.db.ds
      .getRepository(Student)
      .findOneOrFail({ where: { studentNumber: "0101" }, relations: { schoolClass: true, family: true } });
    expect([child.name, child.schoolClass.name, child.family.guardianName, child.family.phone]).to.deep.equal([
      "王䶮",
      "五(3)班",
      "王丽",
      "02162345678",
    ]);
    const f001 = await ctx.db.ds
      .getRepository(Family)
      .findOneOrFail({ where: { familyKey: "F001" }, relations: { students: true } });
    expect(f001.students.map((s) => s.studentNumber).sort()).to.deep.equal(["0012", "0013"]);
    const audit = await ctx.db.ds.getRepository(AuditEntry).findOneByOrFail({ action: "import.students" });
    expect(audit.details).to.include({ rows: 4, created: 4, familiesCreated: 3 });
  });

  it("When an XLSX has text ids with leading zeros and a 19-digit 学籍号, then they are stored exactly, and a known number is an update", async () => {
    const res = await upload("students", "students-text-ids.xlsx");
    expect(res.status).to.equal(302);
    const preview = await admin.get(res.headers.location);
    expect(count("created").exec(preview.text)![1]).to.equal("2");
    expect(count("updated").exec(preview.text)![1]).to.equal("1");
    expect(preview.text).to.contain("2010010112345678901");
    expect((await commit(res.headers.location)).status).to.equal(302);
    const numbers = (
      await ctx.db.ds.getRepository(Student).find({
        where: [
          { studentNumber: "2010010112345678901" },
          { studentNumber: "000000000000000123" },
          { studentNumber: "0012" },
        ],
        relations: { family: true },
      })
    )
      .map((s) => [s.studentNumber, s.family.familyKey])
      .sort();
    expect(numbers).to.deep.equal([
      ["000000000000000123", "0009"],
      ["0012", "007"],
      ["2010010112345678901", "0008"],
    ]);
  });

  it("When a file has bad rows, then nothing is imported and each problem is shown with its line number in words", async () => {
    const [students, batches] = [
      await ctx.db.ds.getRepository(Student).count(),
      await ctx.db.ds.getRepository(ImportBatch).count(),
    ];
    const res = await upload("students", "students-bad.csv");
    expect(res.status).to.equal(400);
    const lines = [...res.text.matchAll(/class="problem" data-line="(\d+)"/g)].map((m) => Number(m[1]));
    expect([...new Set(lines)]).to.deep.equal([3, 4, 6, 8, 9, 10]);
    for (const words of [
      "第 3 行",
      "年级“七”无效",
      "与第 2 行重复",
      "电话“12345”格式不正确",
      "找不到班级“二(9)班”",
      "科学计数法",
      "家庭 F001 在第 2 行",
    ]) {
      expect(res.text).to.contain(words);
    }
    expect(res.text).to.contain("姓名"); // the field, in words
    expect(await ctx.db.ds.getRepository(Student).count()).to.equal(students);
    expect(await ctx.db.ds.getRepository(ImportBatch).count()).to.equal(batches);
  });

  it("When the staff sheet is imported, then existing staff are updated by number (kind, email, vetting, weekdays)", async () => {
    const res = await upload("staff", "staff.csv");
    expect(res.status).to.equal(302);
    const preview = await admin.get(res.headers.location);
    expect(count("updated").exec(preview.text)![1]).to.equal("3");
    expect((await commit(res.headers.location)).status).to.equal(302);
    const t001 = await ctx.db.ds.getRepository(Staff).findOneByOrFail({ staffNumber: "T001" });
    expect([t001.name, t001.role, t001.email]).to.deep.equal(["李老师", "class_teacher", "li@school.cn"]);
    const e001 = await ctx.db.ds.getRepository(Staff).findOneByOrFail({ staffNumber: "E001" });
    expect([e001.role, e001.vettedOn, e001.availableDays, e001.email]).to.deep.equal([
      "external",
      "2026-08-20",
      [2, 4],
      "external01@kehou.demo",
    ]);
  });

  it("When the clubs sheet names a venue that exists, then clubs of the current term are created or updated with staff and venue", async () => {
    const missingVenue = await upload("clubs", "clubs.csv");
    expect(missingVenue.status).to.equal(400);
    expect(missingVenue.text).to.contain("找不到场地“操场”");
    expect(
      (await form("/admin/venues", { name: "操场", capacity: "300", indoor: "0", kind: "field" })).status,
    ).to.equal(302);
    const res = await upload("clubs", "clubs.csv");
    expect(res.status).to.equal(302);
    const preview = await admin.get(res.headers.location);
    expect([count("created").exec(preview.text)![1], count("updated").exec(preview.text)![1]]).to.deep.equal([
      "1",
      "2",
    ]);
    expect((await commit(res.headers.location)).status).to.equal(302);
    const term = await ctx.db.ds.getRepository(Term).findOneByOrFail({ current: true });
    const choir = await ctx.db.ds
      .getRepository(Club)
      .findOneOrFail({ where: { termId: term.id, name: "合唱团" }, relations: { staff: true, venue: true } });
    expect([
      choir.category,
      choir.grades,
      choir.minSize,
      choir.maxSize,
      choir.staff?.staffNumber,
      choir.venue?.name,
    ]).to.deep.equal(["arts", [3, 4, 5, 6], 8, 30, "T001", "音乐教室"]);
    expect(choir.code).to.match(/^club-[0-9a-f]{6}$/);
    const football = await ctx.db.ds
      .getRepository(Club)
      .findOneOrFail({ where: { termId: term.id, name: "足球" }, relations: { venue: true } });
    expect([football.maxSize, football.grades, football.venue?.name]).to.deep.equal([24, [3, 4, 5], "操场"]);
  });

  it("When a preview is committed twice, with a wrong hash, or by another admin, then nothing more happens", async () => {
    const res = await upload("staff", "staff.csv");
    const batch = await batchOf(res.headers.location);
    expect((await form(`/admin/import/batch/${batch.id}/commit`, { hash: "0".repeat(64) })).status).to.equal(400);
    const other = await loginAs(app, { email: "admin02@kehou.demo", password: "kehou-demo-2026" });
    expect((await other.get(`/admin/import/batch/${batch.id}`)).status).to.equal(404);
    expect((await commit(res.headers.location)).status).to.equal(302);
    const again = await commit(res.headers.location);
    expect(again.status).to.equal(409);
    expect(await ctx.db.ds.getRepository(AuditEntry).countBy({ action: "import.staff" })).to.equal(2);
    expect((await ctx.db.ds.getRepository(ImportBatch).findOneByOrFail({ id: batch.id })).sheet.rows).to.deep.equal([]);
  });

  it("When a preview is discarded, then nothing is imported", async () => {
    const res = await upload("students", "学生名单.csv", fixtureFile("students-utf8-bom.csv"));
    expect((await admin.get(res.headers.location)).text).to.contain("学生名单.csv");
    const batch = await batchOf(res.headers.location);
    expect((await form(`/admin/import/batch/${batch.id}/discard`)).status).to.equal(302);
    expect((await ctx.db.ds.getRepository(ImportBatch).findOneByOrFail({ id: batch.id })).status).to.equal("discarded");
    expect((await commit(res.headers.location)).status).to.equal(409);
  });

  it("When the upload has no CSRF token, no file, or an old .xls file, then it is refused with a reason", async () => {
    const noToken = await admin.post("/admin/import/students").attach("file", fixtureFile("staff.csv"), "staff.csv");
    expect(noToken.status).to.equal(403);
    const noFile = await admin.post(`/admin/import/students?_csrf=${encodeURIComponent(token)}`).field("note", "x");
    expect(noFile.status).to.equal(400);
    expect(noFile.text).to.contain("请选择要上传的文件");
    const xls = await upload(
      "students",
      "old.xls",
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
    );
    expect(xls.status).to.equal(400);
    expect(xls.text).to.contain("不支持 .xls 文件");
    expect((await upload("teachers", "staff.csv")).status).to.equal(404);
  });

  it("When a class in the sheet is in another grade, or a club category is unknown, then the file is refused on that line", async () => {
    const wrongGrade = await upload(
      "students",
      "wrong-grade.csv",
      Buffer.from("学号,姓名,年级,班级,家庭编号\r\n0500,赵一,4,三(2)班,F500\r\n"),
    );
    expect(wrongGrade.status).to.equal(400);
    expect(wrongGrade.text).to.contain('data-line="2"');
    expect(wrongGrade.text).to.contain("属于 3 年级，不是 4 年级");
    const badCategory = await upload(
      "clubs",
      "bad-category.csv",
      Buffer.from("名称,类别,年级,最多\r\n魔术,魔法,3-6,20\r\n"),
    );
    expect(badCategory.status).to.equal(400);
    expect(badCategory.text).to.contain("类别“魔法”无法识别");
    expect(await ctx.db.ds.getRepository(Club).existsBy({ name: "魔术" })).to.equal(false);
  });

  it("When the data changes between preview and commit, then the commit checks again and imports nothing", async () => {
    const res = await upload(
      "students",
      "wrong-later.csv",
      Buffer.from("学号,姓名,年级,班级,家庭编号\r\n0600,钱二,2,二(1)班,F600\r\n"),
    );
    expect(res.status).to.equal(302);
    const cls = await ctx.db.ds.getRepository(SchoolClass).findOneByOrFail({ name: "二(1)班" });
    await form(`/admin/classes/${cls.id}`, { name: "二(1)班", grade: "3", classTeacherId: "" });
    const done = await commit(res.headers.location);
    expect(done.status).to.equal(409);
    expect(done.text).to.contain('data-line="2"');
    expect(await ctx.db.ds.getRepository(Student).existsBy({ studentNumber: "0600" })).to.equal(false);
    expect((await batchOf(res.headers.location)).status).to.equal("pending");
  });
});
