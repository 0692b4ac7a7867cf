// Issue 18, rounds over a term: the demo's published round is the term's main
// round; a later round is a top-up (补选) that covers a few clubs. Its seats are
// what the ledger leaves on its effective date (fixed when it opens) less the
// seats open waitlist offers hold; a child's places are slots taken, not pins;
// a swap puts the held club's slot back into play and offers the freed seat to
// its waitlist; opening it stops that club's old waitlist; two open rounds never
// cover the same club; the admin sees the clubs and seats before it opens.
import { expect } from "chai";
import type { Express } from "express";
import { type DataSource, In, IsNull } from "typeorm";
import { forEachDatabase } from "../../support/databases";
import { demoApp, staffLogin } from "../../support/demo-app";
import { formToken, loginAs, Agent } from "../../support/http";
import { Club, Student } from "../../../src/db/entities";
import { ChoiceRound, Preference } from "../../../src/choices/entities";
import { SYSTEM } from "../../../src/audit";
import { WaitlistEntry, WaitlistOffer } from "../../../src/allocation/entities";
import { seedDemoChoices } from "../../../seeds/demo-choices";
import { buildInstance, clubSlots } from "../../../src/allocation/store/instance";
import { createRun } from "../../../src/allocation/run-service";
import { publishRun } from "../../../src/allocation/publish-service";
import { withdrawPlacement } from "../../../src/allocation/waitlist-service";
import { Membership, clubsOn, membersOn, roundStartDate } from "../../../src/membership";
import { localDate, schoolZone, toLocalInput } from "../../../src/kernel";

const HOUR = 3600 * 1000;

