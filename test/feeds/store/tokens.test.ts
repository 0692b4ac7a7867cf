// Feed tokens in the database: made lazily, one live per feed, unguessable,
// and dead once regenerated.
import { expect } from "chai";
import { IsNull } from "typeorm";
import { forEachDatabase } from "../../support/databases";
import { seedDemo } from "../../../seeds/demo";
import { AuditEntry, Staff, Student } from "../../../src/db/entities";
import { nowIso } from "../../../src/db/entities/columns";
import { FeedToken } from "../../../src/feeds/entities";
import { liveToken, newToken, regenerateToken } from "../../../src/feeds/token-service";
import { contextByToken } from "../../../src/feeds/context-store";
import { buildFeed } from "../../../src/feeds/build-feed";

forEachDatabase("calendar feeds: tokens", (ctx) => {
  let teacherId: number;
  before(async function () {
    this.timeout(120_000);
    await seedDemo(ctx.db.ds);
    teacherId = (await ctx.db.ds.getRepository(Staff).findOneByOrFail({ staffNumber: "T002" })).id;
  });
  const tokens = () => ctx.db.ds.getRepository(FeedToken);

  it("When a token is made, then it is 32 random bytes in base64url (43 characters) and never repeats", () => {
    const seen = new Set(Array.from({ length: 500 }, newToken));
    expect(seen.size).to.equal(500);
    for (const t of seen) expect(t).to.match(/^[A-Za-z0-9_-]{43}$/);
  });

  it("When a feed's page is first opened, then one token is made and every later view reuses it", async () => {
    const subject = { kind: "staff" as const, id: teacherId };
    expect(await tokens().countBy({ kind: "staff", subjectId: teacherId })).to.equal(0);
    const first = await liveToken(ctx.db.ds, subject);
    expect(await liveToken(ctx.db.ds, subject)).to.equal(first);
    expect(await tokens().countBy({ kind: "staff", subjectId: teacherId })).to.equal(1);
  });

  it("When several first views race, then they all get the same token and one row is live", async () => {
    const child = await ctx.db.ds.getRepository(Student).findOneOrFail({ where: {}, order: { id: "ASC" } });
    const subject = { kind: "student" as const, id: child.id };
    const all = await Promise.all(Array.from({ length: 6 }, () => liveToken(ctx.db.ds, subject)));
    expect(new Set(all).size).to.equal(1);
    expect(await tokens().countBy({ kind: "student", subjectId: child.id, revokedAt: IsNull() })).to.equal(1);
  });

  it("When a second live token is written for a feed, then the database refuses it; revoked ones may pile up", async () => {
    const subject = { kind: "venue" as const, id: 1 };
    await liveToken(ctx.db.ds, subject);
    const row = { kind: "venue" as const, subjectId: 1, createdAt: nowIso() };
    let refused = false;
    try {
      await tokens().insert({ ...row, token: newToken(), revokedAt: null });
    } catch {
      refused = true;
    }
    expect(refused).to.equal(true);
    await tokens().insert([
      { ...row, token: newToken(), revokedAt: nowIso() },
      { ...row, token: newToken(), revokedAt: nowIso() },
    ]);
  });

  it("When a token is regenerated, then the old one finds no feed, the new one does, and the audit log says who (not the token)", async () => {
    const subject = { kind: "club" as const, id: 1 };
    const old = await liveToken(ctx.db.ds, subject);
    expect(await contextByToken(ctx.db.ds, old)).to.not.equal(null);
    const fresh = await regenerateToken(ctx.db.ds, subject, { kind: "staff", id: 1, label: "admin" });
    expect(fresh).to.not.equal(old);
    expect(await contextByToken(ctx.db.ds, old)).to.equal(null);
    const row = await contextByToken(ctx.db.ds, fresh);
    expect(row?.kind).to.equal("club");
    expect(Number(row?.subjectId)).to.equal(1);
    expect(await liveToken(ctx.db.ds, subject)).to.equal(fresh);
    expect((await tokens().findOneByOrFail({ token: old })).revokedAt).to.be.a("string");
    const audit = await ctx.db.ds
      .getRepository(AuditEntry)
      .findOneByOrFail({ action: "feed.regenerate", entityId: "club:1" });
    expect(audit.actorLabel).to.equal("admin");
    expect(JSON.stringify(audit)).to.not.contain(old).and.not.contain(fresh);
  });

  it("When nothing is published yet, then a feed is a valid calendar with no events", async () => {
    const [timetable] = await ctx.db.ds.query<{ id: number; published: string | null }[]>(
      `SELECT id, published FROM timetable`,
    );
    await ctx.db.ds.query(
      `UPDATE timetable SET published = NULL, "publishedAt" = NULL WHERE id = ${Number(timetable.id)}`,
    );
    try {
      const { feed } = await buildFeed(ctx.db.ds, { kind: "school", id: 0 });
      if (typeof feed === "string") throw new Error(feed);
      const text = feed.body.toString();
      expect(text).to.match(/^BEGIN:VCALENDAR\r\n[\s\S]*END:VCALENDAR\r\n$/);
      expect(text).to.not.contain("BEGIN:VEVENT");
    } finally {
      await ctx.db.ds.query(
        `UPDATE timetable SET published = ${ctx.db.kind === "postgres" ? "$1" : "?"}, "publishedAt" = "updatedAt" WHERE id = ${Number(timetable.id)}`,
        [timetable.published],
      );
    }
  });
});
