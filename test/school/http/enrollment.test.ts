import { expect } from "chai";
import type { Express } from "express";
import { forEachDatabase } from "../../support/databases";
import { demoApp, staffLogin } from "../../support/demo-app";
import { csrfFrom, loginAs, Agent } from "../../support/http";
import { AuditEntry, SchoolClass, ServiceEnrollment, Staff, Student, Term } from "../../../src/db/entities";

forEachDatabase("school set-up: service enrollment from paper replies", (ctx) => {
  let app: Express;
  let teacher: Agent;
  let token: string;
  let own: SchoolClass;
  let other: SchoolClass;
  let term: Term;
  let children: Student[];
  let me: Staff;
  before(async function () {
    this.timeout(120_000);
    const demo = await demoApp(ctx.db);
    app = demo.app;
    teacher = await loginAs(app, staffLogin(demo.logins, "class_teacher"));
    me = await ctx.db.ds.getRepository(Staff).findOneByOrFail({ email: "bzr.g3c1@kehou.demo" });
    own = await ctx.db.ds.getRepository(SchoolClass).findOneByOrFail({ classTeacherId: me.id });
    other = await ctx.db.ds.getRepository(SchoolClass).findOneByOrFail({ name: "三年级(2)班" });
    term = await ctx.db.ds.getRepository(Term).findOneByOrFail({ current: true });
    children = await ctx.db.ds
      .getRepository(Student)
      .find({ where: { classId: own.id }, order: { studentNumber: "ASC" } });
    token = csrfFrom((await teacher.get(`/admin/enrollment/class/${own.id}`)).text);
  });
  const post = (path: string, body: Record<string, unknown>) =>
    teacher
      .post(path)
      .type("form")
      .send({ ...body, _csrf: token });
  const enrollments = () => ctx.db.ds.getRepository(ServiceEnrollment).countBy({ termId: term.id });

  it("When the class teacher opens the enrollment pages, then they see only their own class; another class or a plain teacher gets 403", async () => {
    const index = await teacher.get("/admin/enrollment");
    expect(index.status).to.equal(200);
    expect(index.text).to.contain(own.name);
    expect(index.text).to.not.contain(other.name);
    expect((await teacher.get(`/admin/enrollment/class/${other.id}`)).status).to.equal(403);
    expect((await post(`/admin/enrollment/class/${other.id}`, {})).status).to.equal(403);
    const plain = await loginAs(app, { email: "teacher01@kehou.demo", password: "kehou-demo-2026" });
    expect((await plain.get("/admin/enrollment")).status).to.equal(403);
  });

  it("When a reply names a weekday outside Mon–Fri, then the form answers 400 naming that child's field and saves nothing", async () => {
    const before = await enrollments();
    const res = await post(`/admin/enrollment/class/${own.id}`, {
      [`r_${children[0].id}`]: "1",
      [`w_${children[0].id}`]: ["1", "3"],
      [`w_${children[1].id}`]: ["6"],
    });
    expect(res.status).to.equal(400);
    expect(res.text).to.contain(`id="err-w_${children[1].id}"`);
    expect(await enrollments()).to.equal(before);
  });

  it("When paper replies are entered, then they are stored as entered by staff, with counts per weekday on the page", async () => {
    const [a, b, c] = children;
    const res = await post(`/admin/enrollment/class/${own.id}`, {
      [`r_${a.id}`]: "1",
      [`w_${a.id}`]: ["1", "2", "3", "4", "5"],
      [`w_${b.id}`]: ["1", "4"],
      [`r_${c.id}`]: "1", // replied: does not take part
    });
    expect(res.status).to.equal(302);
    const rows = await ctx.db.ds.getRepository(ServiceEnrollment).findBy({ termId: term.id });
    expect(rows).to.have.length(3);
    expect(rows.every((r) => r.source === "staff" && r.enteredByStaffId === me.id)).to.equal(true);
    expect(rows.find((r) => r.studentId === b.id)!.weekdays).to.deep.equal([1, 4]);
    expect(rows.find((r) => r.studentId === c.id)!.weekdays).to.deep.equal([]);
    const page = await teacher.get(res.headers.location);
    const foot = /<tfoot>([\s\S]*?)<\/tfoot>/.exec(page.text)![1];
    const cells = [...foot.matchAll(/<th>([^<]*)<\/th>/g)].map((m) => m[1].trim());
    expect(cells.slice(1, 7)).to.deep.equal([`3 / ${children.length}`, "2", "1", "1", "2", "1"]);
    expect(page.text).to.contain("教师代录");
    const audit = await ctx.db.ds
      .getRepository(AuditEntry)
      .findOneByOrFail({ action: "enrollment.paper-replies", entityId: String(own.id) });
    expect(audit.actorId).to.equal(me.id);
  });

  it("When the form is sent again unchanged, then nothing is written; unticking a reply clears it", async () => {
    const [a, b] = children;
    const same = await post(`/admin/enrollment/class/${own.id}`, {
      [`r_${a.id}`]: "1",
      [`w_${a.id}`]: ["1", "2", "3", "4", "5"],
      [`r_${b.id}`]: "1",
      [`w_${b.id}`]: ["1", "4"],
      [`r_${children[2].id}`]: "1",
    });
    expect(same.status).to.equal(302);
    expect((await teacher.get(same.headers.location)).text).to.contain("已保存 0 份回执");
    await post(`/admin/enrollment/class/${own.id}`, {
      [`r_${a.id}`]: "1",
      [`w_${a.id}`]: ["2"],
      [`r_${children[2].id}`]: "1",
    });
    const rows = await ctx.db.ds.getRepository(ServiceEnrollment).findBy({ termId: term.id });
    expect(rows.map((r) => r.studentId).sort()).to.deep.equal([a.id, children[2].id].sort());
    expect(rows.find((r) => r.studentId === a.id)!.weekdays).to.deep.equal([2]);
  });

  it("When the admin opens the overview, then every class is listed with the whole school's counts", async () => {
    const admin = await loginAs(app, { email: "admin@kehou.demo", password: "kehou-demo-2026" });
    const res = await admin.get("/admin/enrollment");
    expect(res.status).to.equal(200);
    expect(res.text).to.contain(other.name);
    expect(res.text).to.match(/全校<\/th><th>2 \/ \d+<\/th><th>1<\/th>/);
  });
});
