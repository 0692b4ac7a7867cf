// Issue 23, the interest survey over HTTP: the admin creates a draft, opens it
// (families are told), families tick clubs for their own children only and may
// change until it closes, staff type in a paper answer, the admin closes it and
// exports the counts; bad input is a 400 that names the field and changes nothing.
import { expect } from "chai";
import type { Express } from "express";
import { forEachDatabase } from "../../support/databases";
import { demoApp, familyLogin, staffLogin } from "../../support/demo-app";
import { csrfFrom, loginAs, type Agent } from "../../support/http";
import type { DemoLogins } from "../../../seeds/demo";
import { AuditEntry, Club, Student, Term } from "../../../src/db/entities";
import { InterestAnswer, InterestSurvey, interestDemand } from "../../../src/interest";
import { Notification } from "../../../src/notifications/entities";
import { acceptPrivacy } from "../../choices/http/fixtures";
import { clubsFor, DAY, localIn, snapshot, studentByNumber } from "./fixtures";

forEachDatabase("interest survey over HTTP", (ctx) => {
  let app: Express;
  let logins: DemoLogins;
  let admin: Agent;
  let parent: Agent; // one child, grade 3
  let siblings: Agent; // two children, grades 5 and 2
  let child: Student;
  let elder: Student;
  let g3: Club[];
  let surveyId: number;

  before(async function () {
    this.timeout(180_000);
    ({ app, logins } = await demoApp(ctx.db));
    await acceptPrivacy(ctx.db.ds);
    admin = await loginAs(app, staffLogin(logins, "admin"));
    parent = await loginAs(app, familyLogin(logins, 0));
    siblings = await loginAs(app, familyLogin(logins, 1));
    child = await studentByNumber(ctx.db.ds, logins.families[0].studentNumber);
    elder = await studentByNumber(ctx.db.ds, logins.families[1].studentNumber);
    g3 = await clubsFor(ctx.db.ds, 3);
  });

  const post = async (agent: Agent, path: string, body: Record<string, unknown>, from = "/") =>
    agent
      .post(path)
      .type("form")
      .send({ _csrf: csrfFrom((await agent.get(from)).text), ...body });

  const surveyForm = async (overrides: Record<string, unknown> = {}) => ({
    name: "2027 春季社团意向调查",
    grades: ["2", "3", "5"],
    maxTicks: "3",
    closesAt: await localIn(ctx.db.ds, 7 * DAY),
    ...overrides,
  });

  it("When the admin posts a survey with bad fields, then each is named with a 400 and nothing is created", async () => {
    const before = await ctx.db.ds.getRepository(InterestSurvey).count();
    for (const [field, value] of [
      ["name", ""],
      ["grades", "9"],
      ["maxTicks", "0"],
      ["closesAt", "not a date"],
      ["closesAt", await localIn(ctx.db.ds, -DAY)],
      ["clubIds", "999999"],
    ] as const) {
      const res = await post(admin, "/admin/interest", await surveyForm({ [field]: value }), "/admin/interest/new");
      expect(res.status, field).to.equal(400);
      expect(res.text, field).to.contain(`id="err-${field}"`);
    }
    expect(await ctx.db.ds.getRepository(InterestSurvey).count()).to.equal(before);
  });

  it("When the admin creates a survey, then it is a draft offering every active club, and no family sees it", async () => {
    const res = await post(admin, "/admin/interest", await surveyForm(), "/admin/interest/new");
    expect(res.status).to.equal(302);
    surveyId = Number(/\/admin\/interest\/(\d+)$/.exec(res.headers.location)![1]);
    const survey = await ctx.db.ds.getRepository(InterestSurvey).findOneByOrFail({ id: surveyId });
    expect(survey.opensAt).to.equal(null);
    expect(survey.clubIds.length).to.equal(await ctx.db.ds.getRepository(Club).countBy({ cancelled: false }));
    const page = await admin.get(`/admin/interest/${surveyId}`);
    expect(page.text).to.contain("草稿");
    const family = await parent.get(`/interest/${child.id}`);
    expect(family.status).to.equal(200);
    expect(family.text).to.contain("目前没有面向");
    const refused = await post(parent, `/interest/${child.id}`, { surveyId, clubIds: [String(g3[0].id)] });
    expect(refused.status).to.equal(404);
  });

  it("When the admin edits the draft, then the change is saved; the list shows it", async () => {
    const res = await post(
      admin,
      `/admin/interest/${surveyId}`,
      await surveyForm({ name: "2027 春季社团意向调查（修订）" }),
      `/admin/interest/${surveyId}/edit`,
    );
    expect(res.status).to.equal(302);
    expect((await admin.get("/admin/interest")).text).to.contain("2027 春季社团意向调查（修订）");
  });

  it("When the admin opens it, then every family with a child in its grades is told once, and it can no longer be edited", async () => {
    const res = await post(admin, `/admin/interest/${surveyId}/open`, {}, `/admin/interest/${surveyId}`);
    expect(res.status).to.equal(302);
    const notices = await ctx.db.ds.getRepository(Notification).findBy({ kind: "interest.opened" });
    expect(notices.length).to.be.greaterThan(100);
    expect(notices.filter((n) => n.familyId === child.familyId)).to.have.length(1);
    expect(new Set(notices.map((n) => n.familyId)).size).to.equal(notices.length);
    const again = await post(admin, `/admin/interest/${surveyId}/open`, {}, `/admin/interest/${surveyId}`);
    expect(again.status).to.equal(409);
    expect((await admin.get(`/admin/interest/${surveyId}/edit`)).status).to.equal(409);
    const home = await parent.get("/");
    expect(home.text).to.contain(`社团意向调查：请为${child.name}勾选想参加的社团`);
  });

  it("When the family reads its notices and switches to English, then the survey speaks both languages", async () => {
    const notices = await parent.get("/notifications");
    expect(notices.text).to.contain("社团意向调查").and.to.contain("勾选想参加的社团");
    await post(parent, "/lang", { lang: "en", back: "/" });
    const page = await parent.get(`/interest/${child.id}`);
    expect(page.text).to.contain(`Clubs ${child.name} would like`).and.to.contain("Save the answer");
    expect((await parent.get("/notifications")).text).to.contain("please tick the clubs your child would like");
    await post(parent, "/lang", { lang: "zh-CN", back: "/" });
  });

  it("When a family ticks clubs, then the answer is saved in the survey's order with the most wanted, and the receipt shows it", async () => {
    const form = await parent.get(`/interest/${child.id}`);
    expect(form.status).to.equal(200);
    for (const c of g3) expect(form.text).to.contain(c.name);
    const [a, b] = [g3[2], g3[0]];
    const res = await post(parent, `/interest/${child.id}`, {
      surveyId,
      clubIds: [String(a.id), String(b.id)],
      mostWantedClubId: String(a.id),
    });
    expect(res.status).to.equal(302);
    expect(res.headers.location).to.equal(`/interest/${child.id}/receipt?survey=${surveyId}`);
    const answer = await ctx.db.ds.getRepository(InterestAnswer).findOneByOrFail({ surveyId, studentId: child.id });
    expect(answer.clubIds).to.deep.equal([b.id, a.id]);
    expect(answer.mostWantedClubId).to.equal(a.id);
    expect(answer.source).to.equal("family");
    const receipt = await parent.get(res.headers.location);
    expect(receipt.text).to.contain(a.name).and.to.contain(b.name).and.to.contain("家长在线提交");
  });

  it("When the family changes the answer, then the one answer is replaced", async () => {
    const res = await post(parent, `/interest/${child.id}`, { surveyId, clubIds: String(g3[1].id) });
    expect(res.status).to.equal(302);
    const answers = await ctx.db.ds.getRepository(InterestAnswer).findBy({ surveyId, studentId: child.id });
    expect(answers.map((x) => [x.clubIds, x.mostWantedClubId])).to.deep.equal([[[g3[1].id], null]]);
  });

  it("When a family posts a bad answer, then a 400 names the field and nothing changes", async () => {
    const g5only = (await clubsFor(ctx.db.ds, 5)).find((c) => !c.grades.includes(3))!;
    const cases: [Record<string, unknown>, string][] = [
      [{ clubIds: g3.slice(0, 4).map((c) => String(c.id)) }, "clubIds"],
      [{}, "clubIds"],
      [{ clubIds: String(g5only.id) }, "clubIds"],
      [{ clubIds: "abc" }, "clubIds"],
      [{ clubIds: String(g3[0].id), mostWantedClubId: String(g3[1].id) }, "mostWantedClubId"],
      [{ clubIds: String(g3[0].id), mostWantedClubId: "x" }, "mostWantedClubId"],
    ];
    const before = await snapshot(ctx.db.ds);
    for (const [body, field] of cases) {
      const res = await post(parent, `/interest/${child.id}`, { surveyId, ...body });
      expect(res.status, JSON.stringify(body)).to.equal(400);
      expect(res.text, JSON.stringify(body)).to.contain(`id="err-${field}"`);
    }
    expect(await snapshot(ctx.db.ds)).to.equal(before);
  });

  it("When a family reaches for another family's child, then it is refused with 404 and nothing changes", async () => {
    const before = await snapshot(ctx.db.ds);
    expect((await parent.get(`/interest/${elder.id}`)).status).to.equal(404);
    expect((await parent.get(`/interest/${elder.id}/receipt`)).status).to.equal(404);
    const res = await post(parent, `/interest/${elder.id}`, { surveyId, clubIds: String(g3[0].id) });
    expect(res.status).to.equal(404);
    expect((await parent.get("/interest/abc")).status).to.equal(404);
    expect(await snapshot(ctx.db.ds)).to.equal(before);
  });

  it("When a family with two children answers for one, then the receipt leads on to the other", async () => {
    const g5 = await clubsFor(ctx.db.ds, 5);
    const res = await post(siblings, `/interest/${elder.id}`, { surveyId, clubIds: String(g5[0].id) });
    expect(res.status).to.equal(302);
    const receipt = await siblings.get(res.headers.location);
    const younger = await ctx.db.ds.getRepository(Student).findOneByOrFail({
      familyId: elder.familyId,
      id: Number(/next-child[\s\S]*?href="\/interest\/(\d+)"/.exec(receipt.text)![1]),
    });
    expect(younger.id).to.not.equal(elder.id);
    expect(receipt.text).to.contain(`下一位：${younger.name}`);
  });

  it("When staff type in a paper answer, then it is saved as the staff's, audited, and a bad number is named", async () => {
    const lookup = await admin.get(`/admin/interest/${surveyId}/paper?studentNumber=${child.studentNumber}`);
    expect(lookup.status).to.equal(302);
    const missing = await admin.get(`/admin/interest/${surveyId}/paper?studentNumber=00000000`);
    expect(missing.status).to.equal(404);
    expect(missing.text).to.contain('id="err-studentNumber"');
    const path = `/admin/interest/${surveyId}/paper/${child.id}`;
    const res = await post(admin, path, { surveyId, clubIds: [String(g3[0].id), String(g3[1].id)] }, path);
    expect(res.status).to.equal(302);
    const answer = await ctx.db.ds.getRepository(InterestAnswer).findOneByOrFail({ surveyId, studentId: child.id });
    expect(answer.source).to.equal("staff");
    expect(answer.enteredByStaffId).to.be.a("number");
    const audit = await ctx.db.ds
      .getRepository(AuditEntry)
      .findOneByOrFail({ action: "interest.answer.paper", entityId: String(child.id) });
    expect(audit.actorKind).to.equal("staff");
    expect((await parent.get(`/interest/${child.id}/receipt`)).text).to.contain("纸质回执");
    const bad = await post(admin, path, { surveyId, clubIds: "1234567" }, path);
    expect(bad.status).to.equal(400);
    expect(bad.text).to.contain('id="err-clubIds"');
  });

  it("When the admin shows the survey and exports it, then progress and counts are there, sorted by demand, named by term and date", async () => {
    const page = await admin.get(`/admin/interest/${surveyId}`);
    expect(page.text).to.match(/已有 2 名填写/);
    const csv = await admin.get(`/admin/interest/${surveyId}/counts.csv`);
    expect(csv.status).to.equal(200);
    expect(csv.headers["content-type"]).to.match(/^text\/csv/);
    const term = await ctx.db.ds.getRepository(Term).findOneByOrFail({
      id: (await ctx.db.ds.getRepository(InterestSurvey).findOneByOrFail({ id: surveyId })).termId,
    });
    expect(decodeURIComponent(csv.headers["content-disposition"])).to.contain(
      `kehou-interest-${term.name.replace(/\s+/g, "")}-`,
    );
    const lines = csv.text
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).to.equal("社团,勾选人数,最想参加,2年级,3年级,5年级");
    const ticks = lines.slice(1).map((l) => Number(l.split(",")[1]));
    expect(ticks).to.deep.equal([...ticks].sort((x, y) => y - x));
    expect(ticks.reduce((a, b) => a + b, 0)).to.equal(3);
  });

  it("When the demand is asked for, then it is the survey's answers, most wanted first", async () => {
    const g5 = await clubsFor(ctx.db.ds, 5);
    await post(siblings, `/interest/${elder.id}`, {
      surveyId,
      clubIds: [String(g5[0].id), String(g5[1].id)],
      mostWantedClubId: String(g5[1].id),
    });
    const survey = await ctx.db.ds.getRepository(InterestSurvey).findOneByOrFail({ id: surveyId });
    const demand = await interestDemand(ctx.db.ds.manager, survey.termId);
    expect(demand!.surveyId).to.equal(surveyId);
    const asked = demand!.students.map(({ studentId, grade, clubIds }) => ({ studentId, grade, clubIds }));
    expect(asked).to.deep.include({ studentId: elder.id, grade: 5, clubIds: [g5[1].id, g5[0].id] });
    expect(asked).to.deep.include({ studentId: child.id, grade: 3, clubIds: [g3[0].id, g3[1].id] });
  });

  it("When the admin closes it, then it asks first; afterwards families see what was ticked and cannot change it", async () => {
    const unconfirmed = await post(admin, `/admin/interest/${surveyId}/close`, {}, `/admin/interest/${surveyId}/close`);
    expect(unconfirmed.status).to.equal(400);
    expect(unconfirmed.text).to.contain('id="err-confirm"');
    const res = await post(
      admin,
      `/admin/interest/${surveyId}/close`,
      { confirm: "1" },
      `/admin/interest/${surveyId}/close`,
    );
    expect(res.status).to.equal(302);
    const before = await snapshot(ctx.db.ds);
    const late = await post(parent, `/interest/${child.id}`, { surveyId, clubIds: String(g3[2].id) });
    expect(late.status).to.equal(409);
    expect(late.text).to.contain("本次调查已结束");
    expect(await snapshot(ctx.db.ds)).to.equal(before);
    const page = await parent.get(`/interest/${child.id}`);
    expect(page.text).to.contain(g3[0].name).and.not.to.contain('name="clubIds"');
    expect((await parent.get("/")).text).to.not.contain("社团意向调查：请为");
    const paper = `/admin/interest/${surveyId}/paper/${child.id}`;
    expect((await post(admin, paper, { surveyId, clubIds: String(g3[2].id) }, paper)).status).to.equal(409);
  });
});
