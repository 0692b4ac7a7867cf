// Issue 20: what the school changes on single dates (a cancelled session, a
// cover 代课) reaches every feed, and head counts are the children who come.
// Feeds are fetched as a calendar client does and read back with node-ical.
import { expect } from "chai";
import type { Express } from "express";
import { forEachDatabase } from "../../support/databases";
import { demoApp, staffLogin } from "../../support/demo-app";
import { loginAs, Agent } from "../../support/http";
import type { DemoLogins } from "../../../seeds/demo";
import { seedDemoEnrollments } from "../../../seeds/demo-enrollments";
import { ServiceEnrollment, Staff, Student } from "../../../src/db/entities";
import { SYSTEM } from "../../../src/audit";
import { cancelSession, coverSession } from "../../../src/timetable/date-changes-service";
import { sessionsOn } from "../../../src/timetable";
import { addDays } from "../../../src/kernel/core";
import { eventBlocks } from "../unit/parsed-feed";
import { familyAgent, feedPathVia, fetchFeed, meetingsOf, publishedEntries, SnapshotEntry } from "./support";

forEachDatabase("calendar feeds: per-date changes and head counts", (ctx) => {
  let app: Express;
  let logins: DemoLogins;
  let admin: Agent;
  let family: Agent;

  before(async function () {
    this.timeout(120_000);
    ({ app, logins } = await demoApp(ctx.db));
    // The opt-in (most families every day, some skip days): head counts then differ from the roll.
    await seedDemoEnrollments(ctx.db.ds);
    admin = await loginAs(app, staffLogin(logins, "admin"));
    family = await familyAgent(app, { studentNumber: logins.families[1].studentNumber, code: logins.families[1].code });
  });

  const ds = () => ctx.db.ds;
  const feedText = async (agent: Agent, page: string) => {
    const res = await fetchFeed(app, await feedPathVia(agent, page));
    expect(res.status, page).to.equal(200);
    return (res.body as Buffer).toString("utf8");
  };
  const meetings = async (agent: Agent, page: string) =>
    new Set(meetingsOf(await feedText(agent, page)).meetings.map((m) => m.split("|").slice(0, 2).join("|")));
  const childId = async () =>
    (await ds().getRepository(Student).findOneByOrFail({ studentNumber: logins.families[1].children[0] })).id;

  // The first date from 2026-10-12 on which the entry runs as usual (no change yet).
  async function plainDateOf(entry: SnapshotEntry, from = "2026-10-12"): Promise<string> {
    for (let date = from; date < "2027-01-20"; date = addDays(date, 1)) {
      const s = (await sessionsOn(ds().manager, date)).sessions.find((x) => x.entry.id === entry.id);
      if (s && !s.cancelled && !s.covered) return date;
    }
    throw new Error(`entry ${entry.id} never runs`);
  }

  it("When an admin cancels one session on a date, then that date is gone from the teacher's, the family's and the school's feeds, and the next week stays", async function () {
    this.timeout(60_000);
    const child = await childId();
    const inChildFeed = await meetings(family, `/feeds/student/${child}`);
    const entry = (await publishedEntries(ds())).find(
      (e) =>
        e.kind === "homework" && e.staffId !== null && [...inChildFeed].some((m) => m.startsWith(`entry-${e.id}|`)),
    )!;
    expect(entry, "the child has homework help in their feed").to.not.equal(undefined);
    const date = await plainDateOf(entry);
    const next = await plainDateOf(entry, addDays(date, 1));
    await cancelSession(ds(), { date, entryId: entry.id, grade: null, reason: "weather", note: null }, SYSTEM);
    for (const [agent, page] of [
      [family, `/feeds/student/${child}`],
      [admin, `/feeds/staff/${entry.staffId}`],
      [admin, "/feeds/school/0"],
    ] as const) {
      const got = await meetings(agent, page);
      expect(got.has(`entry-${entry.id}|${date}`), `${page} on ${date}`).to.equal(false);
      expect(got.has(`entry-${entry.id}|${next}`), `${page} on ${next}`).to.equal(true);
    }
  });

  it("When a cover is recorded, then the covering teacher's feed has that date's session, the own teacher's has not, and the school's names the cover", async function () {
    this.timeout(60_000);
    const entries = await publishedEntries(ds());
    const entry = entries.find((e) => e.kind === "sport" && e.staffId !== null)!;
    const busyThatDay = new Set(entries.filter((e) => e.weekday === entry.weekday).map((e) => e.staffId));
    const cover = (
      await ds()
        .getRepository(Staff)
        .find({ where: { active: true }, order: { id: "ASC" } })
    ).find((s) => !busyThatDay.has(s.id))!;
    expect(cover, "a teacher free that weekday").to.not.equal(undefined);
    const date = await plainDateOf(entry);
    await coverSession(ds(), { date, entryId: entry.id, staffId: cover.id }, SYSTEM);
    const theirs = await meetings(admin, `/feeds/staff/${cover.id}`);
    expect([...theirs].filter((m) => m.startsWith(`entry-${entry.id}|`))).to.deep.equal([`entry-${entry.id}|${date}`]);
    const own = await meetings(admin, `/feeds/staff/${entry.staffId}`);
    expect(own.has(`entry-${entry.id}|${date}`)).to.equal(false);
    expect(own.has(`entry-${entry.id}|${await plainDateOf(entry, addDays(date, 1))}`)).to.equal(true);
    const school = await feedText(admin, "/feeds/school/0");
    expect(meetingsOf(school).meetings.filter((m) => m.startsWith(`entry-${entry.id}|${date}|`)).length).to.equal(1);
    const dated = [...eventBlocks(school)].find(([uid]) =>
      uid.startsWith(`entry-${entry.id}+${date.replace(/-/g, "")}@`),
    );
    expect(dated, "the covered date is its own event").to.not.equal(undefined);
    expect(dated![1].join("\n")).to.contain(`代课：${cover.name}`);
  });

  it("When a grade-wide and a class session are described, then 人数 is the children opted in on that weekday, not the roll", async function () {
    this.timeout(60_000);
    const entries = await publishedEntries(ds());
    const students = await ds()
      .getRepository(Student)
      .find({ where: { archived: false }, relations: { schoolClass: true } });
    const optIn = new Map((await ds().getRepository(ServiceEnrollment).find()).map((e) => [e.studentId, e.weekdays]));
    const comes = (e: SnapshotEntry) =>
      students.filter(
        (s) =>
          (optIn.get(s.id) ?? []).includes(e.weekday) &&
          (e.classId !== null ? s.classId === e.classId : e.grades.includes(s.schoolClass.grade)),
      ).length;
    const roll = (e: SnapshotEntry) =>
      students.filter((s) => (e.classId !== null ? s.classId === e.classId : e.grades.includes(s.schoolClass.grade)))
        .length;
    const grade = entries.find(
      (e) => e.classId === null && e.clubId === null && e.kind !== "club" && comes(e) > 0 && comes(e) !== roll(e),
    );
    const homework = entries.find((e) => e.kind === "homework" && comes(e) > 0 && comes(e) !== roll(e));
    expect(grade, "a grade session some children skip").to.not.equal(undefined);
    expect(homework, "a homework session some children skip").to.not.equal(undefined);
    const blocks = eventBlocks(await feedText(admin, "/feeds/school/0"));
    for (const e of [grade!, homework!]) {
      const block = [...blocks].find(([uid]) => uid.startsWith(`entry-${e.id}@`))![1].join("\n");
      expect(block, `entry ${e.id}`).to.contain(`人数：${comes(e)}`);
    }
  });
});
