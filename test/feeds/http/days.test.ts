// Issue 20: holidays, exam days, school events and make-up days (调休) are
// all-day events a phone shows, in the school's, a family's and a teacher's
// feeds, and a session held on a make-up day says so in its title.
import { expect } from "chai";
import type { Express } from "express";
import { forEachDatabase } from "../../support/databases";
import { demoApp, staffLogin } from "../../support/demo-app";
import { loginAs, Agent } from "../../support/http";
import type { DemoLogins } from "../../../seeds/demo";
import { Staff, Student } from "../../../src/db/entities";
import { localDateTime, parseEvents, textOf } from "../unit/parsed-feed";
import { familyAgent, feedPathVia, fetchFeed } from "./support";

forEachDatabase("calendar feeds: the school calendar's days", (ctx) => {
  let app: Express;
  let logins: DemoLogins;
  let admin: Agent;
  let classTeacher: Agent;
  let family: Agent;

  before(async function () {
    this.timeout(120_000);
    ({ app, logins } = await demoApp(ctx.db));
    admin = await loginAs(app, staffLogin(logins, "admin"));
    classTeacher = await loginAs(app, staffLogin(logins, "class_teacher"));
    family = await familyAgent(app, { studentNumber: logins.families[1].studentNumber, code: logins.families[1].code });
  });

  const feeds = async (): Promise<[string, string][]> => {
    const child = await ctx.db.ds
      .getRepository(Student)
      .findOneByOrFail({ studentNumber: logins.families[1].children[0] });
    const teacher = await ctx.db.ds.getRepository(Staff).findOneByOrFail({ email: "bzr.g3c1@kehou.demo" });
    const out: [string, string][] = [];
    for (const [agent, page] of [
      [admin, "/feeds/school/0"],
      [family, `/feeds/student/${child.id}`],
      [classTeacher, `/feeds/staff/${teacher.id}`],
    ] as const) {
      const res = await fetchFeed(app, await feedPathVia(agent, page));
      expect(res.status, page).to.equal(200);
      out.push([page, (res.body as Buffer).toString("utf8")]);
    }
    return out;
  };

  it("When the school's, a family's and a teacher's feeds are read, then each special day is an all-day event with a clear title", async function () {
    this.timeout(60_000);
    const expected: Record<string, string> = {
      "2026-09-20": "调休上课：按周五课表",
      "2026-09-25": "中秋节放假",
      "2026-10-01": "国庆节放假",
      "2026-10-07": "国庆节放假",
      "2026-10-10": "调休上课：按周三课表",
      "2026-10-23": "秋季运动会",
      "2026-11-12": "期中考试：无课后服务",
      "2027-01-01": "元旦放假",
    };
    for (const [page, ics] of await feeds()) {
      const allDay = new Map(
        parseEvents(ics)
          .filter((e) => e.datetype === "date")
          .map((e) => [localDateTime(e.start, "UTC").date, textOf(e.summary)]),
      );
      for (const [date, title] of Object.entries(expected)) expect(allDay.get(date), `${page} ${date}`).to.equal(title);
    }
  });

  it("When a session is held on a make-up day, then its title says which weekday's timetable runs", async function () {
    this.timeout(60_000);
    for (const [page, ics] of await feeds()) {
      const onMakeUp = parseEvents(ics).filter(
        (e) => e.datetype !== "date" && localDateTime(e.start, "Asia/Shanghai").date === "2026-09-20",
      );
      expect(onMakeUp.length, page).to.be.greaterThan(0);
      for (const e of onMakeUp) expect(textOf(e.summary), page).to.match(/（调休·周五课表）$/);
    }
  });
});
