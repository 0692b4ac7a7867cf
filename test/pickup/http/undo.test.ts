// Issue 21's loose end: an early pick-up recorded by mistake is undone (撤销) on
// its own day by the teacher who recorded it or an admin, after a confirmation;
// audited; whoever was told of the pick-up is told it was a mistake.
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

forEachDatabase("undoing an early pick-up", (ctx) => {
  let app: Express;
  let logins: Awaited<ReturnType<typeof demoApp>>["logins"];
  let classTeacher: Agent;
  let admin: Agent;
  let child: Student;
  let cls: SchoolClass;
  let tuesday: TimetableEntry;
  const dayPage = () => `/classes/${cls.id}/day`;
  const pickupPage = () => `/classes/${cls.id}/day/pickup?student=${child.id}`;
  const undoPath = () => `/classes/${cls.id}/day/pickup/undo`;

  const post = async (agent: Agent, path: string, body: Record<string, string>, from: string) =>
    agent
      .post(path)
      .type("form")
      .send({ ...body, _csrf: await formToken(agent, from) });
  const pickup = () => ctx.db.ds.getRepository(EarlyPickup).findOneBy({ studentId: child.id, date: DATE });
  const notices = (kind: string) => ctx.db.ds.getRepository(Notification).findBy({ kind });
  const record = async (agent: Agent, body: Record<string, string>) =>
    expect(
      (await post(agent, "/classes/" + cls.id + "/day/pickup", { studentId: String(child.id), ...body }, dayPage()))
        .status,
    ).to.equal(303);

  before(async function () {
    this.timeout(180_000);
    ({ app, logins } = await demoApp(ctx.db));
    await seedDemoEnrollments(ctx.db.ds);
    setSchoolClock(() => new Date(`${DATE}T08:00:00Z`));
    const ds = ctx.db.ds;
    cls = await ds.getRepository(SchoolClass).findOneByOrFail({ name: "三年级(1)班" });
    tuesday = await ds.getRepository(TimetableEntry).findOneByOrFail({ classId: cls.id, weekday: 2, kind: "homework" });
    child = await ds.getRepository(Student).findOneByOrFail({ studentNumber: logins.families[0].studentNumber });
    const family = await loginAs(app, familyLogin(logins, 0));
    await family
      .post("/privacy/accept")
      .type("form")
      .send({ _csrf: csrfFrom((await family.get("/privacy")).text), accept: "1" });
    await post(
      family,
      "/family/pickup",
      { name: "王丽", relation: "mother", phone: "138 0013 8000" },
      "/family/pickup",
    );
    [classTeacher, admin] = await Promise.all([
      loginAs(app, staffLogin(logins, "class_teacher")),
      loginAs(app, staffLogin(logins, "admin")),
    ]);
  });
  after(() => setSchoolClock());

  it("When the class teacher recorded someone not on the list, then the pick-up page offers them the undo with a box to tick; unticked it answers 400 and nothing changes", async () => {
    await record(classTeacher, { person: "other", otherName: "张三" });
    const page = await classTeacher.get(pickupPage());
    expect(page.text).to.contain(`action="${undoPath()}"`);
    expect(page.text).to.contain('name="confirm"');
    const res = await post(classTeacher, undoPath(), { studentId: String(child.id) }, pickupPage());
    expect(res.status).to.equal(400);
    expect(res.text).to.contain('id="err-confirm"');
    expect(await pickup()).to.not.equal(null);
    expect(await notices("pickup.earlyUndone")).to.have.length(0);
  });

  it("When they confirm the undo, then the record is gone from the day, it is audited, and the family, the class teacher and the admins are told it was a mistake", async () => {
    const before = (await pickup())!;
    const res = await post(classTeacher, undoPath(), { studentId: String(child.id), confirm: "1" }, pickupPage());
    expect(res.status).to.equal(303);
    expect(res.headers.location).to.equal(`${dayPage()}?date=${DATE}`);
    expect(await pickup()).to.equal(null);
    const day = await classTeacher.get(`${dayPage()}?date=${DATE}`);
    expect(day.text).to.not.contain(`data-pickup="${child.id}"`);
    const audit = await ctx.db.ds
      .getRepository(AuditEntry)
      .findOneByOrFail({ action: "pickup.early-undo", entityId: String(child.id) });
    expect(JSON.stringify(audit.details)).to.contain("张三").and.contain(before.localTime);
    const family = await notices("pickup.earlyUndone");
    expect(family.map((n) => n.familyId)).to.deep.equal([child.familyId]);
    expect(family[0].payload).to.include({ child: child.name, person: "张三", date: DATE });
    const admins = await ctx.db.ds.getRepository(Staff).findBy({ role: "admin", active: true });
    expect((await notices("pickup.unlistedUndone")).map((n) => n.staffId).sort()).to.deep.equal(
      [cls.classTeacherId, ...admins.map((a) => a.id)].sort(),
    );
  });

  it("When an admin recorded a listed person, then the class teacher is not offered the undo and is refused; the admin undoes it and only the family is told", async () => {
    const [mother] = await ctx.db.ds.getRepository(PickUpPerson).findBy({ familyId: child.familyId });
    await record(admin, { person: String(mother.id), time: "16:10" });
    expect((await classTeacher.get(pickupPage())).text).to.not.contain(`action="${undoPath()}"`);
    const refused = await post(classTeacher, undoPath(), { studentId: String(child.id), confirm: "1" }, pickupPage());
    expect(refused.status).to.equal(403);
    expect(await pickup()).to.not.equal(null);
    const staffBefore = (await notices("pickup.unlistedUndone")).length;
    const res = await post(admin, undoPath(), { studentId: String(child.id), confirm: "1" }, pickupPage());
    expect(res.status).to.equal(303);
    expect(await pickup()).to.equal(null);
    expect(await notices("pickup.earlyUndone")).to.have.length(2);
    expect(await notices("pickup.unlistedUndone")).to.have.length(staffBefore);
  });

  it("When there is nothing to undo, then it answers 404", async () => {
    const res = await post(classTeacher, undoPath(), { studentId: String(child.id), confirm: "1" }, pickupPage());
    expect(res.status).to.equal(404);
  });

  it("When the day is over, then the pick-up can no longer be undone, not even by whoever recorded it", async () => {
    const register = `/attendance/sessions/${tuesday.id}/${DATE}`;
    expect(
      (
        await post(
          classTeacher,
          `${register}/pickup`,
          { studentId: String(child.id), person: "other", otherName: "张三" },
          register,
        )
      ).status,
    ).to.equal(303);
    setSchoolClock(() => new Date("2026-09-16T08:00:00Z"));
    try {
      const page = await classTeacher.get(`${register}/pickup?student=${child.id}`);
      expect(page.status).to.equal(200);
      expect(page.text).to.not.contain(`action="${register}/pickup/undo"`);
      const res = await post(
        classTeacher,
        `${register}/pickup/undo`,
        { studentId: String(child.id), confirm: "1" },
        register,
      );
      expect(res.status).to.equal(403);
      expect(await pickup()).to.not.equal(null);
    } finally {
      setSchoolClock(() => new Date(`${DATE}T08:00:00Z`));
    }
  });
});
