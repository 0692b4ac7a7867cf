import { expect } from "chai";
import type { Express } from "express";
import { forEachDatabase } from "../../support/databases";
import { demoApp, familyLogin } from "../../support/demo-app";
import { loginAs, type Agent } from "../../support/http";
import type { DemoLogins } from "../../../seeds/demo";
import { AuditEntry, ServiceEnrollment } from "../../../src/db/entities";
import { ChoiceRound, Preference } from "../../../src/choices/entities";
import { acceptPrivacy, clubIds, formOf, isoIn, openRound, setRound, snapshot, studentId } from "./fixtures";

forEachDatabase("club choices: families", (ctx) => {
  let app: Express;
  let logins: DemoLogins;
  let round: ChoiceRound;
  let clubs: Record<string, number>;
  let parent: Agent;
  let child: number;
  before(async function () {
    this.timeout(120_000);
    ({ app, logins } = await demoApp(ctx.db));
    await acceptPrivacy(ctx.db.ds);
    round = await openRound(ctx.db.ds);
    clubs = await clubIds(ctx.db.ds);
    parent = await loginAs(app, familyLogin(logins, 0));
    child = await studentId(ctx.db.ds, logins.families[0].studentNumber);
  });

  const send = async (agent: Agent, body: Record<string, unknown>, id = child) =>
    agent
      .post("/choices")
      .type("form")
      .send({ ...(await formOf(agent, `/choices/${id}`)), studentId: String(id), ...body });
  const prefOf = (id = child) => ctx.db.ds.getRepository(Preference).findOneBy({ roundId: round.id, studentId: id });

  it("When a family opens /choices, then it sees its child's form: a select per rank and club cards with teacher, venue, time and seats", async () => {
    const go = await parent.get("/choices");
    expect(go.status).to.equal(302);
    expect(go.headers.location).to.equal(`/choices/${child}`);
    const page = await parent.get(`/choices/${child}`);
    expect(page.status).to.equal(200);
    for (let n = 1; n <= 5; n++) expect(page.text).to.contain(`name="rank${n}"`);
    expect(page.text).to.contain('id="club-' + clubs.chess + '"');
    expect(page.text).to.not.contain('id="club-' + clubs.robotics + '"'); // grades 4–6 only
    expect(page.text).to.contain("棋艺室").and.contain("名额").and.contain("16:50–17:50");
    expect(page.text).to.not.contain("已填为第一志愿");
    expect(page.text).to.not.contain('name="placeWithSiblings"');
  });

  it("When the family sends a valid ranking, then it is saved with the weekdays and the receipt shows clubs, clubs per week, days, time and who", async () => {
    const res = await send(parent, {
      weekdays: ["1", "4"],
      rank1: String(clubs.chess),
      rank2: String(clubs.go),
      rank3: "",
      rank4: String(clubs.football),
      maxClubs: "1",
    });
    expect(res.status).to.equal(302);
    expect(res.headers.location).to.equal(`/choices/${child}/receipt?round=${round.id}`);
    const pref = (await prefOf())!;
    expect(pref.clubIds).to.deep.equal([clubs.chess, clubs.go, clubs.football]);
    expect(pref).to.include({ source: "family", enteredByStaffId: null, maxClubs: 1, version: 1 });
    const enrollment = await ctx.db.ds.getRepository(ServiceEnrollment).findOneByOrFail({ studentId: child });
    expect(enrollment.weekdays).to.deep.equal([1, 4]);
    expect(enrollment.source).to.equal("family");
    const receipt = await parent.get(res.headers.location);
    expect(receipt.text).to.contain("国际象棋").and.contain("围棋").and.contain("足球");
    expect(receipt.text).to.contain("每周 1 个").and.contain("周一、周四").and.contain("家长在线提交");
    expect(receipt.text).to.match(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    expect(receipt.text.indexOf("国际象棋")).to.be.below(receipt.text.indexOf("围棋"));
    expect(
      await ctx.db.ds.getRepository(AuditEntry).countBy({ action: "choices.submit", entityId: String(pref.id) }),
    ).to.equal(1);
  });

  const refused: [string, Record<string, unknown>, string][] = [
    ["too few clubs", { weekdays: "4", rank1: "chess", rank2: "go" }, "ranks"],
    [
      "too many clubs",
      {
        weekdays: "4",
        rank1: "chess",
        rank2: "go",
        rank3: "football",
        rank4: "basketball",
        rank5: "pingpong",
        rank6: "wushu",
      },
      "ranks",
    ],
    ["a duplicate", { weekdays: "4", rank1: "chess", rank2: "go", rank3: "chess" }, "rank3"],
    ["a club not open to the grade", { weekdays: "4", rank1: "robotics", rank2: "go", rank3: "chess" }, "rank1"],
    ["a club on a day not chosen", { weekdays: ["1", "2"], rank1: "chess" }, "rank1"],
    [
      "more clubs a week than the round allows",
      { weekdays: "4", rank1: "chess", rank2: "go", rank3: "football", maxClubs: "2" },
      "maxClubs",
    ],
    ["an unknown club id", { weekdays: "4", rank1: "999999", rank2: "go", rank3: "chess" }, "rank1"],
    ["a club id that is not a number", { weekdays: "4", rank1: "chess", rank2: "<script>", rank3: "go" }, "rank2"],
    [
      "a weekday outside Monday–Friday",
      { weekdays: ["4", "9"], rank1: "chess", rank2: "go", rank3: "football" },
      "weekdays",
    ],
  ];
  for (const [what, body, field] of refused) {
    it(`When the form has ${what}, then it answers 400 naming ${field}, and nothing changes`, async () => {
      const resolved = Object.fromEntries(
        Object.entries(body).map(([k, v]) => [
          k,
          k.startsWith("rank") && typeof v === "string" && clubs[v] ? String(clubs[v]) : v,
        ]),
      );
      const before = await snapshot(ctx.db.ds, round.id, child);
      const res = await send(parent, { maxClubs: "1", ...resolved });
      expect(res.status).to.equal(400);
      expect(res.text).to.contain(`id="err-${field}"`);
      expect(await snapshot(ctx.db.ds, round.id, child)).to.equal(before);
    });
  }

  it("When the form names another family's child, then it answers 404 and nothing of that child changes", async () => {
    const other = await studentId(ctx.db.ds, logins.families[1].studentNumber);
    const before = await snapshot(ctx.db.ds, round.id, other);
    const form = await formOf(parent, `/choices/${child}`);
    const res = await parent
      .post("/choices")
      .type("form")
      .send({
        ...form,
        studentId: String(other),
        weekdays: "4",
        rank1: String(clubs.chess),
        rank2: String(clubs.go),
        rank3: String(clubs.football),
      });
    expect(res.status).to.equal(404);
    expect((await parent.get(`/choices/${other}`)).status).to.equal(404);
    expect((await parent.get(`/choices/${other}/receipt`)).status).to.equal(404);
    expect(await snapshot(ctx.db.ds, round.id, other)).to.equal(before);
  });

  it("When the deadline has passed, then a post is refused with 409 and a clear message, and nothing changes", async () => {
    const form = await formOf(parent, `/choices/${child}`);
    await setRound(ctx.db.ds, round.id, { closesAt: isoIn(-60_000) });
    try {
      const before = await snapshot(ctx.db.ds, round.id, child);
      const res = await parent
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
      expect(res.status).to.equal(409);
      expect(res.text).to.contain("截止").and.contain("没有保存");
      expect(res.text).to.not.contain('name="rank1"');
      expect(await snapshot(ctx.db.ds, round.id, child)).to.equal(before);
    } finally {
      await setRound(ctx.db.ds, round.id, { closesAt: round.closesAt });
    }
  });

  it("When a round has not opened yet, then a post is refused with 409 too", async () => {
    const form = await formOf(parent, `/choices/${child}`);
    await setRound(ctx.db.ds, round.id, { opensAt: isoIn(3_600_000) });
    try {
      const before = await snapshot(ctx.db.ds, round.id, child);
      const res = await parent
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
      expect(res.status).to.equal(409);
      expect(await snapshot(ctx.db.ds, round.id, child)).to.equal(before);
    } finally {
      await setRound(ctx.db.ds, round.id, { opensAt: round.opensAt });
    }
  });

  it("When two parents of one family save from the same form, then the second is refused with a notice showing what is saved now", async () => {
    const other = await loginAs(app, familyLogin(logins, 0));
    const formA = await formOf(parent, `/choices/${child}`);
    const formB = await formOf(other, `/choices/${child}`);
    expect(formA.version).to.equal(formB.version);
    const a = await parent
      .post("/choices")
      .type("form")
      .send({
        ...formA,
        studentId: String(child),
        weekdays: "4",
        rank1: String(clubs.calligraphy),
        rank2: String(clubs.chess),
        rank3: String(clubs.go),
      });
    expect(a.status).to.equal(302);
    const before = await snapshot(ctx.db.ds, round.id, child);
    const b = await other
      .post("/choices")
      .type("form")
      .send({
        ...formB,
        studentId: String(child),
        weekdays: "4",
        rank1: String(clubs.football),
        rank2: String(clubs.basketball),
        rank3: String(clubs.pingpong),
      });
    expect(b.status).to.equal(409);
    expect(b.text).to.contain("您的修改没有保存").and.contain("书法");
    expect(b.text).to.contain(`name="version" value="${Number(formA.version) + 1}"`);
    expect(await snapshot(ctx.db.ds, round.id, child)).to.equal(before);
    expect((await prefOf())!.clubIds[0]).to.equal(clubs.calligraphy);
  });

  it("When two parents press save at the same moment, then exactly one save wins and the other sees the notice", async () => {
    const other = await loginAs(app, familyLogin(logins, 0));
    const [formA, formB] = await Promise.all([formOf(parent, `/choices/${child}`), formOf(other, `/choices/${child}`)]);
    const version = (await prefOf())!.version;
    const [a, b] = await Promise.all([
      parent
        .post("/choices")
        .type("form")
        .send({
          ...formA,
          studentId: String(child),
          weekdays: "4",
          rank1: String(clubs.science),
          rank2: String(clubs.chess),
          rank3: String(clubs.go),
        }),
      other
        .post("/choices")
        .type("form")
        .send({
          ...formB,
          studentId: String(child),
          weekdays: "4",
          rank1: String(clubs.hulusi),
          rank2: String(clubs.chess),
          rank3: String(clubs.go),
        }),
    ]);
    expect([a.status, b.status].sort()).to.deep.equal([302, 409]);
    const pref = (await prefOf())!;
    expect(pref.version).to.equal(version + 1);
    expect(pref.clubIds[0]).to.equal(a.status === 302 ? clubs.science : clubs.hulusi);
  });

  it("When the first save of a child races another first save, then one is kept and the other sees the notice", async () => {
    const sibling = await studentId(ctx.db.ds, logins.families[1].children[1]);
    const [p1, p2] = await Promise.all([loginAs(app, familyLogin(logins, 1)), loginAs(app, familyLogin(logins, 1))]);
    const [f1, f2] = await Promise.all([formOf(p1, `/choices/${sibling}`), formOf(p2, `/choices/${sibling}`)]);
    expect(f1.version).to.equal("0");
    const body = {
      studentId: String(sibling),
      weekdays: "4",
      rank1: String(clubs.painting),
      rank2: String(clubs.dance),
      rank3: String(clubs.abacus),
    };
    const [a, b] = await Promise.all([
      p1
        .post("/choices")
        .type("form")
        .send({ ...f1, ...body }),
      p2
        .post("/choices")
        .type("form")
        .send({ ...f2, ...body, rank1: String(clubs.reading) }),
    ]);
    expect([a.status, b.status].sort()).to.deep.equal([302, 409]);
    expect(await ctx.db.ds.getRepository(Preference).countBy({ roundId: round.id, studentId: sibling })).to.equal(1);
  });

  it("When a family with two children in the round asks to place them together, then the box is offered and saved; a single child's request is ignored", async () => {
    const p = await loginAs(app, familyLogin(logins, 1));
    const older = await studentId(ctx.db.ds, logins.families[1].children[0]);
    const page = await p.get(`/choices/${older}`);
    expect(page.text).to.contain('name="placeWithSiblings"');
    expect(page.text).to.contain(`href="/choices/${await studentId(ctx.db.ds, logins.families[1].children[1])}"`);
    const res = await p
      .post("/choices")
      .type("form")
      .send({
        ...(await formOf(p, `/choices/${older}`)),
        studentId: String(older),
        weekdays: "4",
        rank1: String(clubs.chess),
        rank2: String(clubs.go),
        rank3: String(clubs.choir),
        placeWithSiblings: "1",
      });
    expect(res.status).to.equal(302);
    expect((await prefOf(older))!.placeWithSiblings).to.equal(true);
    const single = await send(parent, {
      weekdays: "4",
      rank1: String(clubs.chess),
      rank2: String(clubs.go),
      rank3: String(clubs.choir),
      placeWithSiblings: "1",
    });
    expect(single.status).to.equal(302);
    expect((await prefOf())!.placeWithSiblings).to.equal(false);
  });

  it('When a family ticks the sibling box as a browser sends it ("on") and the list is refused, then the form comes back with the box still ticked', async () => {
    const p = await loginAs(app, familyLogin(logins, 1));
    const older = await studentId(ctx.db.ds, logins.families[1].children[0]);
    const res = await p
      .post("/choices")
      .type("form")
      .send({
        ...(await formOf(p, `/choices/${older}`)),
        studentId: String(older),
        weekdays: "4",
        rank1: String(clubs.chess),
        rank2: "",
        rank3: "",
        placeWithSiblings: "on",
      });
    expect(res.status).to.equal(400);
    expect(res.text).to.contain('id="err-ranks"');
    expect(res.text).to.match(/name="placeWithSiblings" value="1" checked/);
  });

  it("When a family opts out of the service, then no clubs are needed and the receipt says so", async () => {
    const p = await loginAs(app, familyLogin(logins, 1));
    const younger = await studentId(ctx.db.ds, logins.families[1].children[1]);
    const res = await p
      .post("/choices")
      .type("form")
      .send({ ...(await formOf(p, `/choices/${younger}`)), studentId: String(younger), maxClubs: "1" });
    expect(res.status).to.equal(302);
    expect((await prefOf(younger))!.clubIds).to.deep.equal([]);
    expect(
      (await ctx.db.ds.getRepository(ServiceEnrollment).findOneByOrFail({ studentId: younger })).weekdays,
    ).to.deep.equal([]);
    expect((await p.get(res.headers.location)).text).to.contain("本学期不参加课后服务");
  });

  it("When the round shows first-choice counts, then each card says how many children ranked it first", async () => {
    await setRound(ctx.db.ds, round.id, { showFirstChoiceCounts: true });
    try {
      const page = await parent.get(`/choices/${child}`);
      expect(page.text).to.contain("已填为第一志愿");
      const card = page.text.slice(page.text.indexOf(`id="club-${clubs.chess}"`));
      expect(card.slice(0, card.indexOf("</article>"))).to.match(/已填为第一志愿<\/dt><dd>[12] 人/);
    } finally {
      await setRound(ctx.db.ds, round.id, { showFirstChoiceCounts: false });
    }
  });

  it("When a round is open and a family has answered, then the home card says submitted with a link to change", async () => {
    const { familyRoundCard } = await import("../../../src/choices/family-card");
    const familyId = (
      await ctx.db.ds.query<{ familyId: number }[]>(`SELECT "familyId" FROM student WHERE id = ${child}`)
    )[0].familyId;
    const card = (await familyRoundCard(ctx.db.ds, Number(familyId), child, () => Promise.resolve(false)))!;
    expect(card).to.include({ state: "submitted", href: `/choices/${child}`, roundId: round.id });
    const stranger = await studentId(ctx.db.ds, logins.families[1].studentNumber);
    expect(await familyRoundCard(ctx.db.ds, Number(familyId), stranger, () => Promise.resolve(false))).to.equal(null);
    const ejs = await import("ejs");
    const { translator } = await import("../../../src/http/i18n");
    const html = await ejs.renderFile(`${process.cwd()}/views/choices/family-card.ejs`, {
      choiceCard: card,
      t: translator("zh-CN"),
    });
    expect(html).to.contain("已于").and.contain(`href="/choices/${child}"`);
  });

  it("When a staff member or a visitor opens a family page, then it is refused", async () => {
    const anon = await (await import("supertest")).default(app).get(`/choices/${child}`);
    expect(anon.status).to.equal(302);
    const admin = await loginAs(app, { email: logins.staff[0].email, password: logins.staff[0].password });
    expect((await admin.get(`/choices/${child}`)).status).to.equal(403);
    expect((await parent.get("/choices/abc")).status).to.equal(404);
  });
});
