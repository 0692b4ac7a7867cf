// Issue 17, capacity guard: a club's capacity cannot be lowered below the
// members the ledger has for it on any date from today to the term's end (机器人:
// 24 placed, capacity 1 was accepted and the report showed 2400 %), by the
// club form or by a clubs import; a club already over full (older data) is
// flagged wherever its fill is shown; the guard links to the club's members.
import { expect } from "chai";
import type { Express } from "express";
import { forEachDatabase } from "../../support/databases";
import { demoApp, staffLogin } from "../../support/demo-app";
import { formToken, loginAs, Agent } from "../../support/http";
import { uploadImportFile } from "../../support/import-upload";
import { seedDemoEnrollments } from "../../../seeds/demo-enrollments";
import { seedDemoAllocation } from "../../../seeds/demo-allocation";
import { AuditEntry, Club, Term } from "../../../src/db/entities";
import { ChoiceRound } from "../../../src/choices/entities";
import { setSchoolClock } from "../../../src/kernel";
import { membersOn } from "../../../src/membership";
import { MEMBERS_PER_PAGE } from "../../../src/clubs/routes";

const TODAY = "2026-10-12";

forEachDatabase("club capacity guard", (ctx) => {
  let app: Express;
  let admin: Agent;
  let teacher: Agent;
  let robotics: Club;
  let members: number;

  before(async function () {
    this.timeout(180_000);
    const demo = await demoApp(ctx.db);
    app = demo.app;
    await seedDemoEnrollments(ctx.db.ds);
    await seedDemoAllocation(ctx.db.ds);
    setSchoolClock(() => new Date(`${TODAY}T02:00:00Z`));
    admin = await loginAs(app, staffLogin(demo.logins, "admin"));
    teacher = await loginAs(app, staffLogin(demo.logins, "teacher"));
    const term = await ctx.db.ds.getRepository(Term).findOneByOrFail({ current: true });
    robotics = await ctx.db.ds.getRepository(Club).findOneByOrFail({ termId: term.id, code: "robotics" });
    members = (await membersOn(ctx.db.ds, [robotics.id], TODAY)).get(robotics.id)!.size;
  });
  after(() => setSchoolClock());

  const clubs = () => ctx.db.ds.getRepository(Club);
  const fields = (c: Club, maxSize: number) => ({
    code: c.code,
    name: c.name,
    category: c.category,
    description: c.description,
    grades: c.grades.map(String),
    minSize: String(Math.min(c.minSize, maxSize)),
    maxSize: String(maxSize),
    staffId: c.staffId === null ? "" : String(c.staffId),
    venueId: c.venueId === null ? "" : String(c.venueId),
  });
  const edit = async (c: Club, maxSize: number) =>
    admin
      .post(`/admin/clubs/${c.id}`)
      .type("form")
      .send({ ...fields(c, maxSize), _csrf: await formToken(admin, `/admin/clubs/${c.id}/edit`) });

  it("When the admin lowers a club's capacity below its members, then it answers 400 on maxSize with the count and a link to the members, and nothing changes", async () => {
    expect(members, "the demo's published allocation placed children in 机器人").to.be.greaterThan(1);
    const audits = await ctx.db.ds.getRepository(AuditEntry).count();
    const res = await edit(robotics, 1);
    expect(res.status).to.equal(400);
    expect(res.text).to.contain('id="err-maxSize"');
    expect(res.text).to.match(new RegExp(`id="err-maxSize"[^<]*${members}`));
    expect(res.text).to.contain(`href="/admin/clubs/${robotics.id}/members`);
    expect((await clubs().findOneByOrFail({ id: robotics.id })).maxSize).to.equal(robotics.maxSize);
    expect(await ctx.db.ds.getRepository(AuditEntry).count()).to.equal(audits);
  });

  it("When the capacity is lowered to exactly its members, then it is saved", async () => {
    const res = await edit(robotics, members);
    expect(res.status).to.equal(302);
    expect((await clubs().findOneByOrFail({ id: robotics.id })).maxSize).to.equal(members);
    expect((await edit(robotics, robotics.maxSize)).status).to.equal(302);
  });

  it("When a clubs import sets a capacity below a club's members, then the file is refused on that line naming the count, and nothing changes", async () => {
    const token = await formToken(admin, "/admin/import");
    const csv = Buffer.from(`名称,类别,年级,最多\r\n${robotics.name},科技,4-6,1\r\n`);
    const res = await uploadImportFile(admin, token, "clubs", "clubs.csv", csv);
    expect(res.status).to.equal(400);
    expect(res.text).to.contain('data-line="2"');
    expect(res.text).to.contain(String(members));
    expect((await clubs().findOneByOrFail({ id: robotics.id })).maxSize).to.equal(robotics.maxSize);
  });

  it("When the admin opens a club's members, then they are listed a page at a time; other roles are refused and bad input answers 400 or 404", async () => {
    const first = await admin.get(`/admin/clubs/${robotics.id}/members`);
    expect(first.status).to.equal(200);
    const rows = (html: string) => (html.match(/class="member-row"/g) ?? []).length;
    const page2 = await admin.get(`/admin/clubs/${robotics.id}/members?page=2`);
    expect(rows(first.text) + rows(page2.text)).to.equal(members);
    expect(rows(first.text)).to.equal(Math.min(members, MEMBERS_PER_PAGE));
    expect((await teacher.get(`/admin/clubs/${robotics.id}/members`)).status).to.equal(403);
    expect((await admin.get(`/admin/clubs/${robotics.id}/members?date=2026-13-01`)).status).to.equal(400);
    expect((await admin.get("/admin/clubs/999999/members")).status).to.equal(404);
    const holiday = await admin.get(`/admin/clubs/${robotics.id}/members?date=2026-10-01`);
    expect(holiday.status).to.equal(200);
  });

  it("When a club holds more members than its capacity (older data), then the club list, its edit page, the club report and the round's placements flag it, and no other club", async () => {
    await clubs().update({ id: robotics.id }, { maxSize: 1 });
    try {
      const flag = /class="[^"]*over-full/g;
      const list = await admin.get("/admin/clubs?category=science");
      expect(list.text).to.match(new RegExp(`id="club-${robotics.id}"[\\s\\S]*?over-full[\\s\\S]*?</li>`));
      expect((list.text.match(flag) ?? []).length).to.equal(1);
      const page = await admin.get(`/admin/clubs/${robotics.id}/edit`);
      expect(page.text).to.match(flag);
      expect(page.text).to.contain(`href="/admin/clubs/${robotics.id}/members`);
      const report = await admin.get("/admin/reports/clubs");
      expect(report.status).to.equal(200);
      expect(report.text).to.match(flag);
      expect(report.text).to.contain(robotics.name);
      const round = await ctx.db.ds.getRepository(ChoiceRound).findOneByOrFail({ termId: robotics.termId });
      const placements = await admin.get(`/admin/rounds/${round.id}/placements`);
      expect(placements.status).to.equal(200);
      expect((placements.text.match(flag) ?? []).length).to.equal(1);
    } finally {
      await clubs().update({ id: robotics.id }, { maxSize: robotics.maxSize });
    }
    const list = await admin.get("/admin/clubs?category=science");
    expect(list.text).to.not.match(/over-full/);
  });
});
