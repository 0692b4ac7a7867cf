// Issue 22, families: no dead ends. A closed round shows the list the family sent
// and leads to the results (or says when they come); the receipt invites the
// parent to the next child still to answer, then says all are done; a child with
// no club hears why and what to do now; leaving a club is confirmed on its own page.
import { expect } from "chai";
import type { Express } from "express";
import type { DataSource } from "typeorm";
import { forEachDatabase } from "../../support/databases";
import { familyLogin } from "../../support/demo-app";
import { csrfFrom, loginAs, testApp, type Agent } from "../../support/http";
import type { DemoLogins } from "../../../seeds/demo";
import { seedStep } from "../../../seeds/start";
import { DEMO_TOP_UP_NAME } from "../../../seeds/demo-open-round";
import { Club, SchoolClass, Student } from "../../../src/db/entities";
import { inTransaction } from "../../../src/db/transaction";
import { ChoiceRound, Preference } from "../../../src/choices/entities";
import { clubsOn } from "../../../src/membership";
import { schoolToday } from "../../../src/kernel";

forEachDatabase("family pages lead on (issue 22)", (ctx) => {
  let ds: DataSource;
  let app: Express;
  let logins: DemoLogins;
  let parent: Agent;
  let older: Student;
  let younger: Student;
  let topUp: ChoiceRound;

  before(async function () {
    this.timeout(600_000);
    ds = ctx.db.ds;
    // The demo as npm start seeds it: the autumn round closed and published, the top-up (补选) open for grades 3-6.
    logins = (await seedStep(ds, { production: false }))!;
    app = testApp(ds);
    const [o, y] = logins.families[1].children;
    older = await ds.getRepository(Student).findOneByOrFail({ studentNumber: o });
    younger = await ds.getRepository(Student).findOneByOrFail({ studentNumber: y });
    topUp = await ds.getRepository(ChoiceRound).findOneByOrFail({ name: DEMO_TOP_UP_NAME });
    parent = await loginAs(app, familyLogin(logins, 1));
    const privacy = await parent.get("/privacy");
    await parent
      .post("/privacy/accept")
      .type("form")
      .send({ _csrf: csrfFrom(privacy.text), accept: "1" });
  });

  it("When the younger child's round has closed and is published, then its choice page shows the list sent and a link to the results, and no form", async () => {
    const page = await parent.get(`/choices/${younger.id}`);
    expect(page.status).to.equal(200);
    expect(page.text).to.contain("closed-list").and.contain("提交的志愿");
    expect(page.text).to.contain(`href="/results/${younger.id}"`);
    expect(page.text).to.not.contain('class="card form ranking"');
    const pref = await ds.getRepository(Preference).findOneByOrFail({ studentId: younger.id });
    const first = await ds.getRepository(Club).findOneByOrFail({ id: pref.clubIds[0] });
    expect(page.text).to.contain(first.name);
  });

  it("When the family opens the younger child's receipt of the closed round, then it leads to the results and to the older child still to answer, never back into the closed form", async () => {
    const page = await parent.get(`/choices/${younger.id}/receipt`);
    expect(page.status).to.equal(200);
    expect(page.text).to.not.contain("现在去选择");
    expect(page.text).to.contain(`href="/results/${younger.id}"`);
    expect(page.text).to.contain(`下一个孩子：${older.name}`).and.contain(`href="/choices/${older.id}"`);
  });

  it("When the home page looks at the younger child, then its round card shows the list sent and the way to the results", async () => {
    const home = await parent.get("/");
    await parent
      .post("/family/child")
      .type("form")
      .send({ _csrf: csrfFrom(home.text), studentId: String(younger.id) });
    const page = await parent.get("/");
    const card = page.text.slice(page.text.indexOf("choice-card"));
    expect(card.slice(0, card.indexOf("</section>")))
      .to.contain("state-closed")
      .and.contain(`href="/results/${younger.id}"`);
    await parent
      .post("/family/child")
      .type("form")
      .send({ _csrf: csrfFrom(page.text), studentId: String(older.id) });
  });

  it("When the older child took no part in the autumn round, then /results says so, lists clubs with seats for the grade and links to the open top-up", async () => {
    const page = await parent.get(`/results/${older.id}`);
    expect(page.status).to.equal(200);
    expect(page.text).to.contain("没有提交社团志愿").and.contain("现在可以怎么做");
    expect(page.text).to.contain("衍纸").and.contain("个名额");
    expect(page.text).to.contain(`href="/choices/${older.id}"`).and.contain(DEMO_TOP_UP_NAME);
    // In English too, with no raw keys.
    await parent
      .post("/lang")
      .type("form")
      .send({ _csrf: csrfFrom(page.text), lang: "en", back: "/" });
    try {
      const en = await parent.get(`/results/${older.id}`);
      expect(en.text).to.contain("What you can do now").and.not.contain("assignment.next");
      const receipt = await parent.get(`/choices/${younger.id}/receipt`);
      expect(receipt.text).to.contain(`Next child: ${older.name}`).and.not.contain("choices.onward");
    } finally {
      await parent
        .post("/lang")
        .type("form")
        .send({ _csrf: csrfFrom(page.text), lang: "zh-CN", back: "/" });
    }
  });

  it("When the older child's list is sent, then the receipt says every child who can choose has answered", async () => {
    const form = await parent.get(`/choices/${older.id}`);
    const club = /<option value="(\d+)"[^>]*>衍纸/.exec(form.text)![1];
    const res = await parent
      .post("/choices")
      .type("form")
      .send({
        _csrf: csrfFrom(form.text),
        roundId: String(topUp.id),
        studentId: String(older.id),
        version: /name="version" value="(\d+)"/.exec(form.text)![1],
        weekdays: ["1", "2", "3", "4", "5"],
        rank1: club,
        maxClubs: "1",
      });
    expect(res.status).to.equal(302);
    const receipt = await parent.get(res.headers.location);
    expect(receipt.text).to.contain("所有孩子的社团志愿都已提交").and.not.contain("下一个孩子");
  });

  it("When no round is open any more, then /results names the class teacher to ask instead of a round", async () => {
    await inTransaction(ds, (em) =>
      em.getRepository(ChoiceRound).update({ id: topUp.id }, { closesAt: new Date(Date.now() - 60_000).toISOString() }),
    );
    try {
      const cls = await ds
        .getRepository(SchoolClass)
        .findOneOrFail({ where: { id: older.classId }, relations: { classTeacher: true } });
      const page = await parent.get(`/results/${older.id}`);
      expect(page.text).to.contain(`${cls.name}班主任${cls.classTeacher!.name}`);
      expect(page.text).to.not.contain(`href="/choices/${older.id}"`);
      // The closed top-up's page shows the list sent and says the results are still to come.
      const choices = await parent.get(`/choices/${older.id}`);
      expect(choices.text).to.contain("closed-list").and.contain("统一公布");
    } finally {
      await inTransaction(ds, (em) =>
        em.getRepository(ChoiceRound).update({ id: topUp.id }, { closesAt: topUp.closesAt }),
      );
    }
  });

  describe("leaving a club", () => {
    let clubId: number;
    before(async () => {
      [clubId] = await clubsOn(ds, younger.id, await schoolToday(ds));
    });

    it("When the family asks to leave, then a confirmation page explains it, with one danger button and a way back", async () => {
      const results = await parent.get("/results");
      expect(results.text).to.contain(`href="/results/${younger.id}/withdraw/${clubId}"`);
      expect(results.text).to.not.contain('<details class="withdraw-details"');
      const page = await parent.get(`/results/${younger.id}/withdraw/${clubId}`);
      expect(page.status).to.equal(200);
      expect(page.text).to.contain('action="/results/withdraw"').and.contain('name="confirm"');
      expect(page.text).to.contain(`href="/results/${younger.id}"`);
    });

    it("When the club is not the child's, or the child not the family's, then 404", async () => {
      const other = await ds
        .getRepository(Student)
        .findOneByOrFail({ studentNumber: logins.families[0].studentNumber });
      expect((await parent.get(`/results/${other.id}/withdraw/${clubId}`)).status).to.equal(404);
      const notHeld = await ds.getRepository(Club).findOneByOrFail({ name: "衍纸" });
      expect((await parent.get(`/results/${younger.id}/withdraw/${notHeld.id}`)).status).to.equal(404);
      expect((await parent.get(`/results/${younger.id}/withdraw/x`)).status).to.equal(404);
    });

    it("When the box is not ticked, then 400 shows the confirmation again naming the box, and the child keeps the seat", async () => {
      const page = await parent.get(`/results/${younger.id}/withdraw/${clubId}`);
      const res = await parent
        .post("/results/withdraw")
        .type("form")
        .send({ _csrf: csrfFrom(page.text), studentId: String(younger.id), clubId: String(clubId) });
      expect(res.status).to.equal(400);
      expect(res.text).to.contain('id="err-confirm"').and.contain("withdraw-confirm");
      expect(await clubsOn(ds, younger.id, await schoolToday(ds))).to.include(clubId);
    });
  });
});
