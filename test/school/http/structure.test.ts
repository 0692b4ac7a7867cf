import { expect } from "chai";
import type { Express } from "express";
import { forEachDatabase } from "../../support/databases";
import { demoApp, staffLogin } from "../../support/demo-app";
import { csrfFrom, loginAs, Agent } from "../../support/http";
import { DailySport, Period, Staff, Term, Venue } from "../../../src/db/entities";

forEachDatabase("school set-up: periods, daily sport, venues, staff details", (ctx) => {
  let app: Express;
  let admin: Agent;
  let token: string;
  let term: Term;
  before(async function () {
    this.timeout(120_000);
    const demo = await demoApp(ctx.db);
    app = demo.app;
    admin = await loginAs(app, staffLogin(demo.logins, "admin"));
    token = csrfFrom((await admin.get("/admin/periods")).text);
    term = await ctx.db.ds.getRepository(Term).findOneByOrFail({ current: true });
  });
  const post = (path: string, body: Record<string, unknown>) =>
    admin
      .post(path)
      .type("form")
      .send({ ...body, _csrf: token });
  const periods = () => ctx.db.ds.getRepository(Period).countBy({ termId: term.id });

  describe("periods", () => {
    it("When a period ends before it starts, has a bad time or no grade, then the form names the field and adds nothing", async () => {
      const before = await periods();
      const backwards = await post(`/admin/periods/term/${term.id}`, {
        name: "晚托",
        startTime: "18:30",
        endTime: "18:00",
        grades: ["5", "6"],
      });
      expect(backwards.status).to.equal(400);
      expect(backwards.text).to.contain('id="err-endTime"');
      const badTime = await post(`/admin/periods/term/${term.id}`, {
        name: "晚托",
        startTime: "25:00",
        endTime: "7pm",
      });
      expect(badTime.status).to.equal(400);
      for (const field of ["startTime", "endTime", "grades"]) expect(badTime.text).to.contain(`id="err-${field}"`);
      const badGrade = await post(`/admin/periods/term/${term.id}`, {
        name: "晚托",
        startTime: "18:00",
        endTime: "18:30",
        grades: ["7"],
      });
      expect(badGrade.text).to.contain('id="err-grades"');
      expect(await periods()).to.equal(before);
    });

    it("When a period overlaps another for a shared grade, then it is refused; for other grades it is fine", async () => {
      // The demo's periods run 15:40–16:40 and 16:50–17:50 for all grades.
      const clash = await post(`/admin/periods/term/${term.id}`, {
        name: "延时",
        startTime: "17:30",
        endTime: "18:10",
        grades: ["6"],
      });
      expect(clash.status).to.equal(400);
      expect(clash.text).to.contain('id="err-startTime"');
      const touching = await post(`/admin/periods/term/${term.id}`, {
        name: "延时",
        startTime: "17:50",
        endTime: "18:30",
        grades: ["5", "6"],
      });
      expect(touching.status).to.equal(302);
      const saved = await ctx.db.ds.getRepository(Period).findOneByOrFail({ termId: term.id, name: "延时" });
      expect(saved.grades).to.deep.equal([5, 6]);
      expect(saved.position).to.equal(2);
      const edit = await post(`/admin/periods/${saved.id}`, {
        name: "延时",
        startTime: "17:00",
        endTime: "18:30",
        grades: ["5"],
      });
      expect(edit.status).to.equal(400);
      expect((await ctx.db.ds.getRepository(Period).findOneByOrFail({ id: saved.id })).startTime).to.equal("17:50");
    });

    it("When a period the timetable uses is deleted, then it is refused; an unused one goes", async () => {
      const used = await ctx.db.ds.getRepository(Period).findOneByOrFail({ termId: term.id, position: 0 });
      const refused = await post(`/admin/periods/${used.id}/delete`, {});
      expect(refused.status).to.equal(409);
      const spare = await ctx.db.ds.getRepository(Period).findOneByOrFail({ termId: term.id, name: "延时" });
      expect((await post(`/admin/periods/${spare.id}/delete`, {})).status).to.equal(302);
      expect(await ctx.db.ds.getRepository(Period).existsBy({ id: spare.id })).to.equal(false);
    });
  });

  describe("daily sport grid", () => {
    it("When a cell is not a whole number of minutes from 0 to 180, then the grid answers 400 naming the cell and changes nothing", async () => {
      const page = await admin.get("/admin/sport");
      const values = Object.fromEntries(
        [...page.text.matchAll(/name="((?:pe|br)_\d_\d)" inputmode="numeric" size="3" value="(\d+)"/g)].map((m) => [
          m[1],
          m[2],
        ]),
      );
      expect(Object.keys(values)).to.have.length(60);
      const res = await post(`/admin/sport/${term.id}`, { ...values, pe_3_2: "abc", br_4_5: "999" });
      expect(res.status).to.equal(400);
      expect(res.text).to.contain('id="err-pe_3_2"');
      expect(res.text).to.contain('id="err-br_4_5"');
      const cell = await ctx.db.ds.getRepository(DailySport).findOneByOrFail({ termId: term.id, grade: 3, weekday: 2 });
      expect(cell.peMinutes).to.equal(0);
    });

    it("When the grid is saved, then each grade and weekday holds its PE and 大课间 minutes", async () => {
      const page = await admin.get("/admin/sport");
      const values = Object.fromEntries(
        [...page.text.matchAll(/name="((?:pe|br)_\d_\d)" inputmode="numeric" size="3" value="(\d+)"/g)].map((m) => [
          m[1],
          m[2],
        ]),
      );
      const res = await post(`/admin/sport/${term.id}`, { ...values, pe_3_2: "40", br_3_2: "" });
      expect(res.status).to.equal(302);
      const cell = await ctx.db.ds.getRepository(DailySport).findOneByOrFail({ termId: term.id, grade: 3, weekday: 2 });
      expect([cell.peMinutes, cell.breakMinutes]).to.deep.equal([40, 0]);
      expect(await ctx.db.ds.getRepository(DailySport).countBy({ termId: term.id })).to.equal(30);
    });
  });

  describe("venues", () => {
    it("When the venue form is invalid or the name is taken, then it answers 400 naming the field and adds nothing", async () => {
      const before = await ctx.db.ds.getRepository(Venue).count();
      const res = await post("/admin/venues", { name: "", capacity: "0" });
      expect(res.status).to.equal(400);
      for (const field of ["name", "capacity", "indoor"]) expect(res.text).to.contain(`id="err-${field}"`);
      const noKind = await post("/admin/venues", { name: "机房", capacity: "40", indoor: "1", kind: "spaceship" });
      expect(noKind.status).to.equal(400);
      expect(noKind.text).to.contain('id="err-kind"');
      expect(noKind.text).to.contain("请选择场地类型");
      const taken = await post("/admin/venues", { name: "体育馆", capacity: "100", indoor: "1", kind: "sportsHall" });
      expect(taken.status).to.equal(400);
      expect(taken.text).to.contain('id="err-name"');
      expect(await ctx.db.ds.getRepository(Venue).count()).to.equal(before);
    });

    it("When a venue is created and edited, then the list finds it, and a venue in use cannot be deleted", async () => {
      expect(
        (await post("/admin/venues", { name: "操场", capacity: "300", indoor: "0", kind: "field" })).status,
      ).to.equal(302);
      const venue = await ctx.db.ds.getRepository(Venue).findOneByOrFail({ name: "操场" });
      expect([venue.indoor, venue.kind]).to.deep.equal([false, "field"]);
      await post(`/admin/venues/${venue.id}`, { name: "大操场", capacity: "320", indoor: "0", kind: "hall" });
      expect((await ctx.db.ds.getRepository(Venue).findOneByOrFail({ id: venue.id })).kind).to.equal("hall");
      expect((await admin.get(`/admin/venues/${venue.id}/edit`)).text).to.contain('<option value="hall" selected>');
      const list = await admin.get("/admin/venues?q=大操");
      expect(list.text).to.contain("大操场");
      expect(list.text).to.not.contain("舞蹈房");
      expect((await admin.get("/admin/venues")).text).to.contain("第 1 / 2 页");
      const used = await ctx.db.ds.getRepository(Venue).findOneByOrFail({ name: "舞蹈房" });
      expect((await post(`/admin/venues/${used.id}/delete`, {})).status).to.equal(409);
      expect((await post(`/admin/venues/${venue.id}/delete`, {})).status).to.equal(302);
      expect(await ctx.db.ds.getRepository(Venue).existsBy({ id: venue.id })).to.equal(false);
    });
  });

  describe("staff details", () => {
    it("When an external instructor's vetting date is removed or a weekday is not Mon–Fri, then the form names the field and nothing changes", async () => {
      const external = await ctx.db.ds.getRepository(Staff).findOneByOrFail({ staffNumber: "E001" });
      const res = await post(`/admin/staff/${external.id}/edit`, { vettedOn: "", availableDays: ["2", "6"] });
      expect(res.status).to.equal(400);
      expect(res.text).to.contain('id="err-vettedOn"');
      expect(res.text).to.contain('id="err-availableDays"');
      const after = await ctx.db.ds.getRepository(Staff).findOneByOrFail({ id: external.id });
      expect([after.vettedOn, after.availableDays]).to.deep.equal([external.vettedOn, external.availableDays]);
    });

    it("When the details are valid, then the vetting date and available weekdays are saved", async () => {
      const external = await ctx.db.ds.getRepository(Staff).findOneByOrFail({ staffNumber: "E002" });
      const res = await post(`/admin/staff/${external.id}/edit`, { vettedOn: "2026-09-15", availableDays: ["5", "1"] });
      expect(res.status).to.equal(302);
      const after = await ctx.db.ds.getRepository(Staff).findOneByOrFail({ id: external.id });
      expect([after.vettedOn, after.availableDays]).to.deep.equal(["2026-09-15", [1, 5]]);
      const teacher = await ctx.db.ds.getRepository(Staff).findOneByOrFail({ staffNumber: "T003" });
      expect((await post(`/admin/staff/${teacher.id}/edit`, { vettedOn: "" })).status).to.equal(302);
      expect((await ctx.db.ds.getRepository(Staff).findOneByOrFail({ id: teacher.id })).availableDays).to.deep.equal(
        [],
      );
    });

    it("When a time window is given for some weekdays, then it is saved, shown again, and a bad one names that day and changes nothing", async () => {
      const external = await ctx.db.ds.getRepository(Staff).findOneByOrFail({ staffNumber: "E002" });
      const base = { vettedOn: "2026-09-15", availableDays: ["1", "3"] };
      for (const [extra, field] of [
        [{ from1: "16:30" }, "hours1"],
        [{ from3: "18:00", to3: "16:30" }, "hours3"],
        [{ from2: "16:30", to2: "18:00" }, "hours2"],
      ] as const) {
        const res = await post(`/admin/staff/${external.id}/edit`, { ...base, ...extra });
        expect(res.status, field).to.equal(400);
        expect(res.text).to.contain(`id="err-${field}"`);
      }
      expect((await ctx.db.ds.getRepository(Staff).findOneByOrFail({ id: external.id })).availableHours).to.equal(null);
      const ok = await post(`/admin/staff/${external.id}/edit`, { ...base, from3: "16:30", to3: "18:00" });
      expect(ok.status).to.equal(302);
      const after = await ctx.db.ds.getRepository(Staff).findOneByOrFail({ id: external.id });
      expect(after.availableHours).to.deep.equal({ "3": { from: "16:30", to: "18:00" } });
      const page = await admin.get(`/admin/staff/${external.id}/edit`);
      expect(page.text).to.contain('name="from3" value="16:30"');
      await post(`/admin/staff/${external.id}/edit`, base);
      expect((await ctx.db.ds.getRepository(Staff).findOneByOrFail({ id: external.id })).availableHours).to.equal(null);
    });
  });
});
