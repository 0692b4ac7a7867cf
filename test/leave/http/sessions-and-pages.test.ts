// Issue 21's loose ends in leave: the form's script asks which sessions a child
// has on the chosen first day (a JSON answer for the family's own children
// only), and the class teacher's list of a day comes a page at a time.
import { expect } from "chai";
import type { Express } from "express";
import { forEachDatabase } from "../../support/databases";
import { demoApp, familyLogin, staffLogin } from "../../support/demo-app";
import { Agent, csrfFrom, formToken, loginAs } from "../../support/http";
import { seedDemoEnrollments } from "../../../seeds/demo-enrollments";
import { setSchoolClock } from "../../../src/kernel";
import { Student } from "../../../src/db/entities";
import { LeaveRequest } from "../../../src/leave/entities";
import { childSessionsOn } from "../../../src/leave/child-sessions";

const TODAY = "2026-09-15";
const LIST_DAY = "2026-09-23"; // a Wednesday ahead: the day the many requests are for

forEachDatabase("leave: the form's sessions and the paged list of the day", (ctx) => {
  let app: Express;
  let logins: Awaited<ReturnType<typeof demoApp>>["logins"];
  let family: Agent;
  let admin: Agent;
  let child: Student;
  let stranger: Student;
  const items = (html: string) => (html.match(/<li class="card lv-item/g) ?? []).length;

  before(async function () {
    this.timeout(180_000);
    ({ app, logins } = await demoApp(ctx.db));
    await seedDemoEnrollments(ctx.db.ds);
    setSchoolClock(() => new Date(`${TODAY}T01:00:00Z`));
    const ds = ctx.db.ds;
    child = await ds.getRepository(Student).findOneByOrFail({ studentNumber: logins.families[0].studentNumber });
    stranger = await ds.getRepository(Student).findOneByOrFail({ studentNumber: logins.families[1].studentNumber });
    family = await loginAs(app, familyLogin(logins, 0));
    await family
      .post("/privacy/accept")
      .type("form")
      .send({ _csrf: csrfFrom((await family.get("/privacy")).text), accept: "1" });
    admin = await loginAs(app, staffLogin(logins, "admin"));
    // 25 children of the school, each on leave that day (a whole day, asked, not yet answered).
    const children = await ds
      .getRepository(Student)
      .find({ where: { archived: false }, order: { id: "ASC" }, take: 25 });
    const now = new Date().toISOString();
    await ds.getRepository(LeaveRequest).insert(
      children.map((s) => ({
        studentId: s.id,
        fromDate: LIST_DAY,
        toDate: LIST_DAY,
        entryId: null,
        sessionTitle: null,
        kind: "personal" as const,
        note: null,
        status: "pending" as const,
        reply: null,
        decidedByStaffId: null,
        decidedAt: null,
        withdrawnAt: null,
        createdAt: now,
        updatedAt: now,
      })),
    );
  });
  after(() => setSchoolClock());

  interface Answer {
    date: string;
    label: string;
    none: string;
    sessions: unknown[];
    error?: string;
  }
  const sessionsJson = async (agent: Agent, studentId: number, date: string) => {
    const res = await agent
      .get(`/leave/sessions.json?studentId=${studentId}&date=${date}`)
      .set("Accept", "application/json");
    return { status: res.status, type: res.type, body: res.body as Answer };
  };

  it("When the family's script asks for its child's sessions on another day, then it gets that day's sessions as the timetable has them, with the label to show", async () => {
    // A Tuesday the child stays for, and a Wednesday.
    for (const [date, some] of [
      ["2026-09-22", true],
      ["2026-09-16", false],
    ] as const) {
      const res = await sessionsJson(family, child.id, date);
      expect(res.status).to.equal(200);
      expect(res.type).to.equal("application/json");
      const expected = await childSessionsOn(ctx.db.ds, child.familyId, child.id, date);
      if (some) expect(expected.length, `the child has sessions on ${date}`).to.be.greaterThan(0);
      expect(res.body.sessions).to.deep.equal(expected);
      expect(res.body.date).to.equal(date);
      expect(res.body.label).to.contain(date);
    }
    const holiday = await sessionsJson(family, child.id, "2026-10-01");
    expect(holiday.body.sessions).to.deep.equal([]);
    expect(holiday.body.none).to.be.a("string").and.not.equal("");
  });

  it("When the script asks about another family's child, with a bad date, or as staff, then it is refused and names nothing", async () => {
    const other = await sessionsJson(family, stranger.id, "2026-09-16");
    expect(other.status).to.equal(404);
    expect(JSON.stringify(other.body)).to.not.contain(stranger.name);
    const bad = await sessionsJson(family, child.id, "2026-02-30");
    expect(bad.status).to.equal(400);
    expect(bad.body.error).to.be.a("string");
    expect((await sessionsJson(family, 0, "2026-09-16")).status).to.equal(404);
    expect((await sessionsJson(admin, child.id, "2026-09-16")).status).to.equal(403);
  });

  it("When the family opens the form, then the session list sits in the box the script refreshes and the script is loaded", async () => {
    const form = await family.get("/leave/new");
    expect(form.text).to.contain('id="lv-sessions" data-url="/leave/sessions.json"');
    expect(form.text).to.contain('<script src="/public/js/leave.js" defer></script>');
    // Without the script, the form sent with another first day lists that day's sessions (and keeps what was typed).
    const res = await family
      .post("/leave")
      .type("form")
      .send({
        _csrf: await formToken(family, "/leave/new"),
        studentId: String(child.id),
        fromDate: "2026-09-22",
        scope: "session",
        entryId: "999999",
        kind: "sick",
      });
    expect(res.status).to.equal(400);
    expect(res.text).to.contain('id="err-entryId"');
    const [first] = await childSessionsOn(ctx.db.ds, child.familyId, child.id, "2026-09-22");
    expect(res.text).to.contain(`<option value="${first.entryId}"`);
  });

  it("When a day has more requests than a page holds, then the list shows 20, counts them all and links to the next page keeping the date", async () => {
    const one = await admin.get(`/leave/requests?date=${LIST_DAY}`);
    expect(one.status).to.equal(200);
    expect(items(one.text)).to.equal(20);
    expect(one.text).to.match(/class="muted lv-count">[^<]*25/);
    expect(one.text).to.contain(`href="?page=2&amp;date=${LIST_DAY}"`);
    const two = await admin.get(`/leave/requests?date=${LIST_DAY}&page=2`);
    expect(items(two.text)).to.equal(5);
    const ids = (html: string) => [...html.matchAll(/id="leave-(\d+)"/g)].map((m) => m[1]);
    expect(ids(one.text).filter((id) => ids(two.text).includes(id))).to.deep.equal([]);
    // A page past the end shows the last one; another date shows its own (none).
    expect(items((await admin.get(`/leave/requests?date=${LIST_DAY}&page=9`)).text)).to.equal(5);
    expect(items((await admin.get(`/leave/requests?date=2026-09-24`)).text)).to.equal(0);
  });

  it("When the teacher confirms a request on page 2, then they are sent back to page 2 of that day", async () => {
    const two = await admin.get(`/leave/requests?date=${LIST_DAY}&page=2`);
    const id = /id="leave-(\d+)"/.exec(two.text)![1];
    expect(two.text).to.contain('name="page" value="2"');
    const res = await admin
      .post(`/leave/requests/${id}/confirm`)
      .type("form")
      .send({ _csrf: csrfFrom(two.text), date: LIST_DAY, page: "2" });
    expect(res.status).to.equal(303);
    expect(res.headers.location).to.equal(`/leave/requests?date=${LIST_DAY}&page=2`);
    expect((await ctx.db.ds.getRepository(LeaveRequest).findOneByOrFail({ id: Number(id) })).status).to.equal(
      "confirmed",
    );
  });
});
