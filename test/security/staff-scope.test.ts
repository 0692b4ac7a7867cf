import { expect } from "chai";
import type { Express } from "express";
import { forEachDatabase } from "../support/databases";
import { demoApp, staffLogin } from "../support/demo-app";
import { loginAs, Agent } from "../support/http";
import { SchoolClass, Staff, Student, TimetableEntry } from "../../src/db/entities";
import { seedDemoEnrollments } from "../../seeds/demo-enrollments";
import { setSchoolClock } from "../../src/kernel";
import type { DemoLogins } from "../../seeds/demo";
import { recordableClasses } from "../../src/homework/access";

// The week of Mon 14 Sep 2026: weekday n runs on the 13+n.
const dateOf = (weekday: number) => `2026-09-${String(13 + weekday).padStart(2, "0")}`;
const register = (e: TimetableEntry) => `/attendance/sessions/${e.id}/${dateOf(e.weekday)}`;
// The children named on a dismissal list and on a register.
const dismissalNames = (html: string) =>
  [...html.matchAll(/<ol class="names">([\s\S]*?)<\/ol>/g)].flatMap((m) =>
    [...m[1].matchAll(/<li>([^<]+?)\s*(?:<span|<\/li>)/g)].map((n) => n[1]),
  );
const registerNames = (html: string) =>
  [...html.matchAll(/<span class="child"><strong>([^<]+)<\/strong>/g)].map((m) => m[1]);
const sorted = (names: Iterable<string>) => [...new Set(names)].sort();

