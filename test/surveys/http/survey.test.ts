import { expect } from "chai";
import type { Express } from "express";
import { parse } from "csv-parse/sync";
import { forEachDatabase } from "../../support/databases";
import { demoApp, familyLogin, staffLogin } from "../../support/demo-app";
import { Agent, csrfFrom, formToken, loginAs } from "../../support/http";
import { AuditEntry, Student } from "../../../src/db/entities";
import { Survey, SurveyReceipt, SurveyResponse } from "../../../src/surveys/entities";
import { inTransaction } from "../../../src/db/transaction";

forEachDatabase("satisfaction survey", (ctx) => {
  let app: Express;
  let logins: Awaited<ReturnType<typeof demoApp>>["logins"];
  let admin: Agent;
  let survey: Survey;

  before(async function () {
    this.timeout(180_000);
    ({ app, logins } = await demoApp(ctx.db));
    admin = await loginAs(app, staffLogin(logins, "admin"));
  });

  const post = async (agent: Agent, path: string, body: Record<string, string>, tokenFrom = "/admin/surveys/new") =>
    agent
      .post(path)
      .type("form")
      .send({ ...body, _csrf: await formToken(agent, tokenFrom) });

  async function familyAgent(i: number): Promise<Agent> {
    const agent = await loginAs(app, familyLogin(logins, i));
    const token = csrfFrom((await agent.get("/privacy")).text);
    await agent.post("/privacy/accept").type("form").send({ _csrf: token, accept: "1" });
    return agent;
  }

  it("When the admin builds a survey, then bad questions name their field and good ones are added to the draft", async () => {
    const empty = await post(admin, "/admin/surveys", { title: "" });
    expect(empty.status).to.equal(400);
    for (const field of ["title", "template"]) expect(empty.text).to.contain(`id="err-${field}"`);
    const standard = await post(admin, "/admin/surveys", { title: "标准问卷", template: "standard" });
    const standardId = Number(/\/admin\/surveys\/(\d+)/.exec(standard.headers.location)![1]);
    expect(
      (await ctx.db.ds.getRepository(Survey).findOneByOrFail({ id: standardId })).questions.map((q) => q.text),
    ).to.deep.equal(["您对学校课后服务的总体评价是？"]);
    expect((await post(admin, `/admin/surveys/${standardId}/delete`, {})).status).to.equal(303);
    const created = await post(admin, "/admin/surveys", {
      title: "2026 秋季满意度调查（测试）",
      intro: "请花一分钟填写。",
      template: "blank",
    });
    expect(created.status).to.equal(303);
    const id = Number(/\/admin\/surveys\/(\d+)/.exec(created.headers.location)![1]);
    const bad = await post(admin, `/admin/surveys/${id}/questions`, {
      kind: "single",
      text: "只有一个选项？",
      options: "唯一",
    });
    expect(bad.status).to.equal(400);
    expect(bad.text).to.contain('id="err-options"');
    const unknown = await post(admin, `/admin/surveys/${id}/questions`, {
      kind: "single",
      text: "满意吗",
      options: "好\n不好",
      satisfaction: "1",
      satisfied: "很好",
    });
    expect(unknown.status).to.equal(400);
    expect(unknown.text).to.contain('id="err-satisfied"');
    expect((await post(admin, `/admin/surveys/${id}/questions/preset`, {})).status).to.equal(303);
    expect(
      (await post(admin, `/admin/surveys/${id}/questions`, { kind: "rating", text: "社团活动评分" })).status,
    ).to.equal(303);
    expect((await post(admin, `/admin/surveys/${id}/questions`, { kind: "text", text: "其他建议" })).status).to.equal(
      303,
    );
    survey = await ctx.db.ds.getRepository(Survey).findOneByOrFail({ id });
    expect(survey.state).to.equal("draft");
    expect(survey.questions.map((q) => q.kind)).to.deep.equal(["single", "rating", "text"]);
    expect(survey.questions[0].satisfaction).to.equal(true);
    expect(survey.questions[0].options!.filter((o) => o.satisfied).map((o) => o.label)).to.deep.equal([
      "满意",
      "基本满意",
    ]);
  });

  it("When the survey is still a draft, then families cannot see it; once open, its questions are fixed", async () => {
    const family = await familyAgent(0);
    expect((await family.get(`/surveys/${survey.id}`)).status).to.equal(404);
    expect((await post(admin, `/admin/surveys/${survey.id}/open`, {})).status).to.equal(303);
    expect((await post(admin, `/admin/surveys/${survey.id}/questions/q1/delete`, {})).status).to.equal(409);
    expect((await post(admin, `/admin/surveys/${survey.id}/delete`, {})).status).to.equal(409);
    const list = await family.get("/surveys");
    expect(list.text).to.contain(`href="/surveys/${survey.id}"`);
  });

  it("When a family answers, then a missing choice names the question; an answer is kept once, and a second one is refused", async () => {
    const family = await familyAgent(0);
    const path = `/surveys/${survey.id}`;
    const missing = await post(family, path, { q_q2: "q2o5" }, path);
    expect(missing.status).to.equal(400);
    expect(missing.text).to.contain('id="err-q_q1"');
    const ok = await post(family, path, { q_q1: "q1o1", q_q2: "q2o4", q_q3: "=1+1" }, path);
    expect(ok.status).to.equal(303);
    const again = await family
      .post(path)
      .type("form")
      .send({ q_q1: "q1o3", q_q2: "q2o1", _csrf: csrfFrom((await family.get("/surveys")).text) });
    expect(again.status).to.equal(409);
    expect(again.text).to.contain("您已提交过这份问卷");
    expect(await ctx.db.ds.getRepository(SurveyReceipt).countBy({ surveyId: survey.id })).to.equal(1);
    expect(await ctx.db.ds.getRepository(SurveyResponse).countBy({ surveyId: survey.id })).to.equal(1);
  });

  it("When two replies for one family reach the database, then the unique receipt refuses the second", async () => {
    const familyId = (
      await ctx.db.ds.getRepository(Student).findOneByOrFail({ studentNumber: logins.families[0].studentNumber })
    ).familyId;
    let refused = false;
    await inTransaction(ctx.db.ds, (em) =>
      em.getRepository(SurveyReceipt).insert({ surveyId: survey.id, familyId, submittedAt: new Date().toISOString() }),
    ).catch(() => {
      refused = true;
    });
    expect(refused).to.equal(true);
  });

  it("When the results are read, then they are anonymous: the reply carries no family, and no page or export names one", async () => {
    const columns = ctx.db.ds.getMetadata(SurveyResponse).columns.map((c) => c.propertyName);
    expect(columns).to.have.members(["id", "surveyId", "answers"]);
    const response = await ctx.db.ds.getRepository(SurveyResponse).findOneByOrFail({ surveyId: survey.id });
    expect(response.id).to.match(/^[0-9a-f-]{36}$/);
    const reply = await ctx.db.ds
      .getRepository(AuditEntry)
      .findOneByOrFail({ action: "survey.reply", entityId: String(survey.id) });
    expect(JSON.stringify(reply.details ?? {})).to.not.contain("q1o1");

    const child = await ctx.db.ds
      .getRepository(Student)
      .findOneOrFail({ where: { studentNumber: logins.families[0].studentNumber }, relations: { family: true } });
    const page = await admin.get(`/admin/surveys/${survey.id}/results`);
    expect(page.status).to.equal(200);
    expect(page.text).to.contain("共 1 份答卷，满意率 100.0% (1/1)");
    for (const secret of [child.name, child.studentNumber, child.family.guardianName])
      expect(page.text).to.not.contain(secret);
    const csv = await admin
      .get(`/admin/surveys/${survey.id}/results.csv?table=text`)
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on("data", (c: Buffer) => chunks.push(c));
        r.on("end", () => cb(null, Buffer.concat(chunks)));
      });
    const bytes = csv.body as Buffer;
    expect(bytes.subarray(0, 3).toString("hex")).to.equal("efbbbf");
    const rows: string[][] = parse(bytes, { bom: true });
    expect(rows[0]).to.deep.equal(["题目", "回答"]);
    // A family's free text "=1+1" must reach a spreadsheet as text, never as a formula.
    expect(rows[1]).to.deep.equal(["其他建议", "'=1+1"]);
    expect(bytes.toString("utf8")).to.not.contain(child.name);
  });

  it("When the survey is closed, then families can no longer answer, and teachers cannot manage surveys", async () => {
    expect((await post(admin, `/admin/surveys/${survey.id}/close`, {})).status).to.equal(303);
    const other = await familyAgent(1);
    const path = `/surveys/${survey.id}`;
    const res = await post(other, path, { q_q1: "q1o1", q_q2: "q2o5" }, "/surveys");
    expect(res.status).to.equal(409);
    expect(await ctx.db.ds.getRepository(SurveyReceipt).countBy({ surveyId: survey.id })).to.equal(1);
    const teacher = await loginAs(app, staffLogin(logins, "teacher"));
    expect((await teacher.get("/admin/surveys")).status).to.equal(403);
    expect((await teacher.get(`/admin/surveys/${survey.id}/results.xlsx`)).status).to.equal(403);
    expect((await teacher.get("/surveys")).status).to.equal(403);
  });
});
