// Issue 18, done when: a term played through its rounds. A main round is
// published, waitlist offers are accepted, a top-up with one swap is published
// and then published again, and another top-up is still open. On every date of
// the term no club has more members than seats, no child holds two clubs at one
// hour, the accepted offers stand, and every family told of a change sees it.
import { expect } from "chai";
import { type DataSource, In, IsNull } from "typeorm";
import { forEachDatabase } from "../../support/databases";
import { demoApp } from "../../support/demo-app";
import { formToken, loginAs, testApp } from "../../support/http";
import { Club, Family, Student, Term } from "../../../src/db/entities";
import { ChoiceRound, Preference } from "../../../src/choices/entities";
import { createRound, closeRound } from "../../../src/choices/round-service";
import { hashSecret } from "../../../src/http/auth/passwords";
import { SYSTEM } from "../../../src/audit";
import { seedDemoChoices } from "../../../seeds/demo-choices";
import { createRun } from "../../../src/allocation/run-service";
import { publishRun, RoundStillOpen } from "../../../src/allocation/publish-service";
import { clubSlots } from "../../../src/allocation/store/instance";
import { answerOffer, withdrawPlacement } from "../../../src/allocation/waitlist-service";
import { WaitlistOffer } from "../../../src/allocation/entities";
import { Notification } from "../../../src/notifications/entities";
import { Membership, clubsOn, memberCountsOn, seatsOn } from "../../../src/membership";
import { currentTermCalendar } from "../../../src/kernel";

const HOUR = 3600 * 1000;
const CODE = "KH26TERM";