forEachDatabase(
  "security: teachers see only their sessions and rosters, external instructors only their club",
  (ctx) => {
    let app: Express;
    let logins: DemoLogins;
    let entries: TimetableEntry[];
    const who: Record<string, { agent: Agent; staff: Staff }> = {};

    before(async function () {
      this.timeout(180_000);
      ({ app, logins } = await demoApp(ctx.db));
      await seedDemoEnrollments(ctx.db.ds);
      setSchoolClock(() => new Date("2026-09-18T08:00:00Z"));
      entries = await ctx.db.ds.getRepository(TimetableEntry).find({ order: { id: "ASC" } });
      for (const role of ["teacher", "external", "class_teacher"]) {
        const creds = staffLogin(logins, role);
        who[role] = {
          agent: await loginAs(app, creds),
          staff: await ctx.db.ds.getRepository(Staff).findOneByOrFail({ email: creds.email }),
        };
      }
      // A teacher who leads a grade's activity or sport on Monday: their sessions have children (the demo teacher's clubs have none before an allocation).
      const led = entries.find((e) => e.weekday === 1 && (e.kind === "activity" || e.kind === "sport"))!;
      const leader = await ctx.db.ds.getRepository(Staff).findOneByOrFail({ id: led.staffId! });
      who.activity_teacher = {
        agent: await loginAs(app, { email: leader.email!, password: logins.staff[0].password }),
        staff: leader,
      };
    });
    after(() => setSchoolClock());

    for (const [role, label] of [
      ["teacher", "a teacher"],
      ["external", "an external instructor"],
      ["class_teacher", "a class teacher"],
    ]) {
      it(`When ${label} opens every register of the week, then only their own sessions open and every other one is refused`, async function () {
        this.timeout(120_000);
        const { agent, staff } = who[role];
        const mine = entries.filter((e) => e.staffId === staff.id);
        expect(mine.length, "the demo gives them sessions").to.be.greaterThan(0);
        const wrong: string[] = [];
        for (const e of entries) {
          const res = await agent.get(register(e));
          const own = e.staffId === staff.id;
          if (own ? res.status !== 200 : res.status !== 403 && res.status !== 404)
            wrong.push(`${own ? "own" : "other"} ${register(e)} → ${res.status}`);
        }
        expect(wrong).to.deep.equal([]);
      });
    }

    it("When an external instructor opens their pages, then no other club's or class's children or sessions appear", async function () {
      this.timeout(60_000);
      const { agent, staff } = who.external;
      const others = entries.filter((e) => e.staffId !== staff.id && e.kind === "club");
      const page =
        (await agent.get("/attendance")).text + (await agent.get("/")).text + (await agent.get("/timetable")).text;
      const shown = [...new Set(others.map((e) => e.title))].filter(
        (t) => !entries.some((m) => m.staffId === staff.id && m.title === t) && page.includes(t),
      );
      expect(shown).to.deep.equal([]);
    });

    it("When a teacher who is not the class's teacher opens its codes or enrollment pages, then it is refused; the class teacher gets only their own class", async function () {
      this.timeout(60_000);
      const classes = await ctx.db.ds.getRepository(SchoolClass).find();
      const own = classes.find((c) => c.classTeacherId === who.class_teacher.staff.id);
      expect(own, "the class teacher has a class").to.not.equal(undefined);
      const wrong: string[] = [];
      for (const c of classes.slice(0, 8).concat(own!)) {
        for (const path of [`/admin/codes/class/${c.id}`, `/admin/enrollment/class/${c.id}`]) {
          for (const role of ["teacher", "external", "class_teacher"]) {
            const res = await who[role].agent.get(path);
            const allowed = role === "class_teacher" && c.id === own!.id;
            if (allowed ? res.status !== 200 : res.status < 400 || res.status >= 500)
              wrong.push(`${role} ${path} → ${res.status}`);
          }
        }
      }
      expect(wrong).to.deep.equal([]);
    });

    for (const [role, label] of [
      ["teacher", "a teacher"],
      ["activity_teacher", "a teacher leading a grade's activity"],
      ["external", "an external instructor"],
    ]) {
      it(`When ${label} opens the dismissal list of each day of the week, then it names exactly the children of the sessions they lead that day`, async function () {
        this.timeout(120_000);
        const { agent, staff } = who[role];
        const wrong: string[] = [];
        let named = 0;
        for (let weekday = 1; weekday <= 5; weekday++) {
          const expected: string[] = [];
          for (const e of entries.filter((x) => x.staffId === staff.id && x.weekday === weekday)) {
            const page = await agent.get(register(e));
            expect(page.status, register(e)).to.equal(200);
            expected.push(...registerNames(page.text));
          }
          for (const query of ["", "&class="]) {
            const res = await agent.get(`/attendance/dismissal?date=${dateOf(weekday)}${query}`);
            expect(res.status).to.equal(200);
            const shown = sorted(dismissalNames(res.text));
            named += shown.length;
            if (JSON.stringify(shown) !== JSON.stringify(sorted(expected))) {
              wrong.push(
                `${dateOf(weekday)}${query}: ${shown.length} shown, ${sorted(expected).length} in their sessions`,
              );
            }
          }
        }
        expect(wrong).to.deep.equal([]);
        if (role === "activity_teacher") expect(named, "their sessions have children").to.be.greaterThan(0);
      });
    }

    it("When a class teacher opens the dismissal list, then only their own class's children and their sessions' appear, and another class is refused", async function () {
      this.timeout(60_000);
      const { agent, staff } = who.class_teacher;
      const own = await ctx.db.ds.getRepository(SchoolClass).findOneByOrFail({ classTeacherId: staff.id });
      const other = await ctx.db.ds
        .getRepository(SchoolClass)
        .findOneOrFail({ where: { grade: own.grade === 1 ? 2 : 1 }, order: { id: "ASC" } });
      const pupils = (await ctx.db.ds.getRepository(Student).findBy({ classId: own.id })).map((s) => s.name);
      const date = dateOf(2);
      const mine: string[] = [...pupils];
      for (const e of entries.filter((x) => x.staffId === staff.id && x.weekday === 2))
        mine.push(...registerNames((await agent.get(register(e))).text));
      for (const query of ["", "&class=", `&class=${own.id}`]) {
        const res = await agent.get(`/attendance/dismissal?date=${date}${query}`);
        expect(res.status, query).to.equal(200);
        const shown = sorted(dismissalNames(res.text));
        expect(shown.length, query).to.be.greaterThan(0);
        expect(
          shown.filter((n) => !mine.includes(n)),
          query,
        ).to.deep.equal([]);
      }
      expect((await agent.get(`/attendance/dismissal?date=${date}&class=${other.id}`)).status).to.equal(403);
    });

    it("When staff open a grade's homework page, then it opens only for the grades of the classes they record homework for", async function () {
      this.timeout(60_000);
      const wrong: string[] = [];
      for (const role of ["teacher", "external", "class_teacher"]) {
        const { agent, staff } = who[role];
        const grades = new Set(
          (await recordableClasses(ctx.db.ds, { kind: "staff", id: staff.id, role: staff.role, name: staff.name })).map(
            (c) => c.grade,
          ),
        );
        for (let grade = 1; grade <= 6; grade++) {
          const res = await agent.get(`/homework/grade/${grade}`);
          if (grades.has(grade) ? res.status !== 200 : res.status !== 403)
            wrong.push(`${role} grade ${grade} → ${res.status}`);
        }
      }
      expect(wrong).to.deep.equal([]);
    });

    it("When a teacher reads the homework board of a class, then it is the board, never a roster of names", async () => {
      const pupil = await ctx.db.ds.getRepository(Student).findOneOrFail({ where: {}, order: { id: "ASC" } });
      const res = await who.external.agent.get(`/homework/class/${pupil.classId}`);
      expect(res.text).to.not.contain(pupil.name);
    });
  },
);
