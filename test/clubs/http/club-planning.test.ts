// The club form's planning fields (issue 23): eligible staff, sessions a week
// and the venue kind needed, as the proposer reads them.
import { expect } from "chai";
import type { Express } from "express";
import { forEachDatabase } from "../../support/databases";
import { demoApp, staffLogin } from "../../support/demo-app";
import { formToken, loginAs, Agent } from "../../support/http";
import { AuditEntry, Club, Staff, Venue } from "../../../src/db/entities";

forEachDatabase("club planning fields", (ctx) => {
  let app: Express;
  let admin: Agent;
  let artRoom: number;
  let leader: Staff;
  let other: Staff;
  let external: Staff;

  before(async function () {
    this.timeout(120_000);
    const demo = await demoApp(ctx.db);
    app = demo.app;
    admin = await loginAs(app, staffLogin(demo.logins, "admin"));
    artRoom = (await ctx.db.ds.getRepository(Venue).findOneByOrFail({ name: "美术教室" })).id;
    const staff = ctx.db.ds.getRepository(Staff);
    [leader, other, external] = await Promise.all([
      staff.findOneByOrFail({ staffNumber: "T030" }),
      staff.findOneByOrFail({ staffNumber: "T029" }),
      staff.findOneByOrFail({ staffNumber: "E002" }),
    ]);
  });

  const clubs = () => ctx.db.ds.getRepository(Club);
  const audits = () => ctx.db.ds.getRepository(AuditEntry).count();
  const snapshot = async () => JSON.stringify(await clubs().find({ order: { id: "ASC" } }));
  const post = async (path: string, body: Record<string, unknown>) =>
    admin
      .post(path)
      .type("form")
      .send({ ...body, _csrf: await formToken(admin, "/admin/clubs/new") });
  const valid = (code: string) => ({
    code,
    name: `陶艺 ${code}`,
    category: "crafts",
    grades: ["3", "4"],
    minSize: "6",
    maxSize: "20",
    staffId: String(leader.id),
    venueId: String(artRoom),
    eligibleStaffIds: [String(leader.id), String(external.id)],
    sessionsPerWeek: "2",
    venueKind: "art",
  });

  it("When the admin opens the club form, then it lists active staff to tick with a filter box, the sessions a week and the venue kinds", async () => {
    const res = await admin.get("/admin/clubs/new");
    expect(res.status).to.equal(200);
    expect(res.text).to.contain(`name="eligibleStaffIds" value="${external.id}"`);
    expect(res.text).to.contain('data-filter-list="eligible-list"');
    expect(res.text).to.contain('<option value="5" >每周 5 次</option>');
    expect(res.text).to.contain('<option value="">任意场地</option>');
    expect(res.text).to.contain('<option value="music" >音乐教室</option>');
  });

  it("When the admin saves a club with its planning fields, then they are stored, audited and shown on its card", async () => {
    const res = await post("/admin/clubs", valid("pottery-a"));
    expect(res.status).to.equal(302);
    const club = await clubs().findOneByOrFail({ code: "pottery-a" });
    expect(club).to.include({ sessionsPerWeek: 2, venueKind: "art", staffId: leader.id });
    expect(club.eligibleStaffIds).to.deep.equal([leader.id, external.id].sort((a, b) => a - b));
    const audit = await ctx.db.ds
      .getRepository(AuditEntry)
      .findOneByOrFail({ action: "club.create", entityId: String(club.id) });
    expect(audit.details).to.deep.include({ sessionsPerWeek: 2, venueKind: "art" });

    const list = await admin.get(res.headers.location);
    expect(list.text).to.contain("已新建社团“陶艺 pottery-a”").and.not.to.contain("已自动加入");
    expect(list.text).to.contain(`可带教：${leader.name}、${external.name} · 每周 2 次 · 需要：美术 / 手工教室`);

    // An edit records the planning fields before and after.
    const edit = await post(`/admin/clubs/${club.id}`, { ...valid("pottery-a"), sessionsPerWeek: "1", venueKind: "" });
    expect(edit.status).to.equal(302);
    expect(await clubs().findOneByOrFail({ id: club.id })).to.include({ sessionsPerWeek: 1, venueKind: null });
    const update = await ctx.db.ds
      .getRepository(AuditEntry)
      .findOneByOrFail({ action: "club.update", entityId: String(club.id) });
    const details = update.details as { before: Record<string, unknown>; after: Record<string, unknown> };
    expect(details.before).to.include({ sessionsPerWeek: 2, venueKind: "art" });
    expect(details.after).to.include({ sessionsPerWeek: 1, venueKind: null });
  });

  it("When the leader is not among the ticked staff, then the leader is added and the page says so", async () => {
    const res = await post("/admin/clubs", { ...valid("pottery-b"), eligibleStaffIds: String(other.id) });
    expect(res.status).to.equal(302);
    const club = await clubs().findOneByOrFail({ code: "pottery-b" });
    expect(club.eligibleStaffIds).to.deep.equal([other.id, leader.id].sort((a, b) => a - b));
    const list = await admin.get(res.headers.location);
    expect(list.text).to.contain(`指导教师${leader.name}不在可带教名单中，已自动加入。`);
    // None ticked and no leader: nobody is listed, and the card says so.
    const none = await post("/admin/clubs", { ...valid("pottery-c"), staffId: "", eligibleStaffIds: undefined });
    expect(none.status).to.equal(302);
    expect((await clubs().findOneByOrFail({ code: "pottery-c" })).eligibleStaffIds).to.deep.equal([]);
    expect((await admin.get(none.headers.location)).text).to.contain("可带教：未填写");
  });

  it("When a planning field is bad, then the form answers 400 naming it and nothing is saved", async () => {
    const { id: _id, ...copy } = other;
    const disabled = await ctx.db.ds
      .getRepository(Staff)
      .save({ ...copy, staffNumber: "T901", email: null, active: false });
    const cases: [string, Record<string, unknown>][] = [
      ["sessionsPerWeek", { sessionsPerWeek: "0" }],
      ["sessionsPerWeek", { sessionsPerWeek: "6" }],
      ["sessionsPerWeek", { sessionsPerWeek: "two" }],
      ["sessionsPerWeek", { sessionsPerWeek: "" }],
      ["venueKind", { venueKind: "pool" }],
      ["eligibleStaffIds", { eligibleStaffIds: ["abc"] }],
      ["eligibleStaffIds", { eligibleStaffIds: ["999999"] }],
      ["eligibleStaffIds", { eligibleStaffIds: [String(disabled.id)] }],
      ["venueId", { venueKind: "music" }],
    ];
    const [before, auditBefore] = [await snapshot(), await audits()];
    for (const [field, change] of cases) {
      const res = await post("/admin/clubs", { ...valid("pottery-bad"), ...change });
      expect(res.status, `${field} ${JSON.stringify(change)}`).to.equal(400);
      expect(res.text, `${field} ${JSON.stringify(change)}`).to.contain(`id="err-${field}"`);
    }
    // The venue's error names the kind needed, in words.
    const wrongKind = await post("/admin/clubs", { ...valid("pottery-bad"), venueKind: "music" });
    expect(wrongKind.text).to.contain("“美术教室”不是所需类型（音乐教室）的场地");
    expect(await snapshot()).to.equal(before);
    expect(await audits()).to.equal(auditBefore);
  });
});
