import { expect } from "chai";
import request from "supertest";
import type { Express } from "express";
import { Not } from "typeorm";
import { forEachDatabase } from "../../support/databases";
import { demoApp, staffLogin } from "../../support/demo-app";
import { csrfFrom, formToken, loginAs, Agent } from "../../support/http";
import { AuditEntry, Family, SchoolClass, Staff, Student } from "../../../src/db/entities";
import { hashSecret } from "../../../src/http/auth/passwords";

// Logs in as a family through the real form; resolves to the status code.
async function familyLogin(app: Express, studentNumber: string, code: string): Promise<number> {
  const agent = request.agent(app);
  const token = await formToken(agent, "/login");
  const res = await agent.post("/login").type("form").send({ mode: "family", studentNumber, code, _csrf: token });
  return res.status;
}

const slipsOf = (html: string) =>
  [...html.matchAll(/<article class="slip" data-family="(\d+)">([\s\S]*?)<\/article>/g)].map((m) => ({
    familyId: Number(m[1]),
    code: /data-code>([A-Z0-9]+)</.exec(m[2])![1],
    numbers: [...m[2].matchAll(/class="mono">([^<]+)</g)].map((n) => n[1]),
  }));

forEachDatabase("school set-up: family access codes", (ctx) => {
  let app: Express;
  let teacher: Agent;
  let token: string;
  let own: SchoolClass;
  before(async function () {
    this.timeout(120_000);
    const demo = await demoApp(ctx.db);
    app = demo.app;
    teacher = await loginAs(app, staffLogin(demo.logins, "class_teacher"));
    const me = await ctx.db.ds.getRepository(Staff).findOneByOrFail({ email: "bzr.g3c1@kehou.demo" });
    // A small class keeps argon2's deliberate slowness out of the suite's run time:
    // two families without a code (one with a sibling in another class), one with.
    own = await ctx.db.ds
      .getRepository(SchoolClass)
      .save({ grade: 3, name: "三年级(9)班", classTeacherId: me.id, archived: false });
    const elsewhere = await ctx.db.ds.getRepository(SchoolClass).findOneByOrFail({ name: "三年级(2)班" });
    const family = (familyKey: string, accessCodeHash: string | null) =>
      ctx.db.ds.getRepository(Family).save({
        familyKey,
        guardianName: `家长${familyKey}`,
        phone: null,
        accessCodeHash,
        codeIssuedAt: null,
        privacyAcceptedAt: null,
        privacyVersion: null,
        locale: null,
      });
    const [a, b, c] = [
      await family("CODE-A", null),
      await family("CODE-B", null),
      await family("CODE-C", await hashSecret("KEEPTHIS")),
    ];
    await ctx.db.ds.getRepository(Student).insert([
      { studentNumber: "0090001", name: "甲", classId: own.id, familyId: a.id, archived: false },
      { studentNumber: "0090002", name: "乙", classId: own.id, familyId: b.id, archived: false },
      { studentNumber: "0020002", name: "乙妹", classId: elsewhere.id, familyId: b.id, archived: false },
      { studentNumber: "0090003", name: "丙", classId: own.id, familyId: c.id, archived: false },
    ]);
    token = csrfFrom((await teacher.get(`/admin/codes/class/${own.id}`)).text);
  });
  const post = (agent: Agent, path: string) => agent.post(path).type("form").send({ _csrf: token });

  let slips: ReturnType<typeof slipsOf>;

  it("When the class teacher generates codes, then each family without one gets a slip once, and only a hash is stored", async function () {
    // argon2 is slow on purpose (~50 ms a hash, far more on a busy CI machine).
    this.timeout(300_000);
    const families = await ctx.db.ds
      .getRepository(Student)
      .find({ where: { classId: own.id }, relations: { family: true } });
    const without = new Set(families.filter((s) => !s.family.accessCodeHash).map((s) => s.familyId));
    expect(without.size).to.equal(2);
    const res = await post(teacher, `/admin/codes/class/${own.id}/generate`);
    expect(res.status).to.equal(200);
    expect(res.headers["cache-control"]).to.contain("no-store");
    slips = slipsOf(res.text);
    expect(new Set(slips.map((s) => s.familyId))).to.deep.equal(without);
    expect(res.text).to.contain("/login");
    // One slip per family, listing every child: this class's first.
    expect(slips.map((s) => s.numbers)).to.deep.equal([["0090001"], ["0090002", "0020002"]]);
    expect(res.text).to.contain("三年级(2)班");
    for (const slip of slips) {
      const family = await ctx.db.ds.getRepository(Family).findOneByOrFail({ id: slip.familyId });
      expect(family.accessCodeHash).to.match(/^\$argon2id\$/);
      expect(family.accessCodeHash).to.not.contain(slip.code);
      expect(family.codeIssuedAt).to.be.a("string");
    }
    const audit = await ctx.db.ds
      .getRepository(AuditEntry)
      .findOneByOrFail({ action: "family-codes.generate", entityId: String(own.id) });
    expect(JSON.stringify(audit.details)).to.not.contain(slips[0].code);
  });

  it("When a family logs in with its printed code and a child's number, then it gets in", async () => {
    expect(await familyLogin(app, slips[0].numbers[0], slips[0].code)).to.equal(302);
    // Either child's number works; the code is typed from paper, so case does not matter.
    expect(await familyLogin(app, slips[1].numbers[1], slips[1].code.toLowerCase())).to.equal(302);
    expect(await familyLogin(app, "0090003", "KEEPTHIS")).to.equal(302);
  });

  it("When the class page is opened again, then no code is shown, and generating again makes none", async () => {
    const page = await teacher.get(`/admin/codes/class/${own.id}`);
    for (const slip of slips) expect(page.text).to.not.contain(slip.code);
    const again = await post(teacher, `/admin/codes/class/${own.id}/generate`);
    expect(again.status).to.equal(302);
    expect(slipsOf((await teacher.get(again.headers.location)).text)).to.have.length(0);
  });

  it("When a family's code is regenerated, then the old code is refused, the new one works, and the family is logged out", async function () {
    // argon2 is slow on purpose (~50 ms a hash, far more on a busy CI machine).
    this.timeout(300_000);
    const slip = slips[1];
    const familyAgent = request.agent(app);
    const loginToken = await formToken(familyAgent, "/login");
    await familyAgent
      .post("/login")
      .type("form")
      .send({ mode: "family", studentNumber: slip.numbers[0], code: slip.code, _csrf: loginToken });
    expect((await familyAgent.get("/privacy")).text).to.contain('action="/logout"');

    const confirm = await teacher.get(`/admin/codes/family/${slip.familyId}/regenerate?classId=${own.id}`);
    expect(confirm.status).to.equal(200);
    expect(confirm.text).to.contain('class="warning"');
    const res = await post(teacher, `/admin/codes/family/${slip.familyId}/regenerate?classId=${own.id}`);
    expect(res.status).to.equal(200);
    const [fresh] = slipsOf(res.text);
    expect(fresh.familyId).to.equal(slip.familyId);
    expect(fresh.code).to.not.equal(slip.code);
    expect(await familyLogin(app, slip.numbers[0], slip.code)).to.equal(401);
    expect(await familyLogin(app, slip.numbers[0], fresh.code)).to.equal(302);
    expect((await familyAgent.get("/privacy")).text).to.not.contain('action="/logout"');
    expect(
      await ctx.db.ds
        .getRepository(AuditEntry)
        .countBy({ action: "family-codes.regenerate", entityId: String(slip.familyId) }),
    ).to.equal(1);
  });

  it("When a class teacher tries another class's codes, then it is forbidden; unknown families are 404", async () => {
    const other = await ctx.db.ds.getRepository(SchoolClass).findOneByOrFail({ name: "三年级(2)班" });
    expect((await teacher.get(`/admin/codes/class/${other.id}`)).status).to.equal(403);
    expect((await post(teacher, `/admin/codes/class/${other.id}/generate`)).status).to.equal(403);
    const stranger = await ctx.db.ds
      .getRepository(Student)
      .findOneByOrFail({ classId: other.id, studentNumber: Not("0020002") });
    expect((await post(teacher, `/admin/codes/family/${stranger.familyId}/regenerate`)).status).to.equal(403);
    expect((await post(teacher, "/admin/codes/family/999999/regenerate")).status).to.equal(404);
  });
});
