import { expect } from "chai";
import { publishBlockers } from "../../../src/timetable/publish-blockers";
import type { Express } from "express";
import { forEachDatabase } from "../../support/databases";
import { demoApp, familyLogin, staffLogin } from "../../support/demo-app";
import { csrfFrom, formToken, loginAs, Agent } from "../../support/http";
import {
  AuditEntry,
  Period,
  ServiceEnrollment,
  Staff,
  Student,
  Term,
  Timetable,
  TimetableEntry,
} from "../../../src/db/entities";
import { inTransaction } from "../../../src/db/transaction";
import type { DemoLogins } from "../../../seeds/demo";

// Families and staff see the published snapshot only; the admin's draft
// changes reach them when (and only when) the admin publishes.
// The family's timetable is the child's own week: a plain week of the term, the child opted in every weekday.
const FAMILY_WEEK = "/timetable?week=2026-09-14";
forEachDatabase("timetable publishing", (ctx) => {
  let app: Express;
  let logins: DemoLogins;
  let admin: Agent;
  let teacher: Agent;
  let family: Agent;
  let p3: number;
  let teacherId: number;

  before(async function () {
    this.timeout(120_000);
    const demo = await demoApp(ctx.db);
    ({ app, logins } = demo);
    admin = await loginAs(app, staffLogin(logins, "admin"));
    teacher = await loginAs(app, staffLogin(logins, "teacher"));
    family = await loginAs(app, familyLogin(logins, 0));
    const notice = await family.get("/privacy");
    await family
      .post("/privacy/accept")
      .type("form")
      .send({ accept: "1", _csrf: csrfFrom(notice.text) });
    teacherId = (await ctx.db.ds.getRepository(Staff).findOneByOrFail({ email: staffLogin(logins, "teacher").email }))
      .id;
    p3 = await inTransaction(ctx.db.ds, async (em) => {
      const term = await em.getRepository(Term).findOneByOrFail({ current: true });
      const child = await em
        .getRepository(Student)
        .findOneByOrFail({ studentNumber: familyLogin(logins, 0).studentNumber });
      await em.getRepository(ServiceEnrollment).save({
        termId: term.id,
        studentId: child.id,
        weekdays: [1, 2, 3, 4, 5],
        source: "family",
        enteredByStaffId: null,
        updatedAt: new Date().toISOString(),
      });
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
  });

  const timetable = () => ctx.db.ds.getRepository(Timetable).findOneByOrFail({});
  const post = async (path: string, body: Record<string, unknown>) =>
    admin
      .post(path)
      .type("form")
      .send({ ...body, _csrf: await formToken(admin, "/admin/timetable/publish") });
  const draftSession = (title: string, over: Record<string, unknown> = {}) => ({
    weekday: "2",
    periodId: String(p3),
    kind: "activity",
    title,
    grades: ["3"],
    classId: "",
    clubId: "",
    staffId: "",
    venueId: "",
    intent: "save",
    ...over,
  });

  it("When the seeded timetable is opened, then the grid says draft and published are the same", async () => {
    const res = await admin.get("/admin/timetable");
    expect(res.text).to.contain("草稿与已发布课表一致。");
  });

  it("When the draft equals the published week, then the publish page says so and a publish writes nothing", async () => {
    const page = await admin.get("/admin/timetable/publish");
    expect(page.text).to.contain("没有需要发布的变更").and.not.to.contain('action="/admin/timetable/publish"');
    const before = await timetable();
    const audits = await ctx.db.ds.getRepository(AuditEntry).countBy({ action: "timetable.publish" });
    const res = await post("/admin/timetable/publish", { reason: "" });
    expect(res.status).to.equal(302);
    expect((await timetable()).publishedAt).to.equal(before.publishedAt);
    expect(await ctx.db.ds.getRepository(AuditEntry).countBy({ action: "timetable.publish" })).to.equal(audits);
    expect((await admin.get("/admin/timetable")).text).to.contain("草稿与已发布的课表相同，无需再次发布。");
  });

  it("When the admin changes the draft, then the grid counts the changes and families and teachers still see the published week", async () => {
    expect((await post("/admin/timetable/entries", draftSession("科学小实验（草稿）"))).status).to.equal(302);
    expect(
      (
        await post(
          "/admin/timetable/entries",
          draftSession("教师草稿活动", { grades: ["5"], staffId: String(teacherId) }),
        )
      ).status,
    ).to.equal(302);
    const renamed = await ctx.db.ds
      .getRepository(TimetableEntry)
      .findOneByOrFail({ title: "三年级游戏与实践活动", weekday: 1 });
    expect(
      (
        await post(`/admin/timetable/entries/${renamed.id}`, {
          weekday: "1",
          periodId: String(renamed.periodId),
          kind: "activity",
          title: "三年级游戏（改名草稿）",
          grades: ["3"],
          classId: "",
          clubId: "",
          staffId: String(renamed.staffId),
          venueId: "",
          intent: "save",
        })
      ).status,
    ).to.equal(302);

    const grid = await admin.get("/admin/timetable");
    expect(grid.text).to.contain("草稿与已发布课表不同：3 处变更");

    const home = await family.get(FAMILY_WEEK);
    expect(home.status).to.equal(200);
    expect(home.text).to.contain("三年级游戏与实践活动").and.to.contain("作业辅导 · 三年级(1)班");
    expect(home.text).to.not.contain("科学小实验（草稿）").and.to.not.contain("改名草稿");
    // Another class's homework session and another grade's sessions are not this child's.
    expect(home.text).to.not.contain("作业辅导 · 三年级(2)班").and.to.not.contain("五年级游戏与实践活动");
    const tried = await family.get("/timetable?view=grade-5");
    expect(tried.text).to.not.contain("五年级游戏与实践活动");

    const mine = await teacher.get("/timetable");
    expect(mine.status).to.equal(200);
    expect(mine.text).to.not.contain("教师草稿活动");
  });

  it("When the publish reason is too short, then it answers 400 naming the reason and nothing is published", async () => {
    const before = await timetable();
    const res = await post("/admin/timetable/publish", { reason: "ok" });
    expect(res.status).to.equal(400);
    expect(res.text).to.contain('id="err-reason"');
    expect((await timetable()).publishedAt).to.equal(before.publishedAt);
  });

  it("When the admin publishes, then the snapshot equals the draft, the publish is audited, and everyone sees the new week", async () => {
    const page = await admin.get("/admin/timetable/publish");
    expect(page.status).to.equal(200);
    expect(page.text).to.contain('name="reason"');
    const before = await timetable();
    // The draft's evening period ends after latestEnd, so the policy rules report errors: the reason is the override.
    const { errors } = await publishBlockers(ctx.db.ds, before.termId);
    const res = await post("/admin/timetable/publish", { reason: "第二周起执行新课表" });
    expect(res.status).to.equal(302);

    const after = await timetable();
    const draft = await ctx.db.ds.getRepository(TimetableEntry).find({ order: { id: "ASC" } });
    expect(after.publishedAt! > before.publishedAt!).to.equal(true);
    const snapshot = (after.published as { id: number; title: string; sequence: number }[]).sort((a, b) => a.id - b.id);
    expect(snapshot.map((r) => [r.id, r.title, r.sequence])).to.deep.equal(
      draft.map((e) => [e.id, e.title, e.sequence]),
    );
    const audit = await ctx.db.ds
      .getRepository(AuditEntry)
      .findOneOrFail({ where: { action: "timetable.publish" }, order: { id: "DESC" } });
    expect(audit.reason).to.equal("第二周起执行新课表");
    expect(audit.details).to.include({ entries: draft.length, changes: 3, errors, override: errors > 0 });

    expect((await admin.get("/admin/timetable")).text).to.contain("草稿与已发布课表一致。");
    const home = await family.get(FAMILY_WEEK);
    expect(home.text).to.contain("科学小实验（草稿）").and.to.contain("三年级游戏（改名草稿）");
    expect((await teacher.get("/timetable")).text).to.contain("教师草稿活动");
  });

  it("When the draft changes after publishing, then the published week stays as it was", async () => {
    const entry = await ctx.db.ds.getRepository(TimetableEntry).findOneByOrFail({ title: "科学小实验（草稿）" });
    expect((await post(`/admin/timetable/entries/${entry.id}/delete`, {})).status).to.equal(302);
    expect((await family.get(FAMILY_WEEK)).text).to.contain("科学小实验（草稿）");
    expect((await admin.get("/admin/timetable")).text).to.contain("草稿与已发布课表不同：1 处变更");
  });

  it("When an external instructor opens the timetable, then only their own published sessions show", async () => {
    const external = await loginAs(app, staffLogin(logins, "external"));
    const res = await external.get("/timetable?view=all");
    expect(res.status).to.equal(200);
    expect(res.text).to.contain("舞蹈");
    expect(res.text).to.not.contain("作业辅导 ·");
  });

  it("When a family or teacher tries to publish, then they are refused and nothing changes", async () => {
    const before = await timetable();
    const token = await formToken(teacher, "/timetable");
    expect((await teacher.post("/admin/timetable/publish").type("form").send({ _csrf: token })).status).to.equal(403);
    const familyToken = await formToken(family, "/timetable");
    expect((await family.post("/admin/timetable/publish").type("form").send({ _csrf: familyToken })).status).to.equal(
      403,
    );
    expect((await timetable()).publishedAt).to.equal(before.publishedAt);
  });

  it("When the stored snapshot holds a row that is not an entry, then the admin's grid counts it, families' pages still open without it, and publishing again replaces it", async () => {
    const stored = await timetable();
    const rows = [
      ...(stored.published ?? []),
      { id: 999_999, weekday: "3", periodId: p3, kind: "party", title: "手改的坏行", grades: [3] },
    ];
    await inTransaction(ctx.db.ds, (em) =>
      em.getRepository(Timetable).update({ id: stored.id }, { published: rows as never }),
    );
    expect((await admin.get("/admin/timetable")).text).to.contain("已发布课表中有 1 行无法读取");
    const home = await family.get(FAMILY_WEEK);
    expect(home.status).to.equal(200);
    expect(home.text).to.not.contain("手改的坏行");
    expect((await post("/admin/timetable/publish", { reason: "替换无法读取的行" })).status).to.equal(302);
    expect((await admin.get("/admin/timetable")).text).to.not.contain("无法读取");
  });
});