forEachDatabase("rounds over a term: a top-up round", (ctx) => {
  let app: Express;
  let admin: Agent;
  let ds: DataSource;
  let main: ChoiceRound;
  let zone: string;
  let slots: Map<number, string[]>;
  let clubs: Club[];
  // Full clubs of the main round with children waiting, fullest waitlist first.
  let waitlisted: Club[];
  // Clubs covered by top-ups the tests left open.
  const openTopUps: number[] = [];

  before(async function () {
    this.timeout(180_000);
    const demo = await demoApp(ctx.db);
    app = demo.app;
    ds = ctx.db.ds;
    admin = await loginAs(app, staffLogin(demo.logins, "admin"));
    // The term's main round: closed, published, with full clubs and waitlists.
    ({ round: main } = await seedDemoChoices(ds, { students: 300, seed: 18, clubSize: 8 }));
    await publishRun(
      ds,
      await createRun(ds, main.id, { mechanism: "optimal", seed: 18, note: "" }, SYSTEM),
      { overrideReason: "rounds test: policy checked elsewhere" },
      SYSTEM,
    );
    zone = await schoolZone(ds);
    slots = await clubSlots(ds, main.termId);
    clubs = await ds
      .getRepository(Club)
      .find({ where: { termId: main.termId, cancelled: false }, order: { id: "ASC" } });
    const waiting = await ds.getRepository(WaitlistEntry).findBy({ roundId: main.id, status: "waiting" });
    const count = (id: number) => waiting.filter((w) => w.clubId === id).length;
    waitlisted = clubs.filter((c) => count(c.id) >= 3).sort((a, b) => count(b.id) - count(a.id) || a.id - b.id);
    expect(waitlisted.length, "the demo's main round has clubs with waitlists").to.be.at.least(3);
  });

  const local = (ms: number) => toLocalInput(new Date(Date.now() + ms).toISOString(), zone);

  async function postRound(
    name: string,
    clubIds: number[],
    o: { opensIn?: number; closesIn?: number; maxClubsPerChild?: number } = {},
  ) {
    return admin
      .post("/admin/rounds")
      .type("form")
      .send({
        name,
        opensAt: local(o.opensIn ?? -HOUR),
        closesAt: local(o.closesIn ?? 2 * 24 * HOUR),
        grades: ["1", "2", "3", "4", "5", "6"],
        minChoices: "1",
        maxChoices: "3",
        maxClubsPerChild: String(o.maxClubsPerChild ?? 1),
        mechanism: "optimal",
        clubIds: clubIds.map(String),
        _csrf: await formToken(admin, "/admin/rounds/new"),
      });
  }

  async function openTopUp(
    name: string,
    clubIds: number[],
    o: Parameters<typeof postRound>[2] = {},
  ): Promise<ChoiceRound> {
    const res = await postRound(name, clubIds, o);
    expect(res.status, (res.text.match(/<p class="field-error"[^<]*<\/p>/g) ?? []).join(" ")).to.equal(302);
    return ds.getRepository(ChoiceRound).findOneByOrFail({ name });
  }

  const openOffers = (roundId: number, clubId: number) =>
    ds.getRepository(WaitlistOffer).countBy({ roundId, clubId, status: "open" });
  const mainMembers = (clubId: number) =>
    ds
      .getRepository(Membership)
      .find({ where: { roundId: main.id, clubId, toDate: IsNull() }, order: { studentId: "ASC" } });
  const shareSlot = (a: number, b: number) => (slots.get(a) ?? []).some((s) => (slots.get(b) ?? []).includes(s));

  async function withdrawUntilOffered(clubId: number): Promise<void> {
    for (const m of await mainMembers(clubId)) {
      expect(await withdrawPlacement(ds, main.id, m.studentId, clubId, SYSTEM, "rounds test")).to.equal("withdrawn");
      if (await openOffers(main.id, clubId)) return;
    }
    throw new Error(`no offer made for club ${clubId}`);
  }

  async function choose(
    round: ChoiceRound,
    student: Student,
    clubIds: number[],
    swapClubIds: number[] | null = null,
  ): Promise<void> {
    const now = new Date().toISOString();
    await ds.getRepository(Preference).insert({
      roundId: round.id,
      studentId: student.id,
      clubIds,
      maxClubs: round.maxClubsPerChild,
      placeWithSiblings: false,
      swapClubIds,
      source: "family",
      enteredByStaffId: null,
      submittedAt: now,
      updatedAt: now,
      version: 1,
    });
  }

  it("When a top-up opens, then its effective date is fixed, and closing it early does not move it", async () => {
    const round = await openTopUp("补选 · 固定生效日", [clubs[clubs.length - 1].id], { closesIn: 3 * 24 * HOUR });
    const fixed = localDate(new Date(round.closesAt), zone);
    expect(round.effectiveDate).to.equal(fixed);
    const close = await admin
      .post(`/admin/rounds/${round.id}/close`)
      .type("form")
      .send({ confirm: "1", _csrf: await formToken(admin, `/admin/rounds/${round.id}/close`) });
    expect(close.status).to.equal(302);
    const closed = await ds.getRepository(ChoiceRound).findOneByOrFail({ id: round.id });
    expect(closed.effectiveDate).to.equal(fixed);
    expect(await roundStartDate(ds, closed)).to.equal(fixed);
  });

  it("When a main round's waitlist offer is open, then a top-up's seats for that club are capacity less the ledger's members on its effective date less the offer", async function () {
    this.timeout(60_000);
    const club = waitlisted[0];
    await withdrawUntilOffered(club.id);
    const round = await openTopUp("补选 · 名额", [club.id], { maxClubsPerChild: 2 });
    const built = await buildInstance(ds, round, 0);
    expect(built.instance.clubs.map((c) => c.id)).to.deep.equal([club.code]);
    const members = (await membersOn(ds, [club.id], round.effectiveDate!)).get(club.id)!.size;
    const offers = await ds.getRepository(WaitlistOffer).countBy({ clubId: club.id, status: "open" });
    expect(offers).to.be.at.least(1);
    expect(built.instance.clubs[0].capacity).to.equal(Math.max(0, club.maxSize - members - offers));
  });

  it("When a top-up covers a club, then that club's old waitlist makes no new offer, and the open one stays valid", async function () {
    this.timeout(60_000);
    const club = waitlisted[0];
    const before = await ds.getRepository(WaitlistOffer).findBy({ roundId: main.id, clubId: club.id, status: "open" });
    const [leaver] = await mainMembers(club.id);
    expect(await withdrawPlacement(ds, main.id, leaver.studentId, club.id, SYSTEM, "rounds test")).to.equal(
      "withdrawn",
    );
    const after = await ds.getRepository(WaitlistOffer).findBy({ roundId: main.id, clubId: club.id, status: "open" });
    expect(after.map((o) => o.id)).to.deep.equal(before.map((o) => o.id));
  });

  it("When a child holds a club, then a top-up sees the club's slots as taken and lowers the child's maxClubs, without pinning it", async () => {
    const round = await ds.getRepository(ChoiceRound).findOneByOrFail({ name: "补选 · 名额" });
    const topUpClub = waitlisted[0];
    const date = round.effectiveDate!;
    const holder = (
      await ds.getRepository(Membership).find({ where: { roundId: main.id, toDate: IsNull() }, order: { id: "ASC" } })
    ).find((m) => m.clubId !== topUpClub.id && shareSlot(m.clubId, topUpClub.id));
    expect(holder, "a child holds a club at the top-up club's hour").to.not.equal(undefined);
    expect(await clubsOn(ds, holder!.studentId, date)).to.include(holder!.clubId);
    const student = await ds.getRepository(Student).findOneByOrFail({ id: holder!.studentId });
    await choose(round, student, [topUpClub.id]);
    const built = await buildInstance(ds, round, 0);
    const entry = built.instance.students.find((s) => s.id === student.studentNumber)!;
    expect(entry.pinned).to.deep.equal([]);
    for (const slot of slots.get(holder!.clubId)!) expect(entry.slots).to.not.include(slot);
    expect(entry.maxClubs).to.equal(round.maxClubsPerChild - (await clubsOn(ds, student.id, date)).length);
  });

  it("When two rounds are open, then they may cover different clubs but never the same club (400 on clubIds)", async () => {
    const taken = waitlisted[0];
    const other = clubs.find((c) => c.id !== taken.id && !waitlisted.slice(0, 2).some((w) => w.id === c.id))!;
    const refused = await postRound("补选 · 重复", [taken.id, other.id]);
    expect(refused.status).to.equal(400);
    expect(refused.text).to.contain('id="err-clubIds"');
    expect(await ds.getRepository(ChoiceRound).existsBy({ name: "补选 · 重复" })).to.equal(false);
    const accepted = await postRound("补选 · 另一社团", [other.id]);
    openTopUps.push(other.id);
    expect(accepted.status, accepted.text.slice(0, 2000)).to.equal(302);
  });

  it("When a top-up is set up, then before it opens the admin sees it is a top-up and which clubs it covers with how many seats", async () => {
    const club = waitlisted[1];
    const round = await openTopUp("补选 · 预览", [club.id], { opensIn: 24 * HOUR, closesIn: 3 * 24 * HOUR });
    const page = await admin.get(`/admin/rounds/${round.id}`);
    expect(page.status).to.equal(200);
    expect(page.text).to.contain("补选");
    const members = (await membersOn(ds, [club.id], round.effectiveDate!)).get(club.id)!.size;
    const offers = await ds.getRepository(WaitlistOffer).countBy({ clubId: club.id, status: "open" });
    const row = new RegExp(`<tr data-covers="${club.id}">[\\s\\S]*?</tr>`).exec(page.text);
    expect(row, "a row for the covered club").to.not.equal(null);
    expect(row![0]).to.contain(club.name);
    expect(row![0]).to.contain(`data-seats="${Math.max(0, club.maxSize - members - offers)}"`);
    expect((await admin.get(`/admin/rounds/${main.id}`)).text).to.contain("主选");
  });

  it("When a family asks to swap a held club and the child is placed elsewhere at that hour, then the held club is released and offered to its waitlist", async function () {
    this.timeout(120_000);
    // A held club with a waitlist (not covered by any top-up) and a club at the same hour with free seats.
    const held = waitlisted[2];
    const free = clubs.find(
      (c) =>
        c.id !== held.id &&
        shareSlot(c.id, held.id) &&
        !waitlisted.slice(0, 2).some((w) => w.id === c.id) &&
        !openTopUps.includes(c.id),
    );
    expect(free, "another club at the held club's hour").to.not.equal(undefined);
    // The school adds seats to that club for the top-up.
    await ds.getRepository(Club).update({ id: free!.id }, { maxSize: free!.maxSize + 5 });
    const members = await ds.getRepository(Student).find({
      where: { id: In((await mainMembers(held.id)).map((m) => m.studentId)) },
      relations: { schoolClass: true },
    });
    const child = members.find((s) => free!.grades.includes(s.schoolClass.grade));
    expect(child, "a member of the held club who may take the free club").to.not.equal(undefined);
    const round = await openTopUp("补选 · 换社团", [free!.id], { closesIn: 60_000 });
    await choose(round, child!, [free!.id], [held.id]);
    const close = await admin
      .post(`/admin/rounds/${round.id}/close`)
      .type("form")
      .send({ confirm: "1", _csrf: await formToken(admin, `/admin/rounds/${round.id}/close`) });
    expect(close.status).to.equal(302);
    const run = await createRun(ds, round.id, { mechanism: "optimal", seed: 5, note: "" }, SYSTEM);
    await publishRun(ds, run, { overrideReason: "rounds test: policy checked elsewhere" }, SYSTEM);
    const date = (await ds.getRepository(ChoiceRound).findOneByOrFail({ id: round.id })).effectiveDate!;
    expect(await clubsOn(ds, child!.id, date)).to.include(free!.id);
    expect(await clubsOn(ds, child!.id, date)).to.not.include(held.id);
    expect(await openOffers(main.id, held.id), "the freed seat is offered to the held club's waitlist").to.be.at.least(
      1,
    );
  });
});
