// A child's calendar feed carries the clubs the published allocation gave it,
// and follows the seat: a withdrawal takes the meetings out on the next build.
import { expect } from "chai";
import { forEachDatabase } from "../support/databases";
import { seedDemo } from "../../seeds/demo";
import { seedDemoActivity } from "../../seeds/demo-activity";
import { Membership } from "../../src/membership";
import { Club } from "../../src/db/entities";
import { inTransaction } from "../../src/db/transaction";
import { buildFeed } from "../../src/calendar/web/build-feed";

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
    await inTransaction(ds, (em) => em.getRepository(Membership).update({ id: placement.id }, { toDate: placement.fromDate, endReason: "withdrawal" }));
    try {
      const gone = await buildFeed(ds, subject);
      if (typeof gone.feed === "string") throw new Error(gone.feed);
      expect(gone.version).to.not.equal(placed.version);
      expect(summaries(gone.feed.body).some((s) => s.startsWith(club.name))).to.equal(false);
    } finally {
      await inTransaction(ds, (em) => em.getRepository(Membership).update({ id: placement.id }, { toDate: null, endReason: null }));
    }
  });

});
