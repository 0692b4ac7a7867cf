import { expect } from "chai";
import type { Express } from "express";
import { forEachDatabase } from "../../support/databases";
import { demoApp, staffLogin } from "../../support/demo-app";
import { loginAs, type Agent } from "../../support/http";
import type { DemoLogins } from "../../../seeds/demo";
import { seedDemoChoices } from "../../../seeds/demo-choices";
import { Student } from "../../../src/db/entities";
import { ChoiceRound } from "../../../src/choices/entities";

forEachDatabase("paper replies: finding the child by student number", (ctx) => {
  let app: Express;
  let logins: DemoLogins;
  let admin: Agent;
  let round: ChoiceRound;
  before(async function () {
    this.timeout(120_000);
    ({ app, logins } = await demoApp(ctx.db));
    ({ round } = await seedDemoChoices(ctx.db.ds, { students: 20, seed: 3 }));
    admin = await loginAs(app, staffLogin(logins, "admin"));
  });

  it("When the student number is left empty, then 400 names the field on the page it was typed on", async () => {
    for (const query of ["", "?studentNumber=", "?studentNumber=%20%20"]) {
      const res = await admin.get(`/admin/rounds/${round.id}/paper${query}`);
      expect(res.status, query).to.equal(400);
      expect(res.text).to.contain('id="err-studentNumber"');
      expect(res.text).to.contain("请输入学号");
      expect(res.text).not.to.contain("没有找到学号为“”的学生");
    }
  });

  it("When no child has the number, then 404 says so beside the field and keeps what was typed", async () => {
    const res = await admin.get(`/admin/rounds/${round.id}/paper?studentNumber=99999999`);
    expect(res.status).to.equal(404);
    expect(res.text).to.contain("没有找到学号为“99999999”的学生");
    expect(res.text).to.contain('value="99999999"');
  });

  it("When the number is a child's, then the paper form opens", async () => {
    const child = await ctx.db.ds
      .getRepository(Student)
      .findOneByOrFail({ studentNumber: logins.families[0].studentNumber });
    const res = await admin.get(`/admin/rounds/${round.id}/paper?studentNumber=${child.studentNumber}`);
    expect(res.status).to.equal(302);
    expect(res.headers.location).to.equal(`/admin/rounds/${round.id}/paper/${child.id}`);
    expect((await admin.get(`/admin/rounds/99999/paper?studentNumber=1`)).status).to.equal(404);
  });
});
