import { expect } from "chai";
import type { Express } from "express";
import request from "supertest";
import { hashSecret } from "../../../src/http/auth/passwords";
import { forEachDatabase } from "../../support/databases";
import { demoApp, staffLogin } from "../../support/demo-app";
import { csrfFrom, formToken, loginAs, Agent } from "../../support/http";
import {
  AuditEntry,
  Family,
  Club,
  DailySport,
  Period,
  SchoolClass,
  Student,
  Term,
  Timetable,
  TimetableEntry,
} from "../../../src/db/entities";
import { Membership } from "../../../src/membership";

forEachDatabase("school set-up: a new term from the previous one", (ctx) => {
  let app: Express;
  let admin: Agent;
  let token: string;
  let autumn: Term;
  before(async function () {
    this.timeout(120_000);
    const demo = await demoApp(ctx.db);
    app = demo.app;
    admin = await loginAs(app, staffLogin(demo.logins, "admin"));
    autumn = await ctx.db.ds.getRepository(Term).findOneByOrFail({ current: true });
    token = csrfFrom((await admin.get(`/admin/terms/${autumn.id}/next`)).text);
  });
  const post = (path: string, body: Record<string, unknown>) =>
    admin
      .post(path)
      .type("form")
      .send({ ...body, _csrf: token });
  const fingerprintOf = (html: string) => /name="fingerprint" value="([0-9a-f]+)"/.exec(html)![1];
  const repo = <T extends object>(entity: new () => T) => ctx.db.ds.getRepository<T>(entity);

  it("When the next-term form is opened after an autumn term, then it proposes the day after and no new school year", async () => {
    const res = await admin.get(`/admin/terms/${autumn.id}/next`);
    expect(res.text).to.contain('name="startDate" type="date" value="2027-01-16"');
    expect(res.text).to.match(/name="newSchoolYear" value="1" >/);
  });

  it("When the new term would start before the previous one ends, or the form is incomplete, then nothing is created", async () => {
    const terms = await repo(Term).count();
    const early = await post(`/admin/terms/${autumn.id}/next/preview`, {
      name: "春季",
      startDate: "2027-01-10",
      endDate: "2027-07-01",
    });
    expect(early.status).to.equal(400);
    expect(early.text).to.contain('id="err-startDate"');
    const blank = await post(`/admin/terms/${autumn.id}/next`, { name: "", startDate: "", endDate: "" });
    expect(blank.status).to.equal(400);
    for (const field of ["name", "startDate", "endDate"]) expect(blank.text).to.contain(`id="err-${field}"`);
    expect(await repo(Term).count()).to.equal(terms);
  });

  it("When a spring term is started, then the preview says what is copied, and the POST copies exactly that as a draft", async () => {
    const input = { name: "2026–2027 学年第二学期", startDate: "2027-02-22", endDate: "2027-07-02", current: "1" };
    const preview = await post(`/admin/terms/${autumn.id}/next/preview`, input);
    expect(preview.status).to.equal(200);
    const entries = await repo(TimetableEntry).countBy({ termId: autumn.id });
    expect(preview.text).to.contain("23 个社团");
    expect(preview.text).to.contain("2 个时段");
    expect(preview.text).to.contain("30 条体育时长");
    expect(preview.text).to.contain(`${entries} 节课表活动`);
    expect(preview.text).to.contain("班级保持不变");

    const stale = await post(`/admin/terms/${autumn.id}/next`, { ...input, fingerprint: "0".repeat(32) });
    expect(stale.status).to.equal(409);
    expect(await repo(Term).count()).to.equal(1);

    const res = await post(`/admin/terms/${autumn.id}/next`, { ...input, fingerprint: fingerprintOf(preview.text) });
    expect(res.status).to.equal(302);
    const spring = await repo(Term).findOneByOrFail({ name: input.name });
    expect(spring.current).to.equal(true);
    expect((await repo(Term).findOneByOrFail({ id: autumn.id })).current).to.equal(false);
    expect(await repo(Club).countBy({ termId: spring.id })).to.equal(23);
    expect(await repo(Period).countBy({ termId: spring.id })).to.equal(2);
    expect(await repo(DailySport).countBy({ termId: spring.id })).to.equal(30);
    expect(await repo(TimetableEntry).countBy({ termId: spring.id })).to.equal(entries);
    const timetable = await repo(Timetable).findOneByOrFail({ termId: spring.id });
    expect([timetable.published, timetable.publishedAt]).to.deep.equal([null, null]);
    // Copied sessions point at the new term's own periods and clubs.
    const newPeriods = new Set((await repo(Period).findBy({ termId: spring.id })).map((p) => p.id));
    const newClubs = new Set((await repo(Club).findBy({ termId: spring.id })).map((c) => c.id));
    const copied = await repo(TimetableEntry).findBy({ termId: spring.id });
    expect(copied.every((e) => newPeriods.has(e.periodId))).to.equal(true);
    expect(copied.filter((e) => e.clubId !== null).every((e) => newClubs.has(e.clubId!))).to.equal(true);
    expect(await repo(SchoolClass).countBy({ archived: false })).to.equal(24);
  });

  it("When a new school year starts, then grade 6 leaves, grades 1–5 move up with renamed classes, new grade-1 classes appear, in one audited step", async () => {
    const spring = await repo(Term).findOneByOrFail({ current: true });
    const before = await repo(SchoolClass).find({ where: { archived: false } });
    const byName = new Map(before.map((c) => [c.name, c]));
    const sixthGraders = await repo(Student).count({
      where: before.filter((c) => c.grade === 6).map((c) => ({ classId: c.id })),
    });
    const input = {
      name: "2027–2028 学年第一学期",
      startDate: "2027-09-01",
      endDate: "2028-01-14",
      newSchoolYear: "1",
      current: "1",
    };
    const preview = await post(`/admin/terms/${spring.id}/next/preview`, input);
    expect(preview.status).to.equal(200);
    expect(preview.text).to.contain(`毕业：4 个班，${sixthGraders} 名学生归档`);
    expect(preview.text).to.contain("六年级(1)班 → 六年级(1)班（2027届）");
    expect(preview.text).to.contain("升级：20 个班");
    expect(preview.text).to.contain("新建一年级班级：4 个");
    expect(await repo(SchoolClass).countBy({ archived: true })).to.equal(0);
    // A sixth grader and a fifth grader each hold a club of the old term.
    const [leaver] = await repo(Student).find({ where: { classId: byName.get("六年级(1)班")!.id }, take: 1 });
    const [stayer] = await repo(Student).find({ where: { classId: byName.get("五年级(1)班")!.id }, take: 1 });
    const [club] = await repo(Club).find({ where: { termId: spring.id }, take: 1 });
    const seat = (studentId: number) => ({
      studentId,
      clubId: club.id,
      termId: spring.id,
      fromDate: spring.startDate,
      toDate: null,
      reason: "publication" as const,
      endReason: null,
      roundId: null,
      runId: null,
      offerId: null,
      createdAt: new Date().toISOString(),
      endedAt: null,
    });
    const [leaverSeat, stayerSeat] = await repo(Membership).save([seat(leaver.id), seat(stayer.id)]);

    const res = await post(`/admin/terms/${spring.id}/next`, { ...input, fingerprint: fingerprintOf(preview.text) });
    expect(res.status).to.equal(302);
    const leavers = await repo(SchoolClass).findBy({ archived: true });
    expect(leavers.map((c) => c.name).sort()).to.deep.equal([
      "六年级(1)班（2027届）",
      "六年级(2)班（2027届）",
      "六年级(3)班（2027届）",
      "六年级(4)班（2027届）",
    ]);
    expect(await repo(Student).countBy({ archived: true })).to.equal(sixthGraders);
    // The leaver's club ends because the child left; the other child's stays.
    const ended = await repo(Membership).findOneByOrFail({ id: leaverSeat.id });
    expect([ended.endReason, ended.toDate === null]).to.deep.equal(["left", false]);
    expect((await repo(Membership).findOneByOrFail({ id: stayerSeat.id })).toDate).to.equal(null);
    const fifth = await repo(SchoolClass).findOneByOrFail({ id: byName.get("五年级(1)班")!.id });
    expect([fifth.grade, fifth.name, fifth.classTeacherId]).to.deep.equal([
      6,
      "六年级(1)班",
      byName.get("五年级(1)班")!.classTeacherId,
    ]);
    const first = await repo(SchoolClass).findOneByOrFail({ id: byName.get("一年级(2)班")!.id });
    expect([first.grade, first.name]).to.deep.equal([2, "二年级(2)班"]);
    const newFirst = await repo(SchoolClass).findBy({ grade: 1, archived: false });
    expect(newFirst.map((c) => c.name).sort()).to.deep.equal([
      "一年级(1)班",
      "一年级(2)班",
      "一年级(3)班",
      "一年级(4)班",
    ]);
    expect(newFirst.every((c) => !byName.has(c.name) || byName.get(c.name)!.id !== c.id)).to.equal(true);
    expect(await repo(Student).count({ where: newFirst.map((c) => ({ classId: c.id })) })).to.equal(0);
    expect(await repo(SchoolClass).countBy({ archived: false })).to.equal(24);

    // Homework help follows the grade: each class entry lands on this year's class of that grade and name.
    const term = await repo(Term).findOneByOrFail({ name: input.name });
    const classes = new Map((await repo(SchoolClass).find()).map((c) => [c.id, c]));
    const homework = await repo(TimetableEntry).findBy({ termId: term.id, kind: "homework" });
    expect(homework.length).to.equal(24 * 5);
    for (const e of homework) {
      const cls = classes.get(e.classId!)!;
      expect(cls.archived).to.equal(false);
      expect(e.grades).to.deep.equal([cls.grade]);
      expect(e.title).to.contain(cls.name);
    }
    const audit = await repo(AuditEntry).findOneByOrFail({ action: "term.start-next", entityId: String(term.id) });
    expect(audit.details).to.include({ newSchoolYear: true, promoted: 20 });
  });

  it("When a leaver's family logs in with the leaver's number, then it is refused; the leavers stay listed as archived", async () => {
    const leaver = await repo(Student).findOneOrFail({ where: { archived: true } });
    await repo(Family).update({ id: leaver.familyId }, { accessCodeHash: await hashSecret("LEAVER26") });
    const agent = request.agent(app);
    const loginToken = await formToken(agent, "/login");
    const login = await agent
      .post("/login")
      .type("form")
      .send({ mode: "family", studentNumber: leaver.studentNumber, code: "LEAVER26", _csrf: loginToken });
    expect(login.status).to.equal(401);
    const archivedList = await admin.get("/admin/classes?archived=1");
    expect(archivedList.text).to.contain("六年级(1)班（2027届）");
  });
});
