import { expect } from "chai";
import type { Express } from "express";
import { forEachDatabase } from "../../support/databases";
import { demoApp, familyLogin, staffLogin } from "../../support/demo-app";
import { formToken, loginAs, type Agent } from "../../support/http";
import type { DemoLogins } from "../../../seeds/demo";
import { AuditEntry, SchoolClass, Staff } from "../../../src/db/entities";
import { ChoiceRound, Preference } from "../../../src/choices/entities";
import { loadRoundChoices } from "../../../src/choices/store/round-choices";
import { toLocalInput } from "../../../src/kernel";
import { acceptPrivacy, clubIds, formOf, snapshot, studentId } from "./fixtures";

// Opens a few minutes ago (so families can answer now, and no earlier round of the term overlaps).
const opensLocal = toLocalInput(new Date(Date.now() - 10 * 60_000).toISOString(), "Asia/Shanghai");
const valid = {
  name: "2026 秋季社团选择",
  opensAt: opensLocal,
  closesAt: "2030-09-07T18:00",
  grades: ["1", "2", "3", "4", "5", "6"],
  minChoices: "3",
  maxChoices: "5",
  maxClubsPerChild: "1",
  mechanism: "optimal",
};

forEachDatabase("club choices: rounds, progress and paper replies", (ctx) => {
  let app: Express;
  let logins: DemoLogins;
  let admin: Agent;
  let round: ChoiceRound;
  let clubs: Record<string, number>;
  let roundsBefore: number;
  before(async function () {
    this.timeout(120_000);
    ({ app, logins } = await demoApp(ctx.db));
    await acceptPrivacy(ctx.db.ds);
    admin = await loginAs(app, staffLogin(logins, "admin"));
    clubs = await clubIds(ctx.db.ds);
    roundsBefore = await ctx.db.ds.getRepository(ChoiceRound).count();
  });

  const post = async (agent: Agent, path: string, body: Record<string, unknown>, tokenPage = "/admin/rounds") =>
    agent
      .post(path)
      .type("form")
      .send({ ...body, _csrf: await formToken(agent, tokenPage) });

  const invalid: [string, Record<string, unknown>, string][] = [
    ["no name", { name: "" }, "name"],
    [
      "a closing time before the opening time",
      { opensAt: "2026-09-08T08:00", closesAt: "2026-09-01T08:00" },
      "closesAt",
    ],
    ["a malformed time", { opensAt: "next monday" }, "opensAt"],
    ["a minimum above the maximum", { minChoices: "6", maxChoices: "5" }, "minChoices"],
    ["four clubs per child", { maxClubsPerChild: "4" }, "maxClubsPerChild"],
    ["no club per child", { maxClubsPerChild: "0" }, "maxClubsPerChild"],
    ["grade 7", { grades: ["3", "7"] }, "grades"],
    ["no grade", { grades: undefined }, "grades"],
    ["an unknown mechanism", { mechanism: "fcfs" }, "mechanism"],
  ];
  for (const [what, change, field] of invalid) {
    it(`When the round form has ${what}, then it answers 400 naming ${field} and opens nothing`, async () => {
      const res = await post(admin, "/admin/rounds", { ...valid, ...change });
      expect(res.status).to.equal(400);
      expect(res.text).to.contain(`id="err-${field}"`);
      expect(await ctx.db.ds.getRepository(ChoiceRound).count()).to.equal(roundsBefore);
    });
  }

  it("When the admin opens a round, then its times are stored in UTC from Beijing time, it is audited, and the page explains the mechanisms", async () => {
    const form = await admin.get("/admin/rounds/new");
    expect(form.text).to.contain('type="datetime-local"').and.contain("最少志愿数");
    const res = await post(admin, "/admin/rounds", { ...valid, showFirstChoiceCounts: "1" });
    expect(res.status).to.equal(302);
    round = await ctx.db.ds.getRepository(ChoiceRound).findOneByOrFail({ name: valid.name });
    expect(toLocalInput(round.opensAt, "Asia/Shanghai")).to.equal(opensLocal);
    expect(round.opensAt.endsWith(":00.000Z")).to.equal(true);
    expect(round.closesAt).to.equal("2030-09-07T10:00:00.000Z");
    expect(round).to.include({
      minChoices: 3,
      maxChoices: 5,
      maxClubsPerChild: 1,
      mechanism: "optimal",
      showFirstChoiceCounts: true,
    });
    expect(round.grades).to.deep.equal([1, 2, 3, 4, 5, 6]);
    expect(
      await ctx.db.ds.getRepository(AuditEntry).countBy({ action: "round.create", entityId: String(round.id) }),
    ).to.equal(1);
    const page = await admin.get(res.headers.location);
    expect(page.status).to.equal(200);
    expect(page.text).to.contain(opensLocal.replace("T", " ")).and.contain("2030-09-07 18:00");
    expect(page.text).to.contain("钻空子").and.contain("无法被").and.contain("调节杆");
    expect((await admin.get("/admin/rounds")).text).to.contain(valid.name);
  });

  it("When a second round overlaps the first for the same grades, then the form refuses it on grades", async () => {
    const res = await post(admin, "/admin/rounds", { ...valid, name: "重叠", grades: ["3"] });
    expect(res.status).to.equal(400);
    expect(res.text).to.contain('id="err-grades"');
  });

  it("When the admin edits the round, then the form shows local times and the change is saved and audited", async () => {
    const form = await admin.get(`/admin/rounds/${round.id}/edit`);
    expect(form.text).to.contain(`value="${opensLocal}"`);
    const res = await post(admin, `/admin/rounds/${round.id}`, { ...valid, minChoices: "2", mechanism: "lottery" });
    expect(res.status).to.equal(302);
    round = await ctx.db.ds.getRepository(ChoiceRound).findOneByOrFail({ id: round.id });
    expect(round).to.include({ minChoices: 2, mechanism: "lottery", showFirstChoiceCounts: false });
    await post(admin, `/admin/rounds/${round.id}`, { ...valid });
    round = await ctx.db.ds.getRepository(ChoiceRound).findOneByOrFail({ id: round.id });
    expect(
      await ctx.db.ds.getRepository(AuditEntry).countBy({ action: "round.update", entityId: String(round.id) }),
    ).to.equal(2);
    expect((await post(admin, `/admin/rounds/${round.id}`, { ...valid, minChoices: "9" })).status).to.equal(400);
  });

  it("When one family has answered, then the round page counts it in its class and the reminder list names the rest with guardian and phone", async () => {
    const parent = await loginAs(app, familyLogin(logins, 0));
    const child = await studentId(ctx.db.ds, logins.families[0].studentNumber);
    const sent = await parent
      .post("/choices")
      .type("form")
      .send({
        ...(await formOf(parent, `/choices/${child}`)),
        studentId: String(child),
        weekdays: ["2", "4"],
        rank1: String(clubs.chess),
        rank2: String(clubs.go),
        rank3: String(clubs.football),
      });
    expect(sent.status).to.equal(302);
    const cls = await ctx.db.ds.getRepository(SchoolClass).findOneByOrFail({ name: "三年级(1)班" });
    const page = await admin.get(`/admin/rounds/${round.id}`);
    const row = page.text.slice(page.text.indexOf(`data-class="${cls.id}"`));
    expect(row.slice(0, row.indexOf("</tr>"))).to.contain("1 / 40");
    expect(page.text).to.contain("0 / 40");
    const remind = await admin.get(`/admin/rounds/${round.id}/remind?class=${cls.id}`);
    expect(remind.status).to.equal(200);
    expect(remind.text).to.contain("/public/css/choices.css").and.contain("三年级(1)班");
    expect(remind.text).to.not.contain(logins.families[0].studentNumber);
    expect(remind.text)
      .to.contain("20240102")
      .and.match(/href="tel:139\d{8}"/);
    expect(remind.text).to.not.contain("三年级(2)班");
    expect((remind.text.match(/<tr>/g) ?? []).length).to.equal(1 + 39);
    const all = await admin.get(`/admin/rounds/${round.id}/remind`);
    expect(all.text).to.contain("六年级(4)班");
  });

  it("When a class teacher opens the reminders, then only their own class is listed, and other rounds pages are closed to them", async () => {
    const teacher = await loginAs(app, staffLogin(logins, "class_teacher"));
    expect((await teacher.get("/admin/rounds")).status).to.equal(200);
    const remind = await teacher.get(`/admin/rounds/${round.id}/remind`);
    expect(remind.text).to.contain("三年级(1)班").and.not.contain("三年级(2)班");
    const other = await ctx.db.ds.getRepository(SchoolClass).findOneByOrFail({ name: "三年级(2)班" });
    expect((await teacher.get(`/admin/rounds/${round.id}/remind?class=${other.id}`)).text).to.not.contain("20240202");
    expect((await teacher.get(`/admin/rounds/${round.id}`)).status).to.equal(403);
    expect(
      (await teacher.get(`/admin/rounds/${round.id}/paper/${await studentId(ctx.db.ds, "20240202")}`)).status,
    ).to.equal(403);
    expect(
      (await teacher.get(`/admin/rounds/${round.id}/paper/${await studentId(ctx.db.ds, "20240102")}`)).status,
    ).to.equal(200);
    const plain = await loginAs(app, staffLogin(logins, "teacher"));
    expect((await plain.get("/admin/rounds")).status).to.equal(403);
    expect((await plain.get(`/admin/rounds/${round.id}/remind`)).status).to.equal(403);
    const family = await loginAs(app, familyLogin(logins, 0));
    expect((await family.get("/admin/rounds")).status).to.equal(403);
  });

  it("When a class teacher types a paper reply, then it keeps the same rules, is marked as entered by staff, audited, and the family's receipt says so", async () => {
    const teacher = await loginAs(app, staffLogin(logins, "class_teacher"));
    const me = await ctx.db.ds
      .getRepository(Staff)
      .findOneByOrFail({ email: staffLogin(logins, "class_teacher").email });
    const child = await studentId(ctx.db.ds, logins.families[0].studentNumber);
    const path = `/admin/rounds/${round.id}/paper/${child}`;
    const form = await formOf(teacher, path);
    const before = await snapshot(ctx.db.ds, round.id, child);
    const tooFew = await teacher
      .post(path)
      .type("form")
      .send({ ...form, weekdays: "4", rank1: String(clubs.chess), rank2: String(clubs.go) });
    expect(tooFew.status).to.equal(400);
    expect(tooFew.text).to.contain('id="err-ranks"');
    expect(await snapshot(ctx.db.ds, round.id, child)).to.equal(before);
    const ok = await teacher
      .post(path)
      .type("form")
      .send({
        ...form,
        weekdays: ["4", "5"],
        rank1: String(clubs.calligraphy),
        rank2: String(clubs.chess),
        rank3: String(clubs.go),
      });
    expect(ok.status).to.equal(302);
    const pref = await ctx.db.ds.getRepository(Preference).findOneByOrFail({ roundId: round.id, studentId: child });
    expect(pref).to.include({ source: "staff", enteredByStaffId: me.id, version: 2 });
    expect(
      await ctx.db.ds
        .getRepository(AuditEntry)
        .countBy({ action: "choices.paper-reply", entityId: String(pref.id), actorId: me.id }),
    ).to.equal(1);
    const family = await loginAs(app, familyLogin(logins, 0));
    const receipt = await family.get(`/choices/${child}/receipt`);
    expect(receipt.text).to.contain(`学校老师${me.name}根据纸质回执录入`).and.contain("书法").and.contain("周四、周五");
    const stale = await teacher
      .post(path)
      .type("form")
      .send({
        ...form,
        weekdays: "4",
        rank1: String(clubs.go),
        rank2: String(clubs.chess),
        rank3: String(clubs.football),
      });
    expect(stale.status).to.equal(409);
    expect(stale.text).to.contain("您的修改没有保存");
  });

  it("When staff look up a paper reply by student number, then an unknown number is said plainly and a known one opens the form", async () => {
    const found = await admin.get(`/admin/rounds/${round.id}/paper?studentNumber=20240103`);
    expect(found.status).to.equal(302);
    expect(found.headers.location).to.equal(
      `/admin/rounds/${round.id}/paper/${await studentId(ctx.db.ds, "20240103")}`,
    );
    // An unknown number is answered on the remind page it was typed on (test/choices/http/paper-lookup.test.ts).
    const missing = await admin.get(`/admin/rounds/${round.id}/paper?studentNumber=000`);
    expect(missing.status).to.equal(404);
    expect(missing.text).to.contain("没有找到学号为“000”的学生");
    expect((await admin.get(`/admin/rounds/${round.id}/paper/abc`)).status).to.equal(404);
    expect((await admin.get(`/admin/rounds/999999/paper/1`)).status).to.equal(404);
  });

  it("When the allocation reads the round, then each answering child comes with weekdays, ranked club ids and the clubs with their meetings", async () => {
    const data = (await loadRoundChoices(ctx.db.ds, round.id))!;
    expect(data.round).to.include({ id: round.id, mechanism: "optimal", maxClubsPerChild: 1 });
    expect(data.slotMode).to.equal("weekday");
    const child = await studentId(ctx.db.ds, logins.families[0].studentNumber);
    const s = data.students.find((x) => x.studentId === child)!;
    expect(s).to.include({
      studentNumber: logins.families[0].studentNumber,
      grade: 3,
      maxClubs: 1,
      placeWithSiblings: false,
      source: "staff",
    });
    expect(s.weekdays).to.deep.equal(["thu", "fri"]);
    expect(s.slots).to.deep.equal(["thu", "fri"]);
    expect(s.clubIds).to.deep.equal([clubs.calligraphy, clubs.chess, clubs.go]);
    const chess = data.clubs.find((c) => c.code === "chess")!;
    expect(chess).to.include({ clubId: clubs.chess, maxSize: 40, minSize: 8, cancelled: false });
    expect(chess.weekdays).to.deep.equal(["thu"]);
    expect(chess.meetings).to.have.length(1);
    expect(chess.meetings[0]).to.include({ weekday: "thu", periodNo: 2 });
    expect(chess.slots).to.deep.equal(["thu"]);
    expect(data.clubs).to.have.length(23);
    expect(await loadRoundChoices(ctx.db.ds, 999999)).to.equal(null);
  });

  it("When the admin closes the round early, then a confirmation is required, and afterwards families are refused with 409", async () => {
    const page = await admin.get(`/admin/rounds/${round.id}/close`);
    expect(page.status).to.equal(200);
    const unconfirmed = await post(admin, `/admin/rounds/${round.id}/close`, {});
    expect(unconfirmed.status).to.equal(400);
    expect(unconfirmed.text).to.contain('id="err-confirm"');
    expect((await ctx.db.ds.getRepository(ChoiceRound).findOneByOrFail({ id: round.id })).closesAt).to.equal(
      round.closesAt,
    );
    const parent = await loginAs(app, familyLogin(logins, 0));
    const child = await studentId(ctx.db.ds, logins.families[0].studentNumber);
    const form = await formOf(parent, `/choices/${child}`);
    const closed = await post(admin, `/admin/rounds/${round.id}/close`, { confirm: "1" });
    expect(closed.status).to.equal(302);
    const after = await ctx.db.ds.getRepository(ChoiceRound).findOneByOrFail({ id: round.id });
    expect(after.closesAt < round.closesAt).to.equal(true);
    expect(
      await ctx.db.ds.getRepository(AuditEntry).countBy({ action: "round.close", entityId: String(round.id) }),
    ).to.equal(1);
    const before = await snapshot(ctx.db.ds, round.id, child);
    const late = await parent
      .post("/choices")
      .type("form")
      .send({
        ...form,
        studentId: String(child),
        weekdays: "4",
        rank1: String(clubs.go),
        rank2: String(clubs.chess),
        rank3: String(clubs.football),
      });
    expect(late.status).to.equal(409);
    expect(await snapshot(ctx.db.ds, round.id, child)).to.equal(before);
    expect((await post(admin, `/admin/rounds/${round.id}/close`, { confirm: "1" })).status).to.equal(409);
  });
});
