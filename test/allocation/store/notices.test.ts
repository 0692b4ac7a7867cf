// Issue 21: the allocation's notices reach families in the app and on their
// channels, written in the transaction of the change: results published, a
// published place the school withdrew (placement.changed, old → new), the
// waitlist offer it frees, and that offer's expiry.
import { expect } from "chai";
import type { DataSource } from "typeorm";
import { forEachDatabase } from "../../support/databases";
import { demoApp } from "../../support/demo-app";
import { Club, Family, Setting, Student } from "../../../src/db/entities";
import { inTransaction } from "../../../src/db";
import { SYSTEM, type Actor } from "../../../src/audit";
import { seedDemoChoices } from "../../../seeds/demo-choices";
import { createRun } from "../../../src/allocation/run-service";
import { publishRun } from "../../../src/allocation/publish-service";
import { withdrawPlacement } from "../../../src/allocation/waitlist-service";
import { sweepExpiredOffers } from "../../../src/allocation/offer-sweep";
import { offerFreedSeats } from "../../../src/allocation/seats-freed";
import { waitingOfRound } from "../../../src/allocation/store/placements";
import { fits, freeSeats, waitlistContext, waitlistStopped } from "../../../src/allocation/store/waitlist-context";
import { ClubPlacement, WaitlistEntry, WaitlistOffer } from "../../../src/allocation/entities";
import { FamilyEmail, Notification, OutboxDelivery } from "../../../src/notifications";

const ADMIN: Actor = { kind: "staff", id: null, label: "教务处" };

