import { expect } from "chai";
import request from "supertest";
import type { Express } from "express";
import { forEachDatabase } from "../../support/databases";
import { demoApp, staffLogin } from "../../support/demo-app";
import { formToken, loginAs, Agent } from "../../support/http";
import { AuditEntry, Club, Period, SchoolClass, Staff, Term, TimetableEntry, Venue } from "../../../src/db/entities";
import { inTransaction } from "../../../src/db/transaction";

// The demo week is full: every grade has a whole-class session in every slot
// except Thursday period 2 (clubs only). So clash cases add a club session on
// Thursday period 2, and free moves use an extra evening period 3.
forEachDatabase("timetable entries", (ctx) => {
  let app: Express;
  let admin: Agent;
  let teacher: Agent;
  const id: Record<string, number> = {};

  before(async function () {
    this.timeout(120_000);
    const demo = await demoApp(ctx.db);
    app = demo.app;
    admin = await loginAs(app, staffLogin(demo.logins, "admin"));
    teacher = await loginAs(app, staffLogin(demo.logins, "teacher"));
    await inTransaction(ctx.db.ds, async (em) => {
      const term = await em.getRepository(Term).findOneByOrFail({ current: true });
      const p3 = await em.getRepository(Period).save({
        termId: term.id,
        name: "延时托管",
        startTime: "18:00",
        endTime: "18:40",
        grades: [1, 2, 3, 4, 5, 6],
        position: 2,
      });
      id.p3 = p3.id;
      id.smallRoom = (await em.getRepository(Venue).save({ name: "小会议室", capacity: 10, indoor: true })).id;
      // B12 teaches Monday–Wednesday and Friday only.
      await em.getRepository(Staff).update({ staffNumber: "B12" }, { availableDays: [1, 2, 3, 5] });
    });
    const [p1, p2] = await ctx.db.ds.getRepository(Period).find({ order: { position: "ASC" } });
    Object.assign(id, { p1: p1.id, p2: p2.id });
    const staff = async (n: string) => (await ctx.db.ds.getRepository(Staff).findOneByOrFail({ staffNumber: n })).id;
    const venue = async (n: string) => (await ctx.db.ds.getRepository(Venue).findOneByOrFail({ name: n })).id;
    const club = async (c: string) => (await ctx.db.ds.getRepository(Club).findOneByOrFail({ code: c })).id;
    Object.assign(id, {
      b11: await staff("B11"),
      b12: await staff("B12"),
      e001: await staff("E001"),
      eastField: await venue("东操场"),
      danceRoom: await venue("舞蹈房"),
      go: await club("go"),
      reading: await club("reading"),
      class31: (await ctx.db.ds.getRepository(SchoolClass).findOneByOrFail({ name: "三年级(1)班" })).id,
    });
  });

  const entries = () => ctx.db.ds.getRepository(TimetableEntry);
  const state = async () => JSON.stringify(await entries().find({ order: { id: "ASC" } }));
  const audits = () => ctx.db.ds.getRepository(AuditEntry).count();
  const post = async (path: string, body: Record<string, unknown>) =>
    admin
      .post(path)
      .type("form")
      .send({ ...body, _csrf: await formToken(admin, "/admin/timetable/entries/new") });
  // A club session on Thursday period 2 that clashes with nothing.
  const goOnThursday = () => ({
    weekday: "4",
    periodId: String(id.p2),
    kind: "club",
    clubId: String(id.go),
    title: "",
    grades: [] as string[],
    classId: "",
    staffId: String(id.b11),
    venueId: String(id.eastField),
    intent: "save",
  });

  async function expectRefused(body: Record<string, unknown>, message: string, path = "/admin/timetable/entries") {
    const [before, auditBefore] = [await state(), await audits()];
    const res = await post(path, body);
    expect(res.status).to.equal(409);
    expect(res.text).to.contain('class="tt-clashes"');
    expect(res.text).to.contain(message);
    expect(await state()).to.equal(before);
    expect(await audits()).to.equal(auditBefore);
    return res;
  }

  it("When the entry form has a bad field, then it answers 400 naming that field and nothing changes", async () => {
    const cases: [string, Record<string, unknown>][] = [
      ["weekday", { weekday: "6" }],
      ["weekday", { weekday: "" }],
      ["periodId", { periodId: "abc" }],
      ["periodId", { periodId: "999999" }],
      ["kind", { kind: "party" }],
      ["title", { kind: "activity", clubId: "", title: "" }],
      ["title", { title: "围棋\u0000" }],
      ["grades", { grades: ["7"] }],
      ["grades", { kind: "activity", clubId: "", title: "游戏", grades: [] }],
      ["clubId", { clubId: "" }],
      ["clubId", { kind: "sport", title: "跑步", grades: ["3"] }],
      ["clubId", { clubId: "999999" }],
      ["staffId", { staffId: "999999" }],
      ["staffId", { staffId: "T001" }],
      ["venueId", { venueId: "999999" }],
      ["classId", { classId: "999999" }],
      ["classId", { classId: String(id.class31), grades: ["4"] }],
    ];
    const [before, auditBefore] = [await state(), await audits()];
    for (const [field, change] of cases) {
      const res = await post("/admin/timetable/entries", { ...goOnThursday(), ...change });
      expect(res.status, `${field} ${JSON.stringify(change)}`).to.equal(400);
      // A control character is refused before the form is read (http/body-check.ts): the error page names the field.
      const named = JSON.stringify(change).includes("\\u0000") ? `字段“${field}”含有控制字符` : `id="err-${field}"`;
      expect(res.text, `${field} ${JSON.stringify(change)}`).to.contain(named);
    }
    expect(await state()).to.equal(before);
    expect(await audits()).to.equal(auditBefore);
  });

  it("When the admin only checks a clashing session, then the clash is explained and nothing is saved", async () => {
    const before = await state();
    const res = await post("/admin/timetable/entries", {
      ...goOnThursday(),
      venueId: String(id.danceRoom),
      intent: "check",
    });
    expect(res.status).to.equal(200);
    expect(res.text).to.contain("场地 舞蹈房 在这一时段被多项活动占用。");
    const clear = await post("/admin/timetable/entries", { ...goOnThursday(), intent: "check" });
    expect(clear.text).to.contain("没有冲突，可以保存。");
    expect(await state()).to.equal(before);
  });

  it("When a save would double-book a staff member, then it is refused with 409, their name and the other session", async () => {
    const name = (await ctx.db.ds.getRepository(Staff).findOneByOrFail({ id: id.e001 })).name;
    const res = await expectRefused(
      { ...goOnThursday(), staffId: String(id.e001) },
      `${name} 在这一时段被安排了多项活动。`,
    );
    expect(res.text).to.contain("冲突对象：舞蹈");
  });

  it("When a save would double-book a venue, then it is refused with 409 and the venue's name", async () => {
    await expectRefused({ ...goOnThursday(), venueId: String(id.danceRoom) }, "场地 舞蹈房 在这一时段被多项活动占用。");
  });

  it("When a club is larger than the venue, then the save is refused with 409 and both numbers", async () => {
    await expectRefused(
      { ...goOnThursday(), venueId: String(id.smallRoom) },
      "场地 小会议室 只能容纳 10 人，但该活动最多 30 人。",
    );
  });

  it("When a whole grade is put in a small room, then the room is judged by the grade's size", async () => {
    const grade3 = await ctx.db.ds.query<{ n: number | string }[]>(
      `SELECT COUNT(*) AS n FROM student s JOIN school_class c ON c.id = s."classId" WHERE c.grade = 3`,
    );
    await expectRefused(
      {
        ...goOnThursday(),
        weekday: "1",
        periodId: String(id.p3),
        kind: "activity",
        clubId: "",
        title: "阅读",
        grades: ["3"],
        venueId: String(id.smallRoom),
      },
      `场地 小会议室 只能容纳 10 人，但该活动最多 ${Number(grade3[0].n)} 人。`,
    );
  });

  it("When the staff member does not work that day, then the save is refused with 409", async () => {
    const name = (await ctx.db.ds.getRepository(Staff).findOneByOrFail({ id: id.b12 })).name;
    await expectRefused({ ...goOnThursday(), staffId: String(id.b12) }, `${name} 这一天不能上课。`);
  });

  it("When the staff member comes that day only from a later time, then the save is refused with 409 naming the window", async () => {
    const b11 = await ctx.db.ds.getRepository(Staff).findOneByOrFail({ id: id.b11 });
    await ctx.db.ds
      .getRepository(Staff)
      .update({ id: id.b11 }, { availableHours: { "4": { from: "18:00", to: "19:00" } } });
    try {
      await expectRefused(
        { ...goOnThursday(), staffId: String(id.b11) },
        `${b11.name} 这一天只在 18:00–19:00 有空，这一节不在其中。`,
      );
    } finally {
      await ctx.db.ds.getRepository(Staff).update({ id: id.b11 }, { availableHours: null });
    }
  });

  it("When a grade has no service that day, then the save is refused with 409", async () => {
    // No period covers grade 1 any more, so grade 1 has no service on any weekday.
    const periods = await ctx.db.ds.getRepository(Period).find();
    await inTransaction(ctx.db.ds, (em) =>
      em.getRepository(Period).save(periods.map((p) => ({ ...p, grades: [2, 3, 4, 5, 6] }))),
    );
    try {
      const res = await expectRefused({ ...goOnThursday(), clubId: String(id.reading) }, "1 年级这一天没有课后服务。");
      expect(res.text).to.not.contain("2 年级这一天没有课后服务");
    } finally {
      await inTransaction(ctx.db.ds, (em) => em.getRepository(Period).save(periods));
    }
  });

  it("When a move would put a class in two sessions at once, then it is refused and nothing moves", async () => {
    const sport = await entries().findOneByOrFail({ title: "三年级体育活动", weekday: 2 });
    await expectRefused(
      { weekday: "2", periodId: String(id.p1) },
      "3 年级在这一时段有多项安排",
      `/admin/timetable/entries/${sport.id}/move`,
    );
  });

  it("When a session moves to a free slot, then only that entry changes, its sequence rises by one, and the move is audited", async () => {
    const activity = await entries().findOneByOrFail({ title: "三年级游戏与实践活动", weekday: 1 });
    const others = JSON.stringify(
      await entries()
        .find({ order: { id: "ASC" } })
        .then((all) => all.filter((e) => e.id !== activity.id)),
    );
    const res = await post(`/admin/timetable/entries/${activity.id}/move`, {
      weekday: "1",
      periodId: String(id.p3),
      view: "grade-3",
    });
    expect(res.status).to.equal(302);
    expect(res.headers.location).to.equal(`/admin/timetable?view=grade-3#slot-1-${id.p3}`);
    const moved = await entries().findOneByOrFail({ id: activity.id });
    expect(moved).to.include({
      weekday: 1,
      periodId: id.p3,
      title: activity.title,
      staffId: activity.staffId,
      sequence: activity.sequence + 1,
    });
    expect(moved.updatedAt > activity.updatedAt).to.equal(true);
    expect(
      JSON.stringify(
        await entries()
          .find({ order: { id: "ASC" } })
          .then((all) => all.filter((e) => e.id !== activity.id)),
      ),
    ).to.equal(others);
    const audit = await ctx.db.ds
      .getRepository(AuditEntry)
      .findOneByOrFail({ action: "timetable.entry.move", entityId: String(activity.id) });
    expect((audit.details as { after: { periodId: number } }).after.periodId).to.equal(id.p3);
  });

  it("When the move form is invalid, then it answers 400 naming the field", async () => {
    const entry = await entries().findOneByOrFail({ title: "四年级游戏与实践活动", weekday: 1 });
    const before = await state();
    const res = await post(`/admin/timetable/entries/${entry.id}/move`, { weekday: "9", periodId: String(id.p3) });
    expect(res.status).to.equal(400);
    expect(res.text).to.contain('id="err-weekday"');
    const res2 = await post(`/admin/timetable/entries/${entry.id}/move`, { weekday: "1", periodId: "999999" });
    expect(res2.status).to.equal(400);
    expect(res2.text).to.contain('id="err-periodId"');
    expect(await state()).to.equal(before);
  });

  it("When the admin adds, edits and deletes a session, then each step is saved, sequenced and audited", async () => {
    const created = await post("/admin/timetable/entries", { ...goOnThursday(), view: "all" });
    expect(created.status).to.equal(302);
    const entry = await entries().findOneOrFail({ where: { clubId: id.go, staffId: id.b11 } });
    expect(entry).to.include({ title: "围棋", weekday: 4, periodId: id.p2, venueId: id.eastField, sequence: 0 });
    expect(entry.grades).to.deep.equal([3, 4, 5, 6]);

    const edited = await post(`/admin/timetable/entries/${entry.id}`, {
      ...goOnThursday(),
      title: "围棋（提高班）",
      grades: ["5", "6"],
    });
    expect(edited.status).to.equal(302);
    const after = await entries().findOneByOrFail({ id: entry.id });
    expect(after).to.include({ title: "围棋（提高班）", sequence: 1 });
    expect(after.grades).to.deep.equal([5, 6]);

    const confirm = await admin.get(`/admin/timetable/entries/${entry.id}/delete`);
    expect(confirm.status).to.equal(200);
    expect(confirm.text).to.contain("围棋（提高班）");
    const deleted = await post(`/admin/timetable/entries/${entry.id}/delete`, {});
    expect(deleted.status).to.equal(302);
    expect(await entries().countBy({ id: entry.id })).to.equal(0);
    const actions = (
      await ctx.db.ds.getRepository(AuditEntry).findBy({ entity: "timetable_entry", entityId: String(entry.id) })
    ).map((a) => a.action);
    expect(actions).to.have.members(["timetable.entry.create", "timetable.entry.update", "timetable.entry.delete"]);
  });

  it("When a club is cancelled, then it gets no new session", async () => {
    await inTransaction(ctx.db.ds, (em) => em.getRepository(Club).update({ id: id.go }, { cancelled: true }));
    try {
      const res = await post("/admin/timetable/entries", goOnThursday());
      expect(res.status).to.equal(400);
      expect(res.text).to.contain('id="err-clubId"');
    } finally {
      await inTransaction(ctx.db.ds, (em) => em.getRepository(Club).update({ id: id.go }, { cancelled: false }));
    }
  });

  it("When the grid is asked for a grade, a venue, a staff member or all, then it shows that angle", async () => {
    const all = await admin.get("/admin/timetable");
    expect(all.status).to.equal(200);
    expect(all.text).to.contain("作业辅导 · 一年级(1)班").and.to.contain("舞蹈");
    const grade1 = await admin.get("/admin/timetable?view=grade-1");
    expect(grade1.text).to.contain("绘本阅读").and.to.not.contain("围棋</");
    const venue = await admin.get(`/admin/timetable?view=venue-${id.danceRoom}`);
    expect(venue.text).to.contain("舞蹈").and.to.not.contain("作业辅导 · 一年级(1)班");
    const staff = await admin.get(`/admin/timetable?view=staff-${id.b11}`);
    expect(staff.text).to.contain("作业辅导 · 一年级(1)班").and.to.not.contain("作业辅导 · 一年级(2)班");
    expect((await admin.get("/admin/timetable?view=nonsense")).status).to.equal(200);
  });

  it("When someone other than an admin tries the editor, then they are refused, and bad ids are 404", async () => {
    expect((await teacher.get("/admin/timetable")).status).to.equal(403);
    expect((await request(app).get("/admin/timetable/entries/new")).status).to.equal(302);
    const token = await formToken(teacher, "/");
    const before = await state();
    expect(
      (
        await teacher
          .post("/admin/timetable/entries")
          .type("form")
          .send({ ...goOnThursday(), _csrf: token })
      ).status,
    ).to.equal(403);
    expect(await state()).to.equal(before);
    expect((await admin.get("/admin/timetable/entries/abc/edit")).status).to.equal(404);
    expect((await admin.get("/admin/timetable/entries/999999/edit")).status).to.equal(404);
    expect((await post("/admin/timetable/entries/999999/delete", {})).status).to.equal(404);
  });
});
