// A child's calendar feed carries the clubs the published allocation gave it,
// and follows the seat: a withdrawal takes the meetings out on the next build.
import { expect } from "chai";
import { forEachDatabase } from "../../support/databases";
import { seedDemo } from "../../../seeds/demo";
import { seedDemoActivity } from "../../../seeds/demo-activity";
import { Membership, membersOn } from "../../../src/membership";
import { Club, Term } from "../../../src/db/entities";
import { setSchoolClock } from "../../../src/kernel";
import { FeedCache } from "../../../src/feeds/feed-cache";
import { liveToken } from "../../../src/feeds/token-service";
import { inTransaction } from "../../../src/db/transaction";
import { buildFeed } from "../../../src/feeds/build-feed";

forEachDatabase("calendar feeds: a child's clubs", (ctx) => {
  before(async function () {
    this.timeout(180_000);
    // As `npm start` seeds it: the autumn allocation is published.
    await seedDemo(ctx.db.ds);
    await seedDemoActivity(ctx.db.ds);
  });

  it("When the published allocation places a child in a club, then the child's feed has its meetings, and loses them with the seat", async () => {
    const ds = ctx.db.ds;
    // Seats are the membership ledger's: the feed reads it, as every other page does.
    const placement = await ds.getRepository(Membership).findOneOrFail({ where: {}, order: { id: "ASC" } });
    const club = await ds.getRepository(Club).findOneByOrFail({ id: placement.clubId });
    const subject = { kind: "student" as const, id: placement.studentId };
    const placed = await buildFeed(ds, subject);
    if (typeof placed.feed === "string") throw new Error(placed.feed);
    const summaries = (body: Buffer) => [...body.toString().matchAll(/^SUMMARY:(.*)$/gm)].map((m) => m[1]);
    expect(summaries(placed.feed.body).some((s) => s.startsWith(club.name))).to.equal(true);
    await inTransaction(ds, (em) =>
      em
        .getRepository(Membership)
        .update({ id: placement.id }, { toDate: placement.fromDate, endReason: "withdrawal" }),
    );
    try {
      const gone = await buildFeed(ds, subject);
      if (typeof gone.feed === "string") throw new Error(gone.feed);
      expect(gone.version).to.not.equal(placed.version);
      expect(summaries(gone.feed.body).some((s) => s.startsWith(club.name))).to.equal(false);
    } finally {
      await inTransaction(ds, (em) =>
        em.getRepository(Membership).update({ id: placement.id }, { toDate: null, endReason: null }),
      );
    }
  });

  // Issue 20: a club's head count is the ledger's members on the school's today (clamped into
  // the term), not its capacity; a seat given up, or a new day with another count, rebuilds it.
  it("When a club's feed is built, then 人数 is the ledger's members on the school's today, and follows the ledger and the date", async () => {
    const ds = ctx.db.ds;
    const term = await ds.getRepository(Term).findOneByOrFail({ current: true });
    const seat = await ds.getRepository(Membership).findOneOrFail({ where: { termId: term.id }, order: { id: "ASC" } });
    const club = await ds.getRepository(Club).findOneByOrFail({ id: seat.clubId });
    const countOn = async (date: string) => (await membersOn(ds, [club.id], date)).get(club.id)!.size;
    const line = (n: number) => `人数：${n} / 名额：${club.maxSize}`;
    // As the feed route serves it: through the cache, by token.
    const cache = new FeedCache(ds);
    const token = await liveToken(ds, { kind: "club", id: club.id });
    const served = async () => {
      const feed = await cache.forToken(token);
      if (feed === null || typeof feed === "string") throw new Error(String(feed));
      return feed.body.toString();
    };
    const at = (date: string) => setSchoolClock(() => new Date(`${date}T04:00:00Z`));
    // The seat taken a week into the term (an accepted offer): on the first day the club has one member fewer.
    const weekIn = new Date(Date.parse(`${term.startDate}T00:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10);
    await inTransaction(ds, (em) => em.getRepository(Membership).update({ id: seat.id }, { fromDate: weekIn }));
    try {
      at(weekIn);
      const n = await countOn(weekIn);
      expect(n).to.be.greaterThan(0);
      expect(await served()).to.contain(line(n));
      // Nothing written, another day.
      at(term.startDate);
      expect(await countOn(term.startDate)).to.equal(n - 1);
      expect(await served()).to.contain(line(n - 1));
      // A date before the term counts as its first day.
      at("2000-01-03");
      expect(await served()).to.contain(line(n - 1));
      // A ledger change on the same day.
      at(weekIn);
      expect(await served()).to.contain(line(n));
      await inTransaction(ds, (em) =>
        em.getRepository(Membership).update({ id: seat.id }, { toDate: weekIn, endReason: "withdrawal" }),
      );
      expect(await served()).to.contain(line(n - 1));
    } finally {
      setSchoolClock();
      await inTransaction(ds, (em) =>
        em
          .getRepository(Membership)
          .update({ id: seat.id }, { fromDate: seat.fromDate, toDate: seat.toDate, endReason: seat.endReason }),
      );
    }
  });
});
