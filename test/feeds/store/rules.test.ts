// Which published sessions go in which feed, checked on the demo school's
// real published snapshot (one test per rule in session-rules.ts).
import { expect } from "chai";
import { forEachDatabase } from "../../support/databases";
import { seedDemo } from "../../../seeds/demo";
import { Club, SchoolClass, Staff, Venue } from "../../../src/db/entities";
import { clubSessions, staffSessions, studentSessions, venueSessions } from "../../../src/feeds/session-rules";
import type { PublishedEntry } from "../../../src/feeds/feed-context";
import { publishedTimetable } from "../../../src/timetable/store/published";

forEachDatabase("calendar feeds: which sessions go in which feed", (ctx) => {
  let entries: PublishedEntry[];
  let g3c1: SchoolClass;
  before(async function () {
    this.timeout(120_000);
    await seedDemo(ctx.db.ds);
    entries = (await publishedTimetable(ctx.db.ds.manager)).rows;
    g3c1 = await ctx.db.ds.getRepository(SchoolClass).findOneByOrFail({ grade: 3, name: "三年级(1)班" });
  });

  it("When a teacher's feed is chosen, then it holds exactly the sessions they take", async () => {
    const teacher = await ctx.db.ds.getRepository(Staff).findOneByOrFail({ staffNumber: "B31" });
    const mine = staffSessions(entries, teacher.id);
    expect(mine.length).to.be.greaterThan(0);
    expect(mine.every((e) => e.staffId === teacher.id)).to.equal(true);
    expect(mine.length).to.equal(entries.filter((e) => e.staffId === teacher.id).length);
  });

  it("When a club's or a venue's feed is chosen, then it holds that club's meetings or what is held there", async () => {
    const choir = await ctx.db.ds.getRepository(Club).findOneByOrFail({ code: "choir" });
    expect(clubSessions(entries, choir.id).map((e) => e.clubId)).to.deep.equal([choir.id]);
    const field = await ctx.db.ds.getRepository(Venue).findOneByOrFail({ name: "东操场" });
    const there = venueSessions(entries, field.id);
    expect(there.length).to.be.greaterThan(0);
    expect(there.every((e) => e.venueId === field.id)).to.equal(true);
  });

  it("When a child's feed is chosen, then it has their class's homework and their grade's sport and activities, and nothing of other classes or grades", () => {
    const mine = studentSessions(entries, { classId: g3c1.id, grade: 3 }, [], null);
    expect(new Set(mine.map((e) => e.kind))).to.deep.equal(new Set(["homework", "sport", "activity"]));
    expect(mine.filter((e) => e.kind === "homework").every((e) => e.classId === g3c1.id)).to.equal(true);
    expect(mine.filter((e) => e.kind !== "homework").every((e) => e.classId === null && e.grades.includes(3))).to.equal(
      true,
    );
    // Five homework sessions (Mon–Fri) and a sport or activity session every day: on club day, with no club,
    // the grade's supervised activity (托管).
    expect(mine.filter((e) => e.kind === "homework")).to.have.length(5);
    expect(mine.filter((e) => e.kind !== "homework")).to.have.length(5);
  });

  it("When the child's grade may join a club but the child is not placed in it, then the club is not in the feed; once placed, it is", async () => {
    const choir = await ctx.db.ds.getRepository(Club).findOneByOrFail({ code: "choir" });
    expect(choir.grades).to.include(3);
    expect(studentSessions(entries, { classId: g3c1.id, grade: 3 }, [], null).some((e) => e.clubId !== null)).to.equal(
      false,
    );
    const withChoir = studentSessions(entries, { classId: g3c1.id, grade: 3 }, [choir.id], null);
    const placed = withChoir.filter((e) => e.clubId !== null);
    expect(placed.map((e) => e.clubId)).to.deep.equal([choir.id]);
    // The grade's supervised activity of that period stays a series: the child is at it on the dates the
    // ledger has them out of choir, and the feed leaves out the others date by date (test/feeds/http/replay.test.ts).
    expect(
      withChoir.filter((e) => e.weekday === 4 && e.periodId === placed[0].periodId && e.kind === "activity"),
    ).to.have.length(1);
  });

  it("When the family opted in to some weekdays, then only those days' sessions stay; no days, no sessions", () => {
    const child = { classId: g3c1.id, grade: 3 };
    const monWed = studentSessions(entries, child, [], [1, 3]);
    expect(new Set(monWed.map((e) => e.weekday))).to.deep.equal(new Set([1, 3]));
    expect(studentSessions(entries, child, [], [])).to.deep.equal([]);
  });

  it("When a child placed in a Thursday club opted out of Thursdays, then the club still shows (the placement is the family's choice)", async () => {
    const choir = await ctx.db.ds.getRepository(Club).findOneByOrFail({ code: "choir" });
    const feed = studentSessions(entries, { classId: g3c1.id, grade: 3 }, [choir.id], [1, 2]);
    expect(feed.filter((e) => e.clubId === choir.id)).to.have.length(1);
    expect(feed.filter((e) => e.clubId === null).every((e) => [1, 2].includes(e.weekday))).to.equal(true);
  });
});
