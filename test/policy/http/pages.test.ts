import { expect } from "chai";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Express } from "express";
import { forEachDatabase } from "../../support/databases";
import { demoApp, familyLogin, staffLogin } from "../../support/demo-app";
import { formToken, loginAs, type Agent } from "../../support/http";
import { tempRulesDir } from "../../fixtures/policy/temp-rules";
import { DailySport, Period, SchoolClass, Setting, Staff, TimetableEntry, Student } from "../../../src/db/entities";
import { inTransaction } from "../../../src/db/transaction";
import { nowIso } from "../../../src/db/entities/columns";
import { defaultRulesDir } from "../../../src/policy";
import { useRulesDir } from "../../../src/policy/rules-registry";
import { runPolicy } from "../../../src/policy/service";
import { publishTimetable } from "../../../src/timetable/publish-service";
import { SYSTEM } from "../../../src/audit";

const shippedRules = () =>
  readdirSync(defaultRulesDir())
    .filter((f) => f.endsWith(".json"))
    .map(
      (f) =>
        JSON.parse(readFileSync(join(defaultRulesDir(), f), "utf8")) as { id: string; title: Record<string, string> },
    );

forEachDatabase("policy pages", (ctx) => {
  let app: Express;
  let admin: Agent;
  let logins: Awaited<ReturnType<typeof demoApp>>["logins"];
  before(async function () {
    this.timeout(120_000);
    ({ app, logins } = await demoApp(ctx.db));
    admin = await loginAs(app, staffLogin(logins, "admin"));
  });

  // A whole-class maths lesson in Tuesday's homework period: what the rule forbids (补课).
  async function insertLesson(): Promise<{ entry: TimetableEntry; periodId: number }> {
    const ds = ctx.db.ds;
    const [p1] = await ds.getRepository(Period).find({ order: { position: "ASC" } });
    const cls = await ds.getRepository(SchoolClass).findOneByOrFail({ name: "四年级(2)班" });
    const teacher = await ds.getRepository(Staff).findOneByOrFail({ staffNumber: "T005" });
    const entry = await inTransaction(ds, (em) =>
      em.getRepository(TimetableEntry).save({
        termId: p1.termId,
        weekday: 2,
        periodId: p1.id,
        kind: "lesson" as const,
        title: "数学新课",
        grades: [4],
        classId: cls.id,
        clubId: null,
        staffId: teacher.id,
        venueId: null,
        sequence: 0,
        updatedAt: nowIso(),
      }),
    );
    return { entry, periodId: p1.id };
  }
  const remove = (id: number) => inTransaction(ctx.db.ds, (em) => em.getRepository(TimetableEntry).delete({ id }));

  it("When the admin opens the rules page, then each of the 12 rules shows with its severity, parameters and status", async () => {
    const res = await admin.get("/admin/rules");
    expect(res.status).to.equal(200);
    const rules = shippedRules();
    expect(rules).to.have.length(12);
    for (const rule of rules) {
      expect(res.text).to.contain(`id="rule-${rule.id}"`);
      expect(res.text).to.contain(rule.title["zh-CN"]);
    }
    expect(res.text).to.contain("书面作业最长时长（分钟）");
    expect(res.text).to.contain("最早结束时间 = 17:30");
    expect(res.text.match(/class="status status-ok"/g)).to.have.length(12);
  });

  it("When the demo timetable is checked, then the compliance page says everything passes", async () => {
    const res = await admin.get("/admin/compliance");
    expect(res.status).to.equal(200);
    expect(res.text).to.contain("符合全部已启用的规则");
    expect(res.text).to.not.contain('class="violation ');
  });

  it("When a lesson is put in a service period, then the compliance page lists a no-lesson-in-service error with a link to that slot", async () => {
    const { entry, periodId } = await insertLesson();
    try {
      const res = await admin.get("/admin/compliance");
      expect(res.status).to.equal(200);
      expect(res.text).to.contain('data-rule="no-lesson-in-service"');
      expect(res.text).to.contain("周二 作业辅导（15:40–16:40）安排了授课");
      expect(res.text).to.contain(`href="/admin/timetable/entries/${entry.id}/edit"`);
      expect(res.text).to.contain(`href="/admin/timetable?view=grade-4#slot-2-${periodId}"`);
      // The links lead somewhere real: the timetable's own pages.
      expect((await admin.get(`/admin/timetable/entries/${entry.id}/edit`)).status).to.equal(200);
      expect((await admin.get("/admin/timetable?view=grade-4")).text).to.contain(`id="slot-2-${periodId}"`);

      const byGrade = await admin.get("/admin/compliance?by=grade&grade=4");
      expect(byGrade.text).to.contain('id="grade-4"');
      expect(byGrade.text).to.contain('data-rule="no-lesson-in-service"');
      const otherGrade = await admin.get("/admin/compliance?by=day&grade=1");
      expect(otherGrade.text).to.not.contain('data-rule="no-lesson-in-service"');

      const rules = await admin.get("/admin/rules");
      expect(rules.text).to.match(/id="rule-no-lesson-in-service"[\s\S]*?status-failing">未通过 · 1/);
    } finally {
      await remove(entry.id);
    }
  });

  it("When the admin reads in English, then the violation's English message shows", async () => {
    const { entry } = await insertLesson();
    try {
      await admin
        .post("/lang")
        .type("form")
        .send({ _csrf: await formToken(admin, "/admin/rules"), lang: "en", back: "/admin/compliance" });
      const res = await admin.get("/admin/compliance?rule=no-lesson-in-service");
      expect(res.text).to.contain("Tue 作业辅导 (15:40–16:40) has a lesson");
      expect(res.text).to.contain("Edit this session");
    } finally {
      await admin
        .post("/lang")
        .type("form")
        .send({ _csrf: await formToken(admin, "/admin/rules"), lang: "zh-CN", back: "/" });
      await remove(entry.id);
    }
  });

  it("When a filter is not valid, then the page answers 400 naming it, not 500", async () => {
    const res = await admin.get("/admin/compliance?grade=abc");
    expect(res.status).to.equal(400);
    expect(res.text).to.contain("grade");
    expect((await admin.get("/admin/compliance?by=teacher")).status).to.equal(400);
  });

  it("When a teacher or a family opens the compliance or rules page, then it is forbidden", async () => {
    const teacher = await loginAs(app, staffLogin(logins, "teacher"));
    expect((await teacher.get("/admin/compliance")).status).to.equal(403);
    expect((await teacher.get("/admin/rules")).status).to.equal(403);
    const family = await loginAs(app, familyLogin(logins, 0));
    const res = await family.get("/admin/rules");
    expect([302, 403]).to.include(res.status);
  });

  // The draft grid's cell for one slot: its chips and the rules' findings under them.
  const cellOf = (html: string, weekday: number, periodId: number): string =>
    new RegExp(`id="slot-${weekday}-${periodId}"[\\s\\S]*?</td>`).exec(html)?.[0] ?? "";

  it("When a lesson is put in a service period, then the timetable grid shows the error in that cell, flags the session and counts it in the status line", async () => {
    const before = await admin.get("/admin/timetable");
    expect(before.text).to.contain("规则检查：没有错误或提醒");
    const { entry, periodId } = await insertLesson();
    try {
      const all = await admin.get("/admin/timetable");
      expect(all.status).to.equal(200);
      const cell = cellOf(all.text, 2, periodId);
      expect(cell).to.match(new RegExp(`class="tt-chip tt-lesson[^"]* tt-has-error[^"]*" data-entry-id="${entry.id}"`));
      expect(cell).to.contain('class="tt-issue tt-issue-error"');
      expect(cell).to.contain("周二 作业辅导（15:40–16:40）安排了授课");
      expect(cell).to.contain('href="/admin/compliance?rule=no-lesson-in-service&amp;weekday=2"');
      expect(all.text).to.match(/class="tt-rule-count tt-rule-errors" href="\/admin\/compliance">规则检查：1 个错误/);
      // Only the lesson's own cell carries it.
      expect(all.text.match(/class="tt-issue /g)).to.have.length(1);
      // The grade the lesson is for sees it; another grade's view, without the session, does not.
      expect(cellOf((await admin.get("/admin/timetable?view=grade-4")).text, 2, periodId)).to.contain("tt-issue-error");
      expect((await admin.get("/admin/timetable?view=grade-1")).text).to.not.contain('class="tt-issue ');
      await admin
        .post("/lang")
        .type("form")
        .send({ _csrf: await formToken(admin, "/admin/rules"), lang: "en", back: "/admin/timetable" });
      const english = cellOf((await admin.get("/admin/timetable")).text, 2, periodId);
      expect(english).to.contain("Rule error");
      expect(english).to.contain("Tue 作业辅导 (15:40–16:40) has a lesson");
    } finally {
      await admin
        .post("/lang")
        .type("form")
        .send({ _csrf: await formToken(admin, "/admin/rules"), lang: "zh-CN", back: "/" });
      await remove(entry.id);
    }
    expect((await admin.get("/admin/timetable")).text).to.not.contain('class="tt-issue ');
  });

  it("When a grade's day falls short of the sport hour, then the grid's whole-day row shows it under that weekday, in that grade's view only", async () => {
    const repo = ctx.db.ds.getRepository(DailySport);
    const sport = await repo.findOneByOrFail({ grade: 4, weekday: 1 });
    await inTransaction(ctx.db.ds, (em) =>
      em.getRepository(DailySport).update({ id: sport.id }, { peMinutes: 0, breakMinutes: 0 }),
    );
    try {
      const grade4 = (await admin.get("/admin/timetable?view=grade-4")).text;
      const day = /<td id="day-1">[\s\S]*?<\/td>/.exec(grade4)?.[0] ?? "";
      expect(grade4).to.contain('class="tt-dayissues"');
      expect(day).to.contain('class="tt-issue tt-issue-error"');
      expect(day).to.contain('href="/admin/compliance?rule=daily-sport-hour&amp;weekday=1"');
      expect(/<td id="day-2">[\s\S]*?<\/td>/.exec(grade4)?.[0]).to.not.contain("tt-issue");
      expect((await admin.get("/admin/timetable?view=grade-5")).text).to.not.contain('class="tt-dayissues"');
    } finally {
      await inTransaction(ctx.db.ds, (em) =>
        em
          .getRepository(DailySport)
          .update({ id: sport.id }, { peMinutes: sport.peMinutes, breakMinutes: sport.breakMinutes }),
      );
    }
    expect((await admin.get("/admin/timetable?view=grade-4")).text).to.not.contain('class="tt-dayissues"');
  });

  // Thursday period 2 holds only clubs; grade 3's supervised activity (自主活动/托管) is what a child with no club goes to.
  async function withoutThursdayActivity(body: () => Promise<void>): Promise<void> {
    const ds = ctx.db.ds;
    const taken = (await ds.getRepository(TimetableEntry).findBy({ weekday: 4, kind: "activity" })).filter((e) =>
      e.grades.includes(3),
    );
    const publish = () => publishTimetable(ds, "test: per-child rules", SYSTEM);
    if (taken.length) await inTransaction(ds, (em) => em.getRepository(TimetableEntry).delete(taken.map((e) => e.id)));
    await publish();
    try {
      await body();
    } finally {
      if (taken.length)
        await inTransaction(ds, (em) =>
          em.getRepository(TimetableEntry).insert(taken.map(({ id: _id, ...rest }) => rest)),
        );
      await publish();
    }
  }

  it("When grade 3's Thursday has no supervised activity, then the compliance page names the children enrolled that day with no club, page by page, and the grid shows the finding under Thursday", async () => {
    await withoutThursdayActivity(async () => {
      const ds = ctx.db.ds;
      const classes = await ds.getRepository(SchoolClass).findBy({ grade: 3 });
      const pupils = await ds
        .getRepository(Student)
        .find({ where: classes.map((c) => ({ classId: c.id })), order: { studentNumber: "ASC" } });
      const res = await admin.get("/admin/compliance?rule=child-service-5-plus-2&grade=3&weekday=4");
      expect(res.status).to.equal(200);
      expect(res.text).to.contain('data-rule="child-service-5-plus-2"');
      // No opt-ins and no published allocation yet in this demo: every grade-3 child is enrolled and has no club.
      expect(res.text).to.contain(`${pupils.length} 名报名学生当天的课后服务只有 15:40–16:40`);
      expect(res.text).to.contain(pupils[0].name);
      const later = pupils[pupils.length - 1];
      expect(res.text).to.not.contain(`>${later.name}<`);
      const last = await admin.get(
        `/admin/compliance?rule=child-service-5-plus-2&grade=3&weekday=4&page=${Math.ceil(pupils.length / 50)}`,
      );
      expect(last.text).to.contain(`>${later.name}<`);
      // Another grade keeps its activity: nothing about its children.
      expect((await admin.get("/admin/compliance?rule=child-service-5-plus-2&grade=4")).text).to.not.contain(
        'data-rule="child-service-5-plus-2"',
      );
      const grid = (await admin.get("/admin/timetable?view=grade-3")).text;
      const thursday = /<td id="day-4">[\s\S]*?<\/td>/.exec(grid)?.[0] ?? "";
      expect(thursday).to.contain('href="/admin/compliance?rule=child-service-5-plus-2&amp;weekday=4"');
    });
  });

  it("When nothing is written between two checks, then the second reuses the first run; a write makes the next check see it", async () => {
    const termId = (await ctx.db.ds.getRepository(Period).findOneByOrFail({})).termId;
    const first = await runPolicy(ctx.db.ds, termId);
    expect(await runPolicy(ctx.db.ds, termId)).to.equal(first);
    const { entry } = await insertLesson();
    try {
      const after = await runPolicy(ctx.db.ds, termId);
      expect(after).to.not.equal(first);
      expect(after.violations.map((v) => v.target.entryId)).to.include(String(entry.id));
    } finally {
      await remove(entry.id);
    }
    expect((await runPolicy(ctx.db.ds, termId)).violations.map((v) => v.target.entryId)).to.not.include(
      String(entry.id),
    );
  });

  it("When a write leaves the policy's input as it was, then the input is read again but its evaluation is reused", async () => {
    const termId = (await ctx.db.ds.getRepository(Period).findOneByOrFail({})).termId;
    const first = await runPolicy(ctx.db.ds, termId);
    await inTransaction(ctx.db.ds, (em) =>
      em.getRepository(Setting).save({ key: "test.unrelated", value: String(Math.random()) }),
    );
    const second = await runPolicy(ctx.db.ds, termId);
    expect(second).to.not.equal(first);
    expect(second.input).to.not.equal(first.input);
    expect(second.violations).to.equal(first.violations);
  });

  it("When the school's settings override a parameter or hold a bad value, then the rules page applies the one and reports the other", async () => {
    await inTransaction(ctx.db.ds, (em) =>
      em.getRepository(Setting).save([
        { key: "policy.maxStaffSessionsPerWeek", value: "4" },
        { key: "policy.latestEnd", value: "late" },
      ]),
    );
    try {
      const res = await admin.get("/admin/rules");
      expect(res.text).to.contain("每位教师每周最多节数 = 4");
      expect(res.text).to.match(/id="rule-staff-weekly-load"[\s\S]*?status-failing/);
      expect(res.text).to.contain("<code>policy.latestEnd</code>");
      const compliance = await admin.get("/admin/compliance?rule=staff-weekly-load");
      expect(compliance.text).to.match(/href="\/admin\/staff\?q=B\d+"/);
    } finally {
      await inTransaction(ctx.db.ds, (em) =>
        em.getRepository(Setting).delete({ key: "policy.maxStaffSessionsPerWeek" }),
      );
      await inTransaction(ctx.db.ds, (em) => em.getRepository(Setting).delete({ key: "policy.latestEnd" }));
    }
  });

  it("When a rule file is dropped into the rules folder, then the rules page shows it with no code change", async () => {
    const tmp = tempRulesDir(true);
    try {
      tmp.write("late-finish-warning.json", {
        id: "late-finish-warning",
        title: { "zh-CN": "放学过晚提醒", en: "Late finish" },
        severity: "warning",
        appliesTo: "gradeWeekday",
        parameters: { warnAfter: "17:45" },
        conditions: {
          all: [
            { fact: "hasService", operator: "equal", value: true },
            { fact: "serviceEnd", operator: "timeAfter", value: { fact: "parameters", path: "$.warnAfter" } },
          ],
        },
        message: {
          "zh-CN": "{grade}年级{weekdayName}服务到 {serviceEnd} 才结束。",
          en: "Grade {grade}, {weekdayName}: the service ends at {serviceEnd}.",
        },
      });
      useRulesDir(tmp.dir);
      const rules = await admin.get("/admin/rules");
      expect(rules.text).to.contain('id="rule-late-finish-warning"');
      expect(rules.text).to.contain("放学过晚提醒");
      const compliance = await admin.get("/admin/compliance?rule=late-finish-warning");
      expect(compliance.text).to.contain("3年级周二服务到 17:50 才结束。");
    } finally {
      useRulesDir(undefined);
      tmp.remove();
    }
  });
});
