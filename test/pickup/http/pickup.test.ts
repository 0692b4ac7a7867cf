// Issue 21: a family's pick-up people (接送人) and early pick-up (提前接走):
// the family keeps its list on a phone page; the teacher records who collected
// a child from the register or the class's day; someone not on the list is
// flagged in red and the family is told. Everything audited and exported.
import { expect } from "chai";
import type { Express } from "express";
import { forEachDatabase } from "../../support/databases";
import { demoApp, familyLogin, staffLogin } from "../../support/demo-app";
import { Agent, csrfFrom, formToken, loginAs } from "../../support/http";
import { seedDemoEnrollments } from "../../../seeds/demo-enrollments";
import { setSchoolClock } from "../../../src/kernel";
import { AuditEntry, SchoolClass, Staff, Student, TimetableEntry } from "../../../src/db/entities";
import { EarlyPickup, PickUpPerson } from "../../../src/pickup/entities";
import { Notification } from "../../../src/notifications/entities";

const DATE = "2026-09-15"; // a Tuesday of the demo term; 16:00 at the school
const reg = (entry: TimetableEntry) => `/attendance/sessions/${entry.id}/${DATE}`;

forEachDatabase("pick-up people and early pick-up", (ctx) => {
  let app: Express;
  let logins: Awaited<ReturnType<typeof demoApp>>["logins"];
  let family: Agent;
  let stranger: Agent;
  let classTeacher: Agent;
  let teacher: Agent;
  let admin: Agent;
  let child: Student;
  let cls: SchoolClass;
  let tuesday: TimetableEntry;

  async function familyAgent(i: number): Promise<Agent> {
    const agent = await loginAs(app, familyLogin(logins, i));
    const token = csrfFrom((await agent.get("/privacy")).text);
    await agent.post("/privacy/accept").type("form").send({ _csrf: token, accept: "1" });
    return agent;
  }
  const post = async (agent: Agent, path: string, body: Record<string, string>, from = "/") =>
    agent
      .post(path)
      .type("form")
      .send({ ...body, _csrf: await formToken(agent, from) });
  const people = () =>
    ctx.db.ds.getRepository(PickUpPerson).find({ where: { familyId: child.familyId }, order: { id: "ASC" } });

  before(async function () {
    this.timeout(180_000);
    ({ app, logins } = await demoApp(ctx.db));
    await seedDemoEnrollments(ctx.db.ds);
    setSchoolClock(() => new Date(`${DATE}T08:00:00Z`));
    const ds = ctx.db.ds;
    cls = await ds.getRepository(SchoolClass).findOneByOrFail({ name: "三年级(1)班" });
    tuesday = await ds.getRepository(TimetableEntry).findOneByOrFail({ classId: cls.id, weekday: 2, kind: "homework" });
    child = await ds.getRepository(Student).findOneByOrFail({ studentNumber: logins.families[0].studentNumber });
    family = await familyAgent(0);
    stranger = await familyAgent(1);
    [classTeacher, teacher, admin] = await Promise.all([
      loginAs(app, staffLogin(logins, "class_teacher")),
      loginAs(app, staffLogin(logins, "teacher")),
      loginAs(app, staffLogin(logins, "admin")),
    ]);
  });
  after(() => setSchoolClock());

  it("When a family opens its pick-up page with nobody listed, then it sees the empty state and the add form", async () => {
    const res = await family.get("/family/pickup");
    expect(res.status).to.equal(200);
    expect(res.text).to.contain("还没有接送人");
    expect(res.text).to.contain('action="/family/pickup"');
  });

  it("When the family adds its mother and a carer, then both are listed with a tel: link and the additions are audited without the phone", async () => {
    expect(
      (await post(family, "/family/pickup", { name: "王丽", relation: "mother", phone: "138 0013 8000" })).status,
    ).to.equal(303);
    expect(
      (
        await post(family, "/family/pickup", {
          name: "李阿姨",
          relation: "other",
          relationOther: "保姆",
          phone: "+86 139-0000-0000",
        })
      ).status,
    ).to.equal(303);
    const list = await people();
    expect(list.map((p) => [p.name, p.relation, p.relationOther])).to.deep.equal([
      ["王丽", "mother", null],
      ["李阿姨", "other", "保姆"],
    ]);
    const page = await family.get("/family/pickup");
    expect(page.text).to.contain('href="tel:13800138000"');
    expect(page.text).to.contain("保姆");
    const audits = await ctx.db.ds
      .getRepository(AuditEntry)
      .findBy({ action: "pickup.person-add", entityId: String(child.familyId) });
    expect(audits).to.have.length(2);
    expect(JSON.stringify(audits.map((a) => a.details))).to.not.contain("138");
  });

  it("When the form is wrong, then it answers 400 naming the field and nothing is saved", async () => {
    const before = (await people()).length;
    for (const [body, field] of [
      [{ name: "", relation: "mother", phone: "13800138000" }, "err-name"],
      [{ name: "张三", relation: "uncle", phone: "13800138000" }, "err-relation"],
      [{ name: "张三", relation: "other", phone: "13800138000" }, "err-relationOther"],
      [{ name: "张三", relation: "father", phone: "call me" }, "err-phone"],
      [{ name: "x".repeat(41), relation: "father", phone: "13800138000" }, "err-name"],
    ] as [Record<string, string>, string][]) {
      const res = await post(family, "/family/pickup", body);
      expect(res.status, JSON.stringify(body)).to.equal(400);
      expect(res.text).to.contain(`id="${field}"`);
    }
    // Control characters stop at the kernel's body check, which names the field.
    const nul = await post(family, "/family/pickup", { name: "a\u0000b", relation: "father", phone: "13800138000" });
    expect(nul.status).to.equal(400);
    expect(nul.text).to.contain("name");
    expect((await people()).length).to.equal(before);
  });

  it("When the family edits a person, then the change is saved and audited; another family cannot read, edit or remove it", async () => {
    const [mother] = await people();
    expect((await family.get(`/family/pickup/${mother.id}/edit`)).status).to.equal(200);
    expect(
      (await post(family, `/family/pickup/${mother.id}`, { name: "王丽", relation: "mother", phone: "13800138001" }))
        .status,
    ).to.equal(303);
    expect((await people())[0].phone).to.equal("13800138001");
    expect((await stranger.get(`/family/pickup/${mother.id}/edit`)).status).to.equal(404);
    expect(
      (await post(stranger, `/family/pickup/${mother.id}`, { name: "X", relation: "father", phone: "13800138000" }))
        .status,
    ).to.equal(404);
    expect((await post(stranger, `/family/pickup/${mother.id}/delete`, {})).status).to.equal(404);
    expect((await stranger.get("/family/pickup")).text).to.not.contain("王丽");
    expect((await people())[0].name).to.equal("王丽");
    expect(await ctx.db.ds.getRepository(AuditEntry).countBy({ action: "pickup.person-edit" })).to.equal(1);
  });

  it("When the list holds six people, then a seventh is refused with 400 and the page says the list is full", async () => {
    for (let i = (await people()).length; i < 6; i++)
      expect(
        (await post(family, "/family/pickup", { name: `亲友${i}`, relation: "father", phone: `1380013800${i}` }))
          .status,
      ).to.equal(303);
    const res = await post(family, "/family/pickup", { name: "第七位", relation: "father", phone: "13800138009" });
    expect(res.status).to.equal(400);
    expect(res.text).to.contain("最多 6 位");
    expect((await people()).length).to.equal(6);
    // Back to two for the rest of the suite: removing is audited.
    for (const p of (await people()).slice(2))
      expect((await post(family, `/family/pickup/${p.id}/delete`, {})).status).to.equal(303);
    expect((await people()).length).to.equal(2);
    expect(await ctx.db.ds.getRepository(AuditEntry).countBy({ action: "pickup.person-remove" })).to.equal(4);
  });

  it("When the teacher records from the register that the mother collected the child, then the register shows 已接走 with her name and the family is told", async () => {
    const [mother] = await people();
    const form = await classTeacher.get(`${reg(tuesday)}/pickup?student=${child.id}`);
    expect(form.status).to.equal(200);
    expect(form.text).to.contain("王丽");
    const res = await post(
      classTeacher,
      `${reg(tuesday)}/pickup`,
      { studentId: String(child.id), person: String(mother.id), time: "16:05" },
      reg(tuesday),
    );
    expect(res.status).to.equal(303);
    const row = await ctx.db.ds.getRepository(EarlyPickup).findOneByOrFail({ studentId: child.id, date: DATE });
    expect(row).to.include({
      localTime: "16:05",
      personName: "王丽",
      unlisted: false,
      pickupPersonId: mother.id,
      entryId: tuesday.id,
    });
    expect(row.pickedUpAt).to.equal("2026-09-15T08:05:00.000Z");
    const page = await classTeacher.get(reg(tuesday));
    expect(page.text).to.contain("已接走 16:05（母亲 王丽）");
    const notices = await ctx.db.ds
      .getRepository(Notification)
      .findBy({ familyId: child.familyId, kind: "pickup.early" });
    expect(notices).to.have.length(1);
    expect(
      await ctx.db.ds.getRepository(AuditEntry).countBy({ action: "pickup.early", entityId: String(child.id) }),
    ).to.equal(1);
  });

  it("When the class teacher records from the class's day that someone not on the list collected the child, then the day page flags it in red and the family hears of it", async () => {
    const res = await post(
      classTeacher,
      `/classes/${cls.id}/day/pickup`,
      { studentId: String(child.id), person: "other", otherName: "张三" },
      `/classes/${cls.id}/day`,
    );
    expect(res.status).to.equal(303);
    const row = await ctx.db.ds.getRepository(EarlyPickup).findOneByOrFail({ studentId: child.id, date: DATE });
    expect(row).to.include({ personName: "张三", unlisted: true, pickupPersonId: null, localTime: "16:00" });
    const day = await classTeacher.get(`/classes/${cls.id}/day?date=${DATE}`);
    expect(day.text).to.match(/class="picked-up unlisted"[^>]*>已接走 16:00（张三） · 不在接送人名单上/);
    expect(
      await ctx.db.ds.getRepository(Notification).countBy({ familyId: child.familyId, kind: "pickup.earlyUnlisted" }),
    ).to.equal(1);
    expect(
      await ctx.db.ds.getRepository(AuditEntry).countBy({ action: "pickup.early-correct", entityId: String(child.id) }),
    ).to.equal(1);
    // The class teacher and every admin are told at once (someone not on the list).
    const staffTold = await ctx.db.ds.getRepository(Notification).findBy({ kind: "pickup.unlisted" });
    const admins = await ctx.db.ds.getRepository(Staff).findBy({ role: "admin", active: true });
    expect(staffTold.map((n) => n.staffId).sort()).to.deep.equal(
      [cls.classTeacherId, ...admins.map((a) => a.id)].sort(),
    );
    expect(staffTold[0].payload).to.include({ child: child.name, person: "张三", class: "三年级(1)班" });
    // The family sees it on its page, flagged.
    expect((await family.get("/family/pickup")).text).to.contain("不在接送人名单上");
  });

  it("When the early pick-up form is wrong, then it answers 400 naming the field and nothing changes", async () => {
    const before = await ctx.db.ds.getRepository(EarlyPickup).findOneByOrFail({ studentId: child.id, date: DATE });
    const others = await ctx.db.ds
      .getRepository(PickUpPerson)
      .findOneByOrFail({
        familyId: (
          await ctx.db.ds.getRepository(Student).findOneByOrFail({ studentNumber: logins.families[1].studentNumber })
        ).familyId,
      })
      .catch(() => null);
    for (const [body, field] of [
      [{ studentId: String(child.id), person: "other", otherName: "" }, "err-otherName"],
      [{ studentId: String(child.id) }, "err-person"],
      [{ studentId: String(child.id), person: "other", otherName: "张三", time: "25:00" }, "err-time"],
      [{ studentId: String(child.id), person: "999999" }, "err-person"],
      ...(others ? [[{ studentId: String(child.id), person: String(others.id) }, "err-person"]] : []),
    ] as [Record<string, string>, string][]) {
      const res = await post(classTeacher, `${reg(tuesday)}/pickup`, body, reg(tuesday));
      expect(res.status, JSON.stringify(body)).to.equal(400);
      expect(res.text).to.contain(`id="${field}"`);
    }
    const after = await ctx.db.ds.getRepository(EarlyPickup).findOneByOrFail({ studentId: child.id, date: DATE });
    expect(after).to.deep.equal(before);
  });

  it("When a teacher who does not lead the session, or a family, tries to record a pick-up, then it is refused and nothing changes", async () => {
    const before = await ctx.db.ds.getRepository(EarlyPickup).count();
    expect(
      (await post(teacher, `${reg(tuesday)}/pickup`, { studentId: String(child.id), person: "other", otherName: "X" }))
        .status,
    ).to.equal(403);
    expect(
      (
        await post(teacher, `/classes/${cls.id}/day/pickup`, {
          studentId: String(child.id),
          person: "other",
          otherName: "X",
        })
      ).status,
    ).to.equal(403);
    expect(
      (await post(family, `${reg(tuesday)}/pickup`, { studentId: String(child.id), person: "other", otherName: "X" }))
        .status,
    ).to.equal(403);
    // A child not on the register is not this teacher's to record.
    const outsider = await ctx.db.ds
      .getRepository(Student)
      .findOneByOrFail({ studentNumber: logins.families[1].studentNumber });
    expect(
      (
        await post(classTeacher, `${reg(tuesday)}/pickup`, {
          studentId: String(outsider.id),
          person: "other",
          otherName: "X",
        })
      ).status,
    ).to.equal(404);
    expect((await classTeacher.get(`${reg(tuesday)}/pickup?student=${outsider.id}`)).status).to.equal(404);
    expect(await ctx.db.ds.getRepository(EarlyPickup).count()).to.equal(before);
    // An admin may record anywhere.
    expect((await admin.get(`${reg(tuesday)}/pickup?student=${child.id}`)).status).to.equal(200);
  });

  it("When the child's data is exported, then the pick-up list and the early pick-ups are in it", async () => {
    const res = await admin.get(`/admin/students/${child.id}/export.json`);
    expect(res.status).to.equal(200);
    const data = res.body as {
      pickupPeople: { name: string }[];
      earlyPickups: { person: string; unlisted: boolean }[];
    };
    expect(data.pickupPeople.map((p) => p.name)).to.deep.equal(["王丽", "李阿姨"]);
    expect(data.earlyPickups).to.have.length(1);
    expect(data.earlyPickups[0]).to.include({ person: "张三", unlisted: true });
  });
});
