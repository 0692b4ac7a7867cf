import { expect } from "chai";
import type { Express } from "express";
import { forEachDatabase } from "../../support/databases";
import { demoApp, familyLogin, staffLogin } from "../../support/demo-app";
import { csrfFrom, formToken, loginAs, type Agent, type Credentials } from "../../support/http";
import { AuditEntry, Period, SchoolClass, Setting, Staff, TimetableEntry } from "../../../src/db/entities";
import { HomeworkEntry } from "../../../src/homework/entities";
import { inTransaction } from "../../../src/db/transaction";
import { nowIso } from "../../../src/db/entities/columns";

forEachDatabase("homework log and weekly board", (ctx) => {
  let app: Express;
  let logins: Awaited<ReturnType<typeof demoApp>>["logins"];
  let classTeacher: Agent;
  let class31: SchoolClass;
  let class32: SchoolClass;
  const count = () => ctx.db.ds.getRepository(HomeworkEntry).count();

  before(async function () {
    this.timeout(120_000);
    ({ app, logins } = await demoApp(ctx.db));
    classTeacher = await loginAs(app, staffLogin(logins, "class_teacher"));
    class31 = await ctx.db.ds.getRepository(SchoolClass).findOneByOrFail({ name: "三年级(1)班" });
    class32 = await ctx.db.ds.getRepository(SchoolClass).findOneByOrFail({ name: "三年级(2)班" });
  });

  const post = async (agent: Agent, path: string, body: Record<string, string>) =>
    agent
      .post(path)
      .type("form")
      .send({ ...body, _csrf: await formToken(agent, "/homework") });
  const entry = (over: Record<string, string> = {}) => ({
    classId: String(class31.id),
    date: "2026-09-08",
    subject: "数学",
    description: "口算练习第 3 页",
    tier: "basic",
    written: "1",
    minutes: "20",
    ...over,
  });
  async function familyAgent(creds: Credentials): Promise<Agent> {
    const agent = await loginAs(app, creds);
    await agent
      .post("/privacy/accept")
      .type("form")
      .send({ _csrf: csrfFrom((await agent.get("/privacy")).text), accept: "1" });
    return agent;
  }

  it("When the form is submitted with bad fields, then it answers 400 naming each field and saves nothing", async () => {
    const before = await count();
    const res = await post(classTeacher, "/homework", {
      classId: "",
      date: "2026-02-30",
      subject: "",
      description: "",
      tier: "hard",
      minutes: "abc",
    });
    expect(res.status).to.equal(400);
    for (const field of ["classId", "date", "subject", "description", "tier", "minutes"])
      expect(res.text).to.contain(`id="err-${field}"`);
    const outside = await post(classTeacher, "/homework", entry({ date: "2027-03-01", minutes: "999" }));
    expect(outside.status).to.equal(400);
    expect(outside.text).to.contain('id="err-minutes"');
    const term = await post(classTeacher, "/homework", entry({ date: "2027-03-01" }));
    expect(term.status).to.equal(400);
    expect(term.text).to.contain('id="err-date"');
    expect(await count()).to.equal(before);
  });

  it("When a grade-3 entry stays within 30 written minutes, then it saves at once and is audit-logged", async () => {
    const res = await post(classTeacher, "/homework", entry());
    expect(res.status).to.equal(302);
    expect(res.headers.location).to.equal(`/homework/class/${class31.id}?week=2026-09-07#d-2026-09-08`);
    const saved = await ctx.db.ds
      .getRepository(HomeworkEntry)
      .findOneByOrFail({ classId: class31.id, subject: "数学" });
    const audit = await ctx.db.ds
      .getRepository(AuditEntry)
      .findOneByOrFail({ action: "homework.create", entityId: String(saved.id) });
    expect(audit.reason).to.equal(null);
  });

  it("When a second entry takes the day to 45 written minutes, then a confirm step shows the limit and saving needs 'I understand'", async () => {
    const before = await count();
    const second = entry({ subject: "语文", description: "生字抄写两遍", tier: "improving", minutes: "25" });
    const warn = await post(classTeacher, "/homework", second);
    expect(warn.status).to.equal(200);
    expect(warn.text).to.contain('data-rule="homework-limit"');
    expect(warn.text).to.contain("书面作业共 45 分钟，超过本年级上限 30 分钟");
    expect(warn.text).to.contain('name="understand"');
    expect(await count()).to.equal(before);

    const unticked = await post(classTeacher, "/homework", { ...second, confirmed: "1" });
    expect(unticked.status).to.equal(400);
    expect(unticked.text).to.contain('id="err-understand"');
    expect(await count()).to.equal(before);

    const back = await post(classTeacher, "/homework", { ...second, confirmed: "1", action: "edit" });
    expect(back.status).to.equal(200);
    expect(back.text).to.contain("生字抄写两遍");
    expect(await count()).to.equal(before);

    const ok = await post(classTeacher, "/homework", { ...second, confirmed: "1", understand: "1" });
    expect(ok.status).to.equal(302);
    expect(await count()).to.equal(before + 1);
    const saved = await ctx.db.ds
      .getRepository(HomeworkEntry)
      .findOneByOrFail({ subject: "语文", classId: class31.id });
    const audit = await ctx.db.ds
      .getRepository(AuditEntry)
      .findOneByOrFail({ action: "homework.create", entityId: String(saved.id) });
    expect(audit.reason).to.contain("homework-limit");
    expect(audit.details).to.deep.include({ acknowledged: [{ ruleId: "homework-limit", severity: "error" }] });
  });

  it("When the school makes homework-limit a warning, then the confirm step offers 'save anyway' without the tick", async () => {
    await inTransaction(ctx.db.ds, (em) =>
      em
        .getRepository(Setting)
        .save({ key: "policy.rules", value: JSON.stringify({ "homework-limit": { severity: "warning" } }) }),
    );
    try {
      const third = entry({ subject: "英语", description: "抄写单词", tier: "extension", minutes: "10" });
      const warn = await post(classTeacher, "/homework", third);
      expect(warn.status).to.equal(200);
      expect(warn.text).to.contain('data-rule="homework-limit"');
      expect(warn.text).to.not.contain('name="understand"');
      const ok = await post(classTeacher, "/homework", { ...third, confirmed: "1" });
      expect(ok.status).to.equal(302);
    } finally {
      await inTransaction(ctx.db.ds, (em) => em.getRepository(Setting).delete({ key: "policy.rules" }));
    }
  });

  it("When a teacher with no homework session for the class posts for it, then 403; once they run one there, they may", async () => {
    const teacher = await loginAs(app, staffLogin(logins, "teacher"));
    const forbidden = await post(teacher, "/homework", entry({ date: "2026-09-09", written: "0", minutes: "15" }));
    expect(forbidden.status).to.equal(403);
    const me = await ctx.db.ds.getRepository(Staff).findOneByOrFail({ email: staffLogin(logins, "teacher").email });
    const [p1] = await ctx.db.ds.getRepository(Period).find({ order: { position: "ASC" } });
    const session = await inTransaction(ctx.db.ds, (em) =>
      em.getRepository(TimetableEntry).save({
        termId: p1.termId,
        weekday: 3,
        periodId: p1.id,
        kind: "homework" as const,
        title: "作业辅导",
        grades: [3],
        classId: class31.id,
        clubId: null,
        staffId: me.id,
        venueId: null,
        sequence: 0,
        updatedAt: nowIso(),
      }),
    );
    try {
      expect((await teacher.get("/homework/new")).text).to.contain(`value="${class31.id}"`);
      const ok = await post(
        teacher,
        "/homework",
        entry({ date: "2026-09-09", subject: "科学", written: "0", minutes: "15", description: "观察一种植物" }),
      );
      expect(ok.status).to.equal(302);
      expect(
        (await post(teacher, "/homework", entry({ classId: String(class32.id), date: "2026-09-09" }))).status,
      ).to.equal(403);
    } finally {
      await inTransaction(ctx.db.ds, (em) => em.getRepository(TimetableEntry).delete({ id: session.id }));
    }
  });

  it("When a family opens its child's class board, then it sees the week by day and tier with totals", async () => {
    const family = await familyAgent(familyLogin(logins, 0));
    const home = await family.get("/homework");
    expect(home.status).to.equal(302);
    expect(home.headers.location).to.equal(`/homework/class/${class31.id}`);
    const res = await family.get(`/homework/class/${class31.id}?week=2026-09-07`);
    expect(res.status).to.equal(200);
    expect(res.text).to.contain("三年级(1)班 作业公示");
    expect(res.text).to.contain('id="d-2026-09-08"');
    for (const text of [
      "口算练习第 3 页",
      "生字抄写两遍",
      "观察一种植物",
      "基础",
      "提高",
      "拓展",
      "书面 55 分钟 / 合计 55 分钟",
      "书面上限 30 分钟",
    ])
      expect(res.text).to.contain(text);
    expect(res.text).to.contain("本周共 4 项作业，书面 55 分钟，合计 70 分钟。");
    expect(res.text).to.not.contain("/edit");
  });

  it("When a family opens another class's board or the grade view, then it is not found or forbidden", async () => {
    const family = await familyAgent(familyLogin(logins, 0));
    expect((await family.get(`/homework/class/${class32.id}?week=2026-09-07`)).status).to.equal(404);
    expect((await family.get("/homework/class/999999")).status).to.equal(404);
    expect((await family.get("/homework/grade/3")).status).to.equal(403);
    expect((await family.get("/homework/new")).status).to.equal(403);
  });

  it("When a family with children in two classes opens the board, then it may switch between those two classes only", async () => {
    const family = await familyAgent(familyLogin(logins, 1));
    const list = await family.get("/homework");
    expect(list.status).to.equal(200);
    expect(list.text).to.contain("五年级(2)班");
    expect(list.text).to.contain("二年级(2)班");
    expect(list.text).to.not.contain("三年级(1)班");
  });

  it("When staff open the grade view, then the grade's four classes show side by side with the week's totals", async () => {
    const res = await classTeacher.get("/homework/grade/3?week=2026-09-09");
    expect(res.status).to.equal(200);
    for (const n of [1, 2, 3, 4]) expect(res.text).to.contain(`三年级(${n})班`);
    expect(res.text).to.contain("科学");
    expect(res.text).to.contain("书面 55 分钟 / 合计 70 分钟");
    expect((await classTeacher.get("/homework/grade/9")).status).to.equal(404);
  });

  it("When the week is navigated, then previous and next move by seven days, an empty week says so, and a bad week is a 400", async () => {
    const res = await classTeacher.get(`/homework/class/${class31.id}?week=2026-09-09`);
    expect(res.text).to.contain(`href="/homework/class/${class31.id}?week=2026-08-31"`);
    expect(res.text).to.contain(`href="/homework/class/${class31.id}?week=2026-09-14"`);
    const empty = await classTeacher.get(`/homework/class/${class31.id}?week=2026-10-19`);
    expect(empty.text).to.contain("本周还没有登记作业。");
    expect(empty.text).to.contain("秋季运动会");
    expect((await classTeacher.get(`/homework/class/${class31.id}?week=2026-9-1`)).status).to.equal(400);
  });

  it("When the author edits and then deletes an entry, then both are audit-logged; another class teacher cannot touch it", async () => {
    const saved = await ctx.db.ds
      .getRepository(HomeworkEntry)
      .findOneByOrFail({ classId: class31.id, subject: "数学" });
    const other = await loginAs(app, { email: "bzr.g3c2@kehou.demo", password: staffLogin(logins, "admin").password });
    expect((await other.get(`/homework/${saved.id}/edit`)).status).to.equal(403);
    expect((await post(other, `/homework/${saved.id}/delete`, {})).status).to.equal(403);

    const form = await classTeacher.get(`/homework/${saved.id}/edit`);
    expect(form.text).to.contain("口算练习第 3 页");
    // The day stays over the limit (5 + 25 + 10 written minutes), so the edit goes through the confirm step too.
    const changed = entry({ minutes: "5", description: "口算练习第 4 页" });
    const confirm = await post(classTeacher, `/homework/${saved.id}`, changed);
    expect(confirm.text).to.contain("书面作业共 40 分钟");
    const edited = await post(classTeacher, `/homework/${saved.id}`, { ...changed, confirmed: "1", understand: "1" });
    expect(edited.status).to.equal(302);
    expect((await ctx.db.ds.getRepository(HomeworkEntry).findOneByOrFail({ id: saved.id })).description).to.equal(
      "口算练习第 4 页",
    );
    expect((await post(classTeacher, `/homework/${saved.id}/delete`, {})).status).to.equal(302);
    expect(await ctx.db.ds.getRepository(HomeworkEntry).findOneBy({ id: saved.id })).to.equal(null);
    const actions = (
      await ctx.db.ds.getRepository(AuditEntry).findBy({ entity: "homework", entityId: String(saved.id) })
    ).map((a) => a.action);
    expect(actions).to.include.members(["homework.create", "homework.update", "homework.delete"]);
    expect((await post(classTeacher, "/homework/abc/delete", {})).status).to.equal(404);
  });
});