forEachDatabase("allocation notices: inbox rows and outbox deliveries", (ctx) => {
  let ds: DataSource;
  let roundId: number;

  before(async function () {
    this.timeout(180_000);
    await demoApp(ctx.db);
    ds = ctx.db.ds;
    // Every family has a verified address and the school has e-mail: each notice is also an e-mail delivery.
    await ds.getRepository(Setting).save([
      { key: "notify.smtp.host", value: "127.0.0.1" },
      { key: "notify.smtp.from", value: "kehou@school.example" },
    ]);
    const now = new Date().toISOString();
    const families = await ds.getRepository(Family).find({ select: { id: true } });
    await ds.getRepository(FamilyEmail).insert(
      families.map((f) => ({
        familyId: f.id,
        address: `family${f.id}@example.cn`,
        verifiedAt: now,
        consentAt: now,
        consentVersion: "2026-09",
        withdrawnAt: null,
        tokenHash: null,
        tokenExpiresAt: null,
        updatedAt: now,
      })),
    );
    const { round } = await seedDemoChoices(ds, { students: 200, seed: 11, clubSize: 5 });
    roundId = round.id;
  });

  const inbox = (kind: string) => ds.getRepository(Notification).find({ where: { kind }, order: { id: "ASC" } });
  const mail = (kind: string) =>
    ds.getRepository(OutboxDelivery).find({ where: { kind, channel: "email" }, order: { id: "ASC" } });
  const sameFamilies = async (kind: string) => {
    const [rows, deliveries] = await Promise.all([inbox(kind), mail(kind)]);
    expect(rows.length, `${kind} in the app`).to.be.greaterThan(0);
    expect(deliveries.map((d) => d.recipientId).sort(), `${kind} by e-mail`).to.deep.equal(
      rows.map((r) => r.familyId).sort(),
    );
    expect(deliveries.every((d) => d.address === `family${d.recipientId}@example.cn`)).to.equal(true);
    return rows;
  };

  /**
   * The first child in line who would take a seat in their club now (fits it,
   * the club's waitlist still offers): the tests free a seat there, so an
   * offer always follows instead of depending on which seat happened to free.
   */
  const firstWhoFits = (now: Date): Promise<WaitlistEntry> =>
    inTransaction(ds, async (em) => {
      const ctx = await waitlistContext(em, roundId);
      expect(ctx, "the round is published").to.not.equal(null);
      const waiting = (await waitingOfRound(em, roundId)).sort(
        (a, b) => a.clubId - b.clubId || a.position - b.position,
      );
      for (const entry of waiting) {
        if (await waitlistStopped(em, roundId, entry.clubId, now)) continue;
        if (await fits(em, ctx!, entry.studentId, entry.clubId)) return entry;
      }
      throw new Error("the seeded round has no waiting child who fits a club: the test school is too loose");
    });

  it("When a round's run is published, then each family with a child in it hears results.published in the app and by e-mail", async function () {
    this.timeout(120_000);
    const run = await createRun(ds, roundId, { mechanism: "optimal", seed: 5, note: "" }, SYSTEM);
    await publishRun(ds, run, { overrideReason: "notices test: policy checked elsewhere" }, SYSTEM);
    const rows = await sameFamilies("results.published");
    expect(rows[0].payload.link).to.equal("/results");
  });

  it("When the school withdraws a child from a published club, then the family hears placement.changed (old → none) and the freed seat's offer goes out as waitlist.offer", async function () {
    this.timeout(60_000);
    // A place in a club someone waits for (and fits): its freed seat is always offered on.
    const waiting = await firstWhoFits(new Date());
    const placement = await ds
      .getRepository(ClubPlacement)
      .findOneOrFail({ where: { roundId, clubId: waiting.clubId }, order: { id: "ASC" } });
    const student = await ds.getRepository(Student).findOneByOrFail({ id: placement.studentId });
    expect(await withdrawPlacement(ds, roundId, placement.studentId, placement.clubId, ADMIN, "家长来电退出")).to.equal(
      "withdrawn",
    );
    const [changed] = await sameFamilies("placement.changed");
    expect(changed.familyId).to.equal(student.familyId);
    expect(changed.payload).to.include({ child: student.name, to: "—" });
    const offers = await ds.getRepository(WaitlistOffer).findBy({ roundId, status: "open" });
    expect(offers.map((o) => o.clubId)).to.include(placement.clubId);
    const rows = await sameFamilies("waitlist.offer");
    expect(rows.length).to.equal(offers.length);
  });

  it("When a family withdraws its own child, then no placement.changed notice repeats what it just did", async function () {
    this.timeout(60_000);
    const before = (await inbox("placement.changed")).length;
    const placement = await ds
      .getRepository(ClubPlacement)
      .findOneOrFail({ where: { roundId }, order: { id: "DESC" } });
    const student = await ds.getRepository(Student).findOneByOrFail({ id: placement.studentId });
    const family: Actor = { kind: "family", id: student.familyId, label: "家长" };
    await withdrawPlacement(ds, roundId, placement.studentId, placement.clubId, family, null);
    expect((await inbox("placement.changed")).length).to.equal(before);
  });

  it("When an offer's time runs out, then the family hears waitlist.offerExpired in the app and by e-mail", async function () {
    this.timeout(60_000);
    // The test's own open offer: the admin raises the club of the first child who fits by exactly one free seat.
    const now = new Date();
    const entry = await firstWhoFits(now);
    await inTransaction(ds, async (em) => {
      const ctx = await waitlistContext(em, roundId);
      const free = await freeSeats(em, ctx!, entry.clubId);
      await em.getRepository(Club).increment({ id: entry.clubId }, "maxSize", 1 - free);
      expect(await offerFreedSeats(em, [entry.clubId], now)).to.equal(1);
    });
    const mine = await ds
      .getRepository(WaitlistOffer)
      .findOneByOrFail({ roundId, clubId: entry.clubId, studentId: entry.studentId, status: "open" });
    const open = await ds.getRepository(WaitlistOffer).findBy({ roundId, status: "open" });
    await sweepExpiredOffers(ds, new Date(now.getTime() + 30 * 24 * 3600 * 1000));
    expect((await ds.getRepository(WaitlistOffer).findOneByOrFail({ id: mine.id })).status).to.equal("expired");
    const rows = await sameFamilies("waitlist.offerExpired");
    expect(rows.length).to.be.at.least(open.length);
    const student = await ds.getRepository(Student).findOneByOrFail({ id: entry.studentId });
    expect(rows.some((r) => r.familyId === student.familyId && r.payload.offerId === mine.id)).to.equal(true);
  });
});
