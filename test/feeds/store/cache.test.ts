// Built feeds are cached in memory, keyed by a data version read from the
// database on every request. Here a second connection plays "another app
// instance" (or an admin's SQL): whatever it changes, the first instance's
// next answer shows it; what it does not publish, no feed shows.
import { expect } from "chai";
import type { Express } from "express";
import type { DataSource } from "typeorm";
import { forEachDatabase } from "../../support/databases";
import { testApp } from "../../support/http";
import { seedDemo } from "../../../seeds/demo";
import { openDatabase } from "../../../src/database";
import {
  CalendarDay,
  Period,
  ServiceEnrollment,
  Setting,
  Staff,
  Student,
  Term,
  Timetable,
  TimetableEntry,
  Venue,
} from "../../../src/db/entities";
import { nowIso } from "../../../src/db/entities/columns";
import { inTransaction } from "../../../src/db/transaction";
import { liveToken } from "../../../src/feeds/token-service";
import { feedCacheFor } from "../../../src/feeds/feed-cache";
import { contextBySubject, versionOf } from "../../../src/feeds/context-store";
import type { Subject } from "../../../src/feeds/context-store";
import { fetchFeed, meetingsOf } from "../http/support";

forEachDatabase("calendar feeds: cache and data version", (ctx) => {
  let app: Express;
  let other: DataSource;
  let classTeacher: Staff;

  before(async function () {
    this.timeout(120_000);
    await seedDemo(ctx.db.ds);
    app = testApp(ctx.db.ds);
    other = await openDatabase(ctx.db.url);
    classTeacher = await ctx.db.ds.getRepository(Staff).findOneByOrFail({ staffNumber: "B31" });
  });
  after(async () => {
    if (other?.isInitialized) await other.destroy();
  });

  const feedOf = async (subject: Subject) => {
    const path = `/feeds/${await liveToken(ctx.db.ds, subject)}.ics`;
    const res = await fetchFeed(app, path);
    return {
      status: res.status,
      text: (res.body as Buffer).toString("utf8"),
      etag: res.headers.etag,
      res,
      path,
    };
  };
  const teacherFeed = () => feedOf({ kind: "staff", id: classTeacher.id });

  it("When nothing changed, then the second request is served from the cache (the very same bytes object)", async () => {
    const subject: Subject = { kind: "staff", id: classTeacher.id };
    const version = versionOf(await contextBySubject(ctx.db.ds, subject));
    const cache = feedCacheFor(ctx.db.ds);
    const [a, b, c] = await Promise.all([
      cache.forSubject(subject, version),
      cache.forSubject(subject, version),
      cache.forSubject(subject, version),
    ]);
    expect(a).to.equal(b).and.to.equal(c);
    expect(await cache.forSubject(subject, version)).to.equal(a);
    expect(await cache.forSubject(subject, `${version}x`)).to.not.equal(a);
    const token = await liveToken(ctx.db.ds, subject);
    expect(await cache.forToken(token)).to.equal(await cache.forToken(token));
  });

  it("When nothing at all was written since the last request, then the feed is served without looking up the token or the data version", async () => {
    const subject: Subject = { kind: "staff", id: classTeacher.id };
    await feedOf(subject);
    const seen: string[] = [];
    const query = ctx.db.ds.query.bind(ctx.db.ds);
    ctx.db.ds.query = ((sql: string, params?: unknown[]) => {
      seen.push(sql);
      return query(sql, params);
    }) as typeof ctx.db.ds.query;
    try {
      expect((await feedOf(subject)).status).to.equal(200);
    } finally {
      ctx.db.ds.query = query;
    }
    expect(seen.filter((sql) => /feed_token|calendar_day/.test(sql))).to.deep.equal([]);
  });

  it("When this instance itself writes, then the next request sees it too", async () => {
    const venue = await ctx.db.ds.getRepository(Venue).findOneByOrFail({ name: "西操场" });
    expect((await feedOf({ kind: "venue", id: venue.id })).text).to.contain("LOCATION:西操场\r\n");
    await ctx.db.ds.getRepository(Venue).update({ id: venue.id }, { name: "西操场二号" });
    expect((await feedOf({ kind: "venue", id: venue.id })).text).to.contain("LOCATION:西操场二号\r\n");
  });

  it("When a feed is read in the middle of a write that is then rolled back, then the next request shows the data as committed", async () => {
    const venue = await ctx.db.ds.getRepository(Venue).findOneByOrFail({ name: "西操场二号" });
    await inTransaction(ctx.db.ds, async (em) => {
      await em.getRepository(Venue).update({ id: venue.id }, { name: "不会保存的名字" });
      await feedOf({ kind: "venue", id: venue.id });
      throw new Error("roll back");
    }).catch((err: Error) => expect(err.message).to.equal("roll back"));
    const after = (await feedOf({ kind: "venue", id: venue.id })).text;
    expect(after).to.contain("LOCATION:西操场二号\r\n");
    expect(after).to.not.contain("不会保存的名字");
  });

  it("When another instance adds a holiday, then this instance drops that day at once and the ETag changes", async () => {
    const before = await teacherFeed();
    expect(meetingsOf(before.text).meetings.some((m) => m.includes("|2026-12-02|"))).to.equal(true);
    const term = await other.getRepository(Term).findOneByOrFail({ current: true });
    await other
      .getRepository(CalendarDay)
      .insert({ termId: term.id, date: "2026-12-02", kind: "holiday", runsWeekday: null, name: "临时停课" });
    const after = await teacherFeed();
    expect(meetingsOf(after.text).meetings.some((m) => m.includes("|2026-12-02|"))).to.equal(false);
    expect(after.etag).to.not.equal(before.etag);
    expect((await fetchFeed(app, after.path).set("If-None-Match", before.etag)).status).to.equal(200);
  });

  it("When another instance renames the teacher (even without touching updatedAt), then the feed says the new name", async () => {
    await other.getRepository(Staff).update({ id: classTeacher.id }, { name: "改名测试" });
    const feed = await teacherFeed();
    expect(feed.text).to.contain("改名测试");
    await other.getRepository(Staff).update({ id: classTeacher.id }, { name: classTeacher.name });
    expect((await teacherFeed()).text).to.not.contain("改名测试");
  });

  it("When a child leaves the class, then the homework group size in the teacher's feed drops by one", async () => {
    const child = await other
      .getRepository(Student)
      .findOneOrFail({ where: { archived: false, classId: await homeworkClassId() }, order: { id: "DESC" } });
    const size = await other.getRepository(Student).countBy({ classId: child.classId, archived: false });
    expect((await teacherFeed()).text).to.contain(`人数：${size}`);
    await other.getRepository(Student).update({ id: child.id }, { archived: true });
    expect((await teacherFeed()).text).to.contain(`人数：${size - 1}`);
    await other.getRepository(Student).update({ id: child.id }, { archived: false });
  });
  const homeworkClassId = async () =>
    (await other.getRepository(TimetableEntry).findOneByOrFail({ staffId: classTeacher.id, kind: "homework" }))
      .classId!;

  it("When a venue is renamed or a period moves, then the venue's feed shows it", async () => {
    const venue = await other.getRepository(Venue).findOneByOrFail({ name: "东操场" });
    await other.getRepository(Venue).update({ id: venue.id }, { name: "东操场（新）" });
    const renamed = await feedOf({ kind: "venue", id: venue.id });
    expect(renamed.text).to.contain("LOCATION:东操场（新）");
    const period = await other.getRepository(Period).findOneOrFail({ where: {}, order: { position: "DESC" } });
    await other.getRepository(Period).update({ id: period.id }, { startTime: "17:00", endTime: "18:00" });
    const moved = await feedOf({ kind: "venue", id: venue.id });
    expect(meetingsOf(moved.text).meetings.every((m) => m.endsWith("|17:00|18:00"))).to.equal(true);
    await other
      .getRepository(Period)
      .update({ id: period.id }, { startTime: period.startTime, endTime: period.endTime });
  });

  it("When the school is renamed, then the calendar's name follows", async () => {
    await other.getRepository(Setting).update({ key: "school.name" }, { value: "改名小学" });
    expect((await feedOf({ kind: "school", id: 0 })).text).to.contain("X-WR-CALNAME:改名小学 课后服务");
  });

  it("When a draft entry changes, then no feed shows it until the timetable is published again", async () => {
    const entry = await other
      .getRepository(TimetableEntry)
      .findOneByOrFail({ staffId: classTeacher.id, kind: "homework", weekday: 1 });
    const before = await teacherFeed();
    await other
      .getRepository(TimetableEntry)
      .update({ id: entry.id }, { title: "草稿中的新标题", sequence: 1, updatedAt: nowIso() });
    const draft = await teacherFeed();
    expect(draft.text).to.equal(before.text);
    expect(draft.etag).to.equal(before.etag);
    // Publishing: the snapshot is rewritten and stamped.
    const timetable = await other.getRepository(Timetable).findOneByOrFail({ termId: entry.termId });
    const now = nowIso();
    const published = (timetable.published as { id: number }[]).map((e) =>
      e.id === entry.id ? { ...e, title: "草稿中的新标题", sequence: 1, updatedAt: now } : e,
    );
    await other.getRepository(Timetable).update({ id: timetable.id }, { published, publishedAt: now, updatedAt: now });
    const after = await teacherFeed();
    expect(after.text).to.contain("SUMMARY:草稿中的新标题");
    // Issue 20: SEQUENCE follows what the event is made of (kept per feed), so it only has to grow.
    const sequenceIn = (text: string) =>
      Number(new RegExp(`UID:entry-${entry.id}@kehou.local\\r\\nSEQUENCE:(\\d+)\\r\\n`).exec(text)?.[1] ?? NaN);
    expect(sequenceIn(after.text)).to.be.greaterThan(sequenceIn(before.text));
  });

  it("When a family opts in to Monday and Wednesday only, then the child's feed keeps those days (and the make-up day that runs Wednesday)", async () => {
    const child = await other
      .getRepository(Student)
      .findOneOrFail({ where: { archived: false }, relations: { schoolClass: true }, order: { id: "ASC" } });
    const subject: Subject = { kind: "student", id: child.id };
    const before = meetingsOf((await feedOf(subject)).text).meetings;
    const weekdayOf = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay() || 7;
    expect(new Set(before.map((m) => weekdayOf(m.split("|")[1])))).to.include(2);
    const term = await other.getRepository(Term).findOneByOrFail({ current: true });
    await other.getRepository(ServiceEnrollment).insert({
      termId: term.id,
      studentId: child.id,
      weekdays: [1, 3],
      source: "family",
      enteredByStaffId: null,
      updatedAt: nowIso(),
    });
    const after = meetingsOf((await feedOf(subject)).text).meetings;
    const dates = new Set(after.map((m) => m.split("|")[1]));
    expect([...dates].every((d) => [1, 3].includes(weekdayOf(d)) || d === "2026-10-10")).to.equal(true);
    expect(dates.has("2026-10-10")).to.equal(true);
    expect(after.length).to.be.greaterThan(0).and.lessThan(before.length);
  });

  it("When no term is current, then the feed answers 503 and asks to come back; when one is again, it serves", async () => {
    const term = await other.getRepository(Term).findOneByOrFail({ current: true });
    await other.getRepository(Term).update({ id: term.id }, { current: false });
    const between = await teacherFeed();
    expect(between.status).to.equal(503);
    expect(between.res.headers["retry-after"]).to.equal("3600");
    await other.getRepository(Term).update({ id: term.id }, { current: true });
    expect((await teacherFeed()).status).to.equal(200);
  });

  it("When a teacher is disabled or a child archived, then their feed answers 404", async () => {
    const child = await other
      .getRepository(Student)
      .findOneOrFail({ where: { archived: false }, order: { id: "DESC" } });
    const childFeed = await liveToken(ctx.db.ds, { kind: "student", id: child.id });
    await other.getRepository(Student).update({ id: child.id }, { archived: true });
    expect((await fetchFeed(app, `/feeds/${childFeed}.ics`)).status).to.equal(404);
    await other.getRepository(Student).update({ id: child.id }, { archived: false });
    await other.getRepository(Staff).update({ id: classTeacher.id }, { active: false });
    expect((await teacherFeed()).status).to.equal(404);
    await other.getRepository(Staff).update({ id: classTeacher.id }, { active: true });
    expect((await teacherFeed()).status).to.equal(200);
  });
});
