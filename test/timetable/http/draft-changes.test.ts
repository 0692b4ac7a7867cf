import { expect } from "chai";
import type { Express } from "express";
import { forEachDatabase } from "../../support/databases";
import { demoApp, staffLogin } from "../../support/demo-app";
import { formToken, loginAs, Agent } from "../../support/http";
import { Club, Period, Staff, Term, TimetableEntry, Venue } from "../../../src/db/entities";
import { inTransaction } from "../../../src/db/transaction";

// The entry form's defaults, a refused move shown where it was tried with the clash
// beside its field, and the draft's changes marked on the grid and listed on the
// publish page. The demo week is published; Thursday period 2 holds the clubs.
forEachDatabase("timetable: entry defaults, refused moves and draft changes", (ctx) => {
  let app: Express;
  let admin: Agent;
  const id: Record<string, number> = {};

  before(async function () {
    this.timeout(120_000);
    const demo = await demoApp(ctx.db);
    app = demo.app;
    admin = await loginAs(app, staffLogin(demo.logins, "admin"));
    id.p3 = await inTransaction(ctx.db.ds, async (em) => {
      const term = await em.getRepository(Term).findOneByOrFail({ current: true });
      const p3 = await em.getRepository(Period).save({
        termId: term.id,
        name: "延时托管",
        startTime: "18:00",
        endTime: "18:40",
        grades: [1, 2, 3, 4, 5, 6],
        position: 2,
      });
      return p3.id;
    });
    const [p1, p2] = await ctx.db.ds.getRepository(Period).find({ order: { position: "ASC" } });
    const club = (code: string) => ctx.db.ds.getRepository(Club).findOneByOrFail({ code });
    const entryOf = async (code: string) => (await entries().findOneByOrFail({ clubId: (await club(code)).id })).id;
    Object.assign(id, {
      p1: p1.id,
      p2: p2.id,
      choir: (await club("choir")).id,
      choirEntry: await entryOf("choir"),
      goEntry: await entryOf("go"),
      readingEntry: await entryOf("reading"),
      b11: (await ctx.db.ds.getRepository(Staff).findOneByOrFail({ staffNumber: "B11" })).id,
      library: (await ctx.db.ds.getRepository(Venue).findOneByOrFail({ name: "东操场" })).id,
    });
  });

  const entries = () => ctx.db.ds.getRepository(TimetableEntry);
  const state = async () => JSON.stringify(await entries().find({ order: { id: "ASC" } }));
  const post = async (path: string, body: Record<string, unknown>) =>
    admin
      .post(path)
      .type("form")
      .send({ ...body, _csrf: await formToken(admin, "/admin/timetable/entries/new") });
  const selected = (html: string, select: string) => {
    const block = html.slice(html.indexOf(`id="${select}"`));
    return /<option value="([^"]*)"[^>]*\bselected\b/.exec(block.slice(0, block.indexOf("</select>")))?.[1];
  };

  it("When a session is added in the club slot, then its kind defaults to club; in an activity slot, to activity", async () => {
    const thu = await admin.get(`/admin/timetable/entries/new?weekday=4&periodId=${id.p2}`);
    expect(selected(thu.text, "f-kind")).to.equal("club");
    const mon = await admin.get(`/admin/timetable/entries/new?weekday=1&periodId=${id.p2}`);
    expect(selected(mon.text, "f-kind")).to.equal("activity");
    const homework = await admin.get(`/admin/timetable/entries/new?weekday=2&periodId=${id.p1}`);
    expect(selected(homework.text, "f-kind")).to.equal("homework");
  });

  it("When the form is opened for a club, then the club, its teacher and its venue are preselected, and busy ones are marked", async () => {
    const choir = await ctx.db.ds.getRepository(Club).findOneByOrFail({ id: id.choir });
    const res = await admin.get(`/admin/timetable/entries/new?weekday=4&periodId=${id.p2}&clubId=${id.choir}`);
    expect(selected(res.text, "f-kind")).to.equal("club");
    expect(selected(res.text, "f-club")).to.equal(String(id.choir));
    expect(selected(res.text, "f-staff")).to.equal(String(choir.staffId));
    expect(selected(res.text, "f-venue")).to.equal(String(choir.venueId));
    // Thursday period 2: the choir's teacher already has the choir there.
    expect(res.text).to.match(new RegExp(`<option value="${choir.staffId}" selected>[^<]*（本时段已有安排）`));
  });

  it("When a move is refused for a clash, then the edit form shows the slot tried, the clash on top and beside the field; nothing moves", async () => {
    const before = await state();
    const res = await post(`/admin/timetable/entries/${id.choirEntry}/move`, { weekday: "1", periodId: String(id.p1) });
    expect(res.status).to.equal(409);
    expect(selected(res.text, "f-weekday")).to.equal("1");
    expect(selected(res.text, "f-period")).to.equal(String(id.p1));
    expect(res.text).to.contain("未移动：该活动仍在星期四 社团 / 体育");
    const box = res.text.indexOf('id="clashes"');
    expect(box).to.be.greaterThan(0).and.lessThan(res.text.indexOf('class="card form tt-entry-form"'));
    expect(res.text).to.match(/id="clashes" tabindex="-1" autofocus/);
    expect(res.text).to.contain('data-clash-field="grades"');
    expect(await state()).to.equal(before);
  });

  it("When a save double-books a teacher, then the clash message sits under the staff field", async () => {
    const choir = await ctx.db.ds.getRepository(Club).findOneByOrFail({ id: id.choir });
    const go = await entries().findOneByOrFail({ id: id.goEntry });
    const res = await post(`/admin/timetable/entries/${id.goEntry}`, {
      weekday: "4",
      periodId: String(id.p2),
      kind: "club",
      clubId: String(go.clubId),
      title: "",
      staffId: String(choir.staffId),
      venueId: String(go.venueId ?? ""),
      intent: "save",
    });
    expect(res.status).to.equal(409);
    expect(res.text).to.contain('data-clash-field="staffId"');
  });

  it("When the draft moves, changes, adds and removes sessions, then the grid marks each with a legend and the publish page lists each in words", async () => {
    expect((await admin.get("/admin/timetable")).text).to.not.contain("tt-draft-legend");
    const reading = await entries().findOneByOrFail({ id: id.readingEntry });
    expect(
      (await post(`/admin/timetable/entries/${id.choirEntry}/move`, { weekday: "4", periodId: String(id.p3) })).status,
    ).to.equal(302);
    const edit = await post(`/admin/timetable/entries/${id.readingEntry}`, {
      weekday: "4",
      periodId: String(id.p2),
      kind: "club",
      clubId: String(reading.clubId),
      title: "",
      staffId: String(reading.staffId ?? ""),
      venueId: String(id.library),
      intent: "save",
    });
    expect(edit.status).to.equal(302);
    expect((await post(`/admin/timetable/entries/${id.goEntry}/delete`, {})).status).to.equal(302);
    const add = await post("/admin/timetable/entries", {
      weekday: "3",
      periodId: String(id.p3),
      kind: "activity",
      title: "晚间阅读",
      grades: ["5"],
      staffId: String(id.b11),
      intent: "save",
    });
    expect(add.status).to.equal(302);

    const grid = (await admin.get("/admin/timetable")).text;
    expect(grid).to.contain("tt-draft-legend").and.to.contain("草稿变更（与已发布课表相比）");
    const chip = (entryId: number) =>
      grid.slice(grid.indexOf(`data-entry-id="${entryId}"`) - 200, grid.indexOf(`data-entry-id="${entryId}"`));
    expect(chip(id.choirEntry)).to.contain("tt-draft-moved");
    expect(chip(id.readingEntry)).to.contain("tt-draft-changed");
    expect(grid).to.match(/tt-draft-removed" data-draft="removed" title="“[^”]*围棋/);
    expect(grid).to.contain("tt-draft-added");

    const publish = (await admin.get("/admin/timetable/publish")).text;
    expect(publish).to.contain("变更清单（4 处）");
    const text = publish.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
    expect(text).to.contain("已移动 少儿合唱 星期四 社团 / 体育 → 星期四 延时托管");
    expect(text).to.match(/已修改 [^ ]+ 星期四 社团 \/ 体育 （场地 [^ ]+ → 东操场）/);
    expect(text).to.match(/已删除 [^ ]*围棋[^ ]* 星期四 社团 \/ 体育/);
    expect(text).to.contain("新增 晚间阅读 星期三 延时托管");
  });

  it("When the draft is published, then the grid has no draft marks and the publish page lists nothing", async () => {
    const publish = await admin
      .post("/admin/timetable/publish")
      .type("form")
      .send({ reason: "测试发布变更", _csrf: await formToken(admin, "/admin/timetable/publish") });
    expect(publish.status).to.equal(302);
    const grid = (await admin.get("/admin/timetable")).text;
    expect(grid).to.not.contain("tt-draft-moved").and.to.not.contain("tt-draft-legend");
    expect((await admin.get("/admin/timetable/publish")).text).to.not.contain("变更清单");
  });
});
