// The ledger keeps history: a withdrawal ends a membership on the day it is
// made (earlier registers still list the child), an accepted offer begins one
// that day and ends the club it replaces.
import { expect } from "chai";
import { forEachDatabase } from "../../support/databases";
import { demoApp } from "../../support/demo-app";
import { SYSTEM } from "../../../src/audit";
import { seedDemoChoices } from "../../../seeds/demo-choices";
import { createRun } from "../../../src/allocation/run-service";
import { publishRun } from "../../../src/allocation/publish-service";
import { answerOffer, withdrawPlacement } from "../../../src/allocation/waitlist-service";
import { WaitlistOffer } from "../../../src/allocation/entities";
import { Membership, clubsOn, membersOn } from "../../../src/membership";
import { setSchoolClock } from "../../../src/kernel";

const DAY = "2026-10-15"; // a Thursday in the demo's autumn term
const at = new Date(`${DAY}T08:00:00Z`);

forEachDatabase("membership: withdrawals and offers over time", (ctx) => {
  after(() => setSchoolClock());

  it("When a child is withdrawn and the seat is accepted from the waitlist, then the ledger has both changes from that day on, and the days before as they were", async function () {
    this.timeout(180_000);
    const ds = ctx.db.ds;
    await demoApp(ctx.db);
    const { round } = await seedDemoChoices(ds, { students: 200, seed: 61, clubSize: 5 });
    await publishRun(
      ds,
      await createRun(ds, round.id, { mechanism: "optimal", seed: 61, note: "" }, SYSTEM),
      { overrideReason: "ledger test" },
      SYSTEM,
    );
    setSchoolClock(() => at);
    // A club with a waitlist: withdrawing one member offers the seat on.
    const offered = async () => ds.getRepository(WaitlistOffer).findOneBy({ roundId: round.id, status: "open" });
    let offer: WaitlistOffer | null = null;
    let leaver: Membership | null = null;
    for (const m of await ds.getRepository(Membership).find({ where: { roundId: round.id }, order: { id: "ASC" } })) {
      expect(await withdrawPlacement(ds, round.id, m.studentId, m.clubId, SYSTEM, "ledger test", at)).to.equal(
        "withdrawn",
      );
      leaver = m;
      offer = await offered();
      if (offer) break;
    }
    expect(offer, "a withdrawal offered a seat").to.not.equal(null);
    const ended = await ds.getRepository(Membership).findOneByOrFail({ id: leaver!.id });
    expect([ended.toDate, ended.endReason]).to.deep.equal([DAY, "withdrawal"]);
    expect((await membersOn(ds, [leaver!.clubId], "2026-10-14")).get(leaver!.clubId)!.has(leaver!.studentId)).to.equal(
      true,
    );
    expect((await membersOn(ds, [leaver!.clubId], DAY)).get(leaver!.clubId)!.has(leaver!.studentId)).to.equal(false);

    const before = await clubsOn(ds, offer!.studentId, "2026-10-14");
    expect(await answerOffer(ds, offer!, true, SYSTEM, at)).to.equal("accepted");
    const begun = await ds.getRepository(Membership).findOneByOrFail({ offerId: offer!.id });
    expect([begun.studentId, begun.clubId, begun.fromDate, begun.toDate, begun.reason]).to.deep.equal([
      offer!.studentId,
      offer!.clubId,
      DAY,
      null,
      "offer",
    ]);
    expect(await clubsOn(ds, offer!.studentId, "2026-10-14")).to.deep.equal(before);
    // One club per child in this round: the offered seat either was the child's first or replaced the one held.
    expect(await clubsOn(ds, offer!.studentId, DAY)).to.deep.equal([offer!.clubId]);
  });
});
