import { expect } from "chai";
import type { Express } from "express";
import { forEachDatabase } from "../../support/databases";
import { demoApp, staffLogin } from "../../support/demo-app";
import { csrfFrom, formToken, loginAs, Agent } from "../../support/http";
import { AuditEntry, Club, Period, Staff, Term, TimetableEntry, Venue } from "../../../src/db/entities";
import { inTransaction } from "../../../src/db/transaction";

// "Place in the timetable" from a club's card: the demo's one club slot is
// Thursday period 2, where B11 and the east field are free and the choir's
// teacher and room are not.
forEachDatabase("timetable: placing a club", (ctx) => {
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
    const repo = <T extends object>(e: new () => T) => ctx.db.ds.getRepository(e);
    const [, p2] = await repo(Period).find({ order: { position: "ASC" } });
    const choir = await repo(Club).findOneByOrFail({ code: "choir" });
    const term = await repo(Term).findOneByOrFail({ current: true });
    const club = (code: string, name: string, staffId: number | null, venueId: number | null) =>
      inTransaction(ctx.db.ds, (em) =>
        em.getRepository(Club).save({
          termId: term.id,
          code,
          name,
          category: "arts",
          description: "",
          grades: [3, 4],
          minSize: 0,
          maxSize: 20,
          staffId,
          venueId,
          cancelled: false,
        }),
      );
    const b11 = (await repo(Staff).findOneByOrFail({ staffNumber: "B11" })).id;
    const east = (await repo(Venue).findOneByOrFail({ name: "东操场" })).id;
    Object.assign(id, {
      p2: p2.id,
      choir: choir.id,
      free: (await club("kite", "风筝", b11, east)).id,
      blocked: (await club("drum", "鼓乐", choir.staffId, choir.venueId)).id,
    });
  });

  const entries = () => ctx.db.ds.getRepository(TimetableEntry);
  const state = async () => JSON.stringify(await entries().find({ order: { id: "ASC" } }));
  const post = async (path: string, body: Record<string, unknown>) =>
    admin
      .post(path)
      .type("form")
      .send({ ...body, _csrf: await formToken(admin, `/admin/clubs/${id.free}/place`) });

  it("When the club's teacher and venue are free in the club slot, then the page offers a one-click place there", async () => {
    const res = await admin.get(`/admin/clubs/${id.free}/place`);
    expect(res.status).to.equal(200);
    expect(res.text).to.contain("排入课表：风筝");
    expect(res.text).to.contain(`id="place-4-${id.p2}"`).and.to.contain("排在这里");
    expect(res.text).to.contain('name="_csrf"').and.to.contain(`name="periodId" value="${id.p2}"`);
    expect(res.text).to.not.contain("没有可以直接排入");
  });

  it("When the club's teacher and room are the choir's, then no slot fits and each reason says teacher or venue", async () => {
    const res = await admin.get(`/admin/clubs/${id.blocked}/place`);
    expect(res.status).to.equal(200);
    expect(res.text).to.contain("没有可以直接排入的社团时段");
    expect(res.text).to.not.contain("排在这里");
    expect(res.text).to.contain("place-about-staff").and.to.contain("place-about-venue");
    expect(res.text).to.contain("在这一时段被安排了多项活动").and.to.contain("在这一时段被多项活动占用");
    expect(res.text).to.contain("冲突对象：少儿合唱");
    // The ways forward: another teacher or room, or another slot with the club filled in.
    expect(res.text).to.contain(`href="/admin/clubs/${id.blocked}/edit"`);
    expect(res.text).to.contain(`href="/admin/timetable/entries/new?clubId=${id.blocked}"`);
  });

  it("When the admin places it there, then a draft club session is saved with the club's teacher and venue, audited, and the grid shows it", async () => {
    const club = await ctx.db.ds.getRepository(Club).findOneByOrFail({ id: id.free });
    const res = await post(`/admin/clubs/${id.free}/place`, { weekday: "4", periodId: String(id.p2) });
    expect(res.status).to.equal(302);
    expect(res.headers.location).to.equal(`/admin/timetable?view=all#slot-4-${id.p2}`);
    const entry = await entries().findOneByOrFail({ clubId: id.free });
    expect(entry).to.include({
      kind: "club",
      title: "风筝",
      weekday: 4,
      periodId: id.p2,
      staffId: club.staffId,
      venueId: club.venueId,
    });
    expect(entry.grades).to.deep.equal([3, 4]);
    const audit = await ctx.db.ds
      .getRepository(AuditEntry)
      .findOneByOrFail({ action: "timetable.entry.create", entityId: String(entry.id) });
    expect(audit).to.not.equal(null);
    const grid = await admin.get("/admin/timetable");
    expect(grid.text).to.contain("已将“风筝”排入草稿课表：星期四");
    // Now it meets there: its page says so, and offers no second session in the same slot.
    const again = await admin.get(`/admin/clubs/${id.free}/place`);
    expect(again.text).to.contain("已在这个时段上课").and.to.contain("该社团已在：星期四");
  });

  it("When the slot posted is bad, then it answers 400 naming the field and nothing changes", async () => {
    const before = await state();
    for (const body of [{ weekday: "9", periodId: String(id.p2) }, { weekday: "4", periodId: "x" }, { weekday: "4" }]) {
      const res = await post(`/admin/clubs/${id.blocked}/place`, body);
      expect(res.status, JSON.stringify(body)).to.equal(400);
      expect(res.text).to.match(/id="err-(weekday|periodId)"/);
    }
    const unknown = await post(`/admin/clubs/${id.blocked}/place`, { weekday: "4", periodId: "999999" });
    expect(unknown.status).to.equal(400);
    expect(unknown.text).to.contain('id="err-periodId"');
    expect(await state()).to.equal(before);
  });

  it("When the slot clashes (a stale page, or a crafted post), then it is refused with 409 and the reason; nothing is saved", async () => {
    const before = await state();
    const res = await post(`/admin/clubs/${id.blocked}/place`, { weekday: "4", periodId: String(id.p2) });
    expect(res.status).to.equal(409);
    expect(res.text).to.contain("未排入：这个时段现在有冲突。");
    expect(await state()).to.equal(before);
  });

  it("When the admin reads the place page, the new club form and the publish page in English, then they are in English with no key showing", async () => {
    const lang = async (to: string) =>
      admin
        .post("/lang")
        .type("form")
        .send({ lang: to, _csrf: csrfFrom((await admin.get("/")).text) });
    await lang("en");
    try {
      const place = await admin.get(`/admin/clubs/${id.blocked}/place`);
      expect(place.text).to.contain("Place in the timetable: 鼓乐").and.to.contain("No club slot fits");
      const form = await admin.get("/admin/clubs/new");
      expect(form.text).to.match(/Leave blank to use club-\d+/);
      const publish = await admin.get("/admin/timetable/publish");
      expect(publish.text).to.contain("The changes (1)").and.to.contain("added");
      for (const page of [place.text, form.text, publish.text])
        expect(page).to.not.match(/(timetable|clubs)\.[a-z]+\.[a-zA-Z]/);
    } finally {
      await lang("zh-CN");
    }
  });

  it("When someone other than an admin asks, then they are refused; an unknown club is 404", async () => {
    expect((await teacher.get(`/admin/clubs/${id.free}/place`)).status).to.equal(403);
    expect((await admin.get("/admin/clubs/999999/place")).status).to.equal(404);
    expect((await admin.get("/admin/clubs/abc/place")).status).to.equal(404);
  });
});