forEachDatabase("rounds over a term: a term played through", (ctx) => {
  let ds: DataSource;

  before(async function () {
    this.timeout(180_000);
    await demoApp(ctx.db);
    ds = ctx.db.ds;
  });

  async function topUp(name: string, clubIds: number[], closesIn: number): Promise<ChoiceRound> {
    return createRound(
      ds,
      {
        name,
        opensAt: new Date(Date.now() - HOUR).toISOString(),
        closesAt: new Date(Date.now() + closesIn).toISOString(),
        grades: [1, 2, 3, 4, 5, 6],
        minChoices: 1,
        maxChoices: 3,
        maxClubsPerChild: 1,
        mechanism: "optimal",
        showFirstChoiceCounts: false,
        clubIds,
      },
      SYSTEM,
    );
  }

  async function choose(
    round: ChoiceRound,
    studentId: number,
    clubIds: number[],
    swapClubIds: number[] | null = null,
  ): Promise<void> {
    const now = new Date().toISOString();
    await ds.getRepository(Preference).insert({
      roundId: round.id,
      studentId,
      clubIds,
      maxClubs: 1,
      placeWithSiblings: false,
      swapClubIds,
      source: "family",
      enteredByStaffId: null,
      submittedAt: now,
      updatedAt: now,
      version: 1,
    });
  }

  it("When a term runs a main round, accepted offers, a top-up with a swap, a republication and an open round, then no date has a club over capacity or a child twice at one hour, accepted offers stand, and every family told of a change sees it", async function () {
    this.timeout(600_000);
    const reason = { overrideReason: "term test: policy checked elsewhere" };
    // Main round.
    const { round: main } = await seedDemoChoices(ds, { students: 300, seed: 81, clubSize: 8 });
    await publishRun(
      ds,
      await createRun(ds, main.id, { mechanism: "optimal", seed: 81, note: "" }, SYSTEM),
      reason,
      SYSTEM,
    );
    const term = await ds.getRepository(Term).findOneByOrFail({ id: main.termId });
    const slots = await clubSlots(ds, term.id);
    const shareSlot = (a: number, b: number) => (slots.get(a) ?? []).some((s) => (slots.get(b) ?? []).includes(s));
    const clubs = await ds
      .getRepository(Club)
      .find({ where: { termId: term.id, cancelled: false }, order: { id: "ASC" } });

    // Waitlist offers accepted: members leave two full clubs, the first child offered each seat takes it.
    const accepted: WaitlistOffer[] = [];
    for (const m of await ds
      .getRepository(Membership)
      .find({ where: { roundId: main.id, toDate: IsNull() }, order: { id: "ASC" } })) {
      if (accepted.length >= 2) break;
      if (accepted.some((o) => o.clubId === m.clubId)) continue;
      await withdrawPlacement(ds, main.id, m.studentId, m.clubId, SYSTEM, "term test");
      const offer = await ds
        .getRepository(WaitlistOffer)
        .findOneBy({ roundId: main.id, clubId: m.clubId, status: "open" });
      if (offer && (await answerOffer(ds, offer, true, SYSTEM)) === "accepted") accepted.push(offer);
    }
    expect(accepted.length).to.equal(2);

    // A top-up for a club given more seats, at the hour of a club one child holds and asks to swap.
    const held = (
      await ds
        .getRepository(Membership)
        .find({ where: { roundId: main.id, reason: "publication", toDate: IsNull() }, order: { id: "ASC" } })
    ).find(
      (m) =>
        !accepted.some((o) => o.clubId === m.clubId) &&
        clubs.some((c) => c.id !== m.clubId && shareSlot(c.id, m.clubId)),
    )!;
    const swapper = await ds
      .getRepository(Student)
      .findOneOrFail({ where: { id: held.studentId }, relations: { schoolClass: true } });
    const extra = clubs.find(
      (c) =>
        c.id !== held.clubId &&
        shareSlot(c.id, held.clubId) &&
        c.grades.includes(swapper.schoolClass.grade) &&
        !accepted.some((o) => o.clubId === c.id),
    )!;
    expect(extra, "a club at the swapped club's hour").to.not.equal(undefined);
    await ds.getRepository(Club).update({ id: extra.id }, { maxSize: extra.maxSize + 4 });
    const top = await topUp("补选 · 学期", [extra.id], 60_000);
    await choose(top, swapper.id, [extra.id], [held.clubId]);
    const seated = new Set((await seatsOn(ds, term.id, top.effectiveDate!)).keys());
    const others = (
      await ds
        .getRepository(Student)
        .find({ where: { archived: false }, relations: { schoolClass: true }, order: { id: "ASC" } })
    )
      .filter((s) => !seated.has(s.id) && extra.grades.includes(s.schoolClass.grade))
      .slice(0, 12);
    for (const s of others) await choose(top, s.id, [extra.id]);
    await closeRound(ds, top.id, SYSTEM);
    await publishRun(
      ds,
      await createRun(ds, top.id, { mechanism: "optimal", seed: 82, note: "" }, SYSTEM),
      reason,
      SYSTEM,
    );
    expect(await clubsOn(ds, swapper.id, top.effectiveDate!)).to.include(extra.id);

    // The top-up published again: the club lost two seats (a smaller room), the changes confirmed.
    await ds.getRepository(Club).update({ id: extra.id }, { maxSize: extra.maxSize + 2 });
    await publishRun(
      ds,
      await createRun(ds, top.id, { mechanism: "lottery", seed: 83, note: "" }, SYSTEM),
      { ...reason, confirmChanges: true },
      SYSTEM,
    );

    // A round still open: it can be run, not published.
    const open = clubs.find(
      (c) => c.id !== extra.id && c.id !== held.clubId && !accepted.some((o) => o.clubId === c.id),
    )!;
    const later = await topUp("补选 · 开放中", [open.id], 48 * HOUR);
    for (const s of others.slice(0, 4)) await choose(later, s.id, [open.id]);
    const draft = await createRun(ds, later.id, { mechanism: "optimal", seed: 84, note: "" }, SYSTEM);
    let refused: unknown = null;
    await publishRun(ds, draft, reason, SYSTEM).catch((err) => {
      refused = err;
    });
    expect(refused).to.be.instanceOf(RoundStillOpen);

    // Every date of the term.
    const cal = (await currentTermCalendar(ds))!;
    const size = new Map(
      (await ds.getRepository(Club).find({ where: { termId: term.id } })).map((c) => [c.id, c.maxSize]),
    );
    const over: string[] = [];
    const twice: string[] = [];
    for (const date of cal.dates) {
      for (const [clubId, n] of await memberCountsOn(ds, term.id, date))
        if (n > size.get(clubId)!) over.push(`${date} club ${clubId}: ${n}/${size.get(clubId)}`);
      for (const [studentId, ids] of await seatsOn(ds, term.id, date)) {
        for (let i = 0; i < ids.length; i++)
          for (let j = i + 1; j < ids.length; j++)
            if (shareSlot(ids[i], ids[j])) twice.push(`${date} child ${studentId}: ${ids[i]} and ${ids[j]}`);
      }
    }
    expect(over, "clubs over capacity").to.deep.equal([]);
    expect(twice, "children in two clubs at one hour").to.deep.equal([]);
    for (const offer of accepted)
      expect(
        (await ds.getRepository(Membership).findOneByOrFail({ offerId: offer.id })).toDate,
        `offer ${offer.id} stands`,
      ).to.equal(null);

    // Every family told of a change sees it on its notifications page.
    const told = await ds
      .getRepository(Notification)
      .find({ where: { kind: "placement.changed" }, order: { id: "ASC" } });
    expect(told.length, "the republication changed someone's place").to.be.at.least(1);
    const families = [...new Set(told.map((n) => n.familyId!))];
    const app = testApp(ds);
    const hash = await hashSecret(CODE);
    await ds.getRepository(Family).update({ id: In(families) }, { accessCodeHash: hash });
    for (const familyId of families) {
      const child = await ds.getRepository(Student).findOneByOrFail({ familyId, archived: false });
      const agent = await loginAs(app, { studentNumber: child.studentNumber, code: CODE });
      await agent
        .post("/privacy/accept")
        .type("form")
        .send({ accept: "1", _csrf: await formToken(agent, "/privacy") });
      const page = (await agent.get("/notifications")).text;
      for (const n of told.filter((x) => x.familyId === familyId))
        expect(page, `family ${familyId}`).to.contain(String(n.payload.child));
      expect(page).to.contain("结果有变动");
    }
  });
});
