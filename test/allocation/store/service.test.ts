import { expect } from "chai";
import { In } from "typeorm";
import { forEachDatabase } from "../../support/databases";
import { seedDemo } from "../../../seeds/demo";
import { AuditEntry, Club, ServiceEnrollment, Student } from "../../../src/db/entities";
import { ChoiceRound, Preference } from "../../../src/choices/entities";
import { SYSTEM } from "../../../src/audit";
import { parseInstance } from "../../../src/allocation/core";
import { seedDemoChoices } from "../../../seeds/demo-choices";
import { buildInstance } from "../../../src/allocation/store/instance";
import { createRun } from "../../../src/allocation/run-service";
import { publishRun } from "../../../src/allocation/publish-service";
import { parseRun } from "../../../src/allocation/run-report";
import { answerOffer, withdrawPlacement } from "../../../src/allocation/waitlist-service";
import { AllocationPin, ClubPlacement, WaitlistEntry, WaitlistOffer } from "../../../src/allocation/entities";
import { explanationView } from "../../../src/allocation/core/explain-text";
import { freeSeats, seatPlan, waitlistContext } from "../../../src/allocation/store/waitlist-context";

forEachDatabase("allocation service: instance building, publishing and concurrent withdrawals", (ctx) => {
  let round: ChoiceRound;

  before(async function () {
    this.timeout(180_000);
    await seedDemo(ctx.db.ds);
    ({ round } = await seedDemoChoices(ctx.db.ds, { students: 120, seed: 3, clubSize: 4 }));
  });

  it("When the instance is built twice from the same data, then the bytes are identical and the engine accepts them", async () => {
    const a = await buildInstance(ctx.db.ds, round, 9);
    const b = await buildInstance(ctx.db.ds, round, 9);
    expect(a.text).to.equal(b.text);
    expect(a.text.endsWith("}\n")).to.equal(true);
    expect(() => parseInstance(JSON.parse(a.text))).to.not.throw();
    expect(a.instance.seed).to.equal(9);
    expect(a.submissionOrder).to.have.length(a.instance.students.length);
  });

  it("When clubs meet on Thursday period 2 of the published timetable, then every club's slot is thu-2 and its seats and grades come from the club", async () => {
    const { instance } = await buildInstance(ctx.db.ds, round, 1);
    const chess = await ctx.db.ds.getRepository(Club).findOneByOrFail({ code: "chess" });
    expect(instance.clubs.find((c) => c.id === "chess")).to.deep.equal({
      id: "chess",
      capacity: 4,
      minSize: 2,
      grades: chess.grades,
      slots: ["thu-2"],
    });
    expect(instance.clubs.every((c) => c.slots.length === 1 && c.slots[0] === "thu-2")).to.equal(true);
  });

  it("When a child is not opted in on Thursday, then their slots leave out thu-2; a full week gives both periods of every day", async () => {
    const { instance } = await buildInstance(ctx.db.ds, round, 1);
    const enrollments = await ctx.db.ds.getRepository(ServiceEnrollment).findBy({ termId: round.termId });
    const noThu = enrollments.find((e) => !e.weekdays.includes(4))!;
    const full = enrollments.find((e) => e.weekdays.length === 5)!;
    const number = async (id: number) => (await ctx.db.ds.getRepository(Student).findOneByOrFail({ id })).studentNumber;
    const slotsOf = async (id: number) => {
      const n = await number(id);
      return instance.students.find((s) => s.id === n)!.slots;
    };
    expect(await slotsOf(noThu.studentId)).to.not.include("thu-2");
    expect(await slotsOf(full.studentId)).to.deep.equal([
      "mon-1",
      "mon-2",
      "tue-1",
      "tue-2",
      "wed-1",
      "wed-2",
      "thu-1",
      "thu-2",
      "fri-1",
      "fri-2",
    ]);
  });

  it("When a family asks to place siblings together, then the child's group is the family; a cancelled club leaves the instance and the lists", async () => {
    const pref = (await ctx.db.ds.getRepository(Preference).findBy({ roundId: round.id }))[0];
    await ctx.db.ds.getRepository(Preference).update({ id: pref.id }, { placeWithSiblings: true });
    const student = await ctx.db.ds.getRepository(Student).findOneByOrFail({ id: pref.studentId });
    const cancelled = await ctx.db.ds.getRepository(Club).findOneByOrFail({ id: pref.clubIds[0] });
    await ctx.db.ds.getRepository(Club).update({ id: cancelled.id }, { cancelled: true });
    try {
      const { instance } = await buildInstance(ctx.db.ds, round, 1);
      const s = instance.students.find((x) => x.id === student.studentNumber)!;
      expect(s.group).to.equal(`F${student.familyId}`);
      expect(instance.clubs.map((c) => c.id)).to.not.include(cancelled.code);
      expect(s.choices).to.not.include(cancelled.code);
    } finally {
      await ctx.db.ds.getRepository(Club).update({ id: cancelled.id }, { cancelled: false });
    }
  });

  it("When a pin exists, then the child carries it in `pinned`, even without a list of their own", async () => {
    const inRound = new Set(
      (await ctx.db.ds.getRepository(Preference).findBy({ roundId: round.id })).map((p) => p.studentId),
    );
    const outsider = (await ctx.db.ds.getRepository(Student).find({ take: 400, order: { id: "ASC" } })).find(
      (s) => !inRound.has(s.id),
    )!;
    await ctx.db.ds.getRepository(ServiceEnrollment).insert({
      termId: round.termId,
      studentId: outsider.id,
      weekdays: [4],
      source: "staff",
      enteredByStaffId: null,
      updatedAt: new Date().toISOString(),
    });
    const club = await ctx.db.ds.getRepository(Club).findOneByOrFail({ code: "ropeskip" });
    await ctx.db.ds.getRepository(AllocationPin).insert({
      roundId: round.id,
      studentId: outsider.id,
      clubId: club.id,
      reason: "test pin",
      createdById: null,
      createdAt: new Date().toISOString(),
    });
    const { instance } = await buildInstance(ctx.db.ds, round, 1);
    const s = instance.students.find((x) => x.id === outsider.studentNumber)!;
    expect(s).to.include({ maxClubs: 1 });
    expect(s.pinned).to.deep.equal(["ropeskip"]);
    expect(s.choices).to.deep.equal([]);
  });

  it("When four members of one club withdraw at the same moment, then four different waiting children get one offer each, never the same child twice", async () => {
    const run = await createRun(ctx.db.ds, round.id, { mechanism: "optimal", seed: 4, note: "" }, SYSTEM);
    await publishRun(ctx.db.ds, run, { overrideReason: "integration test" }, SYSTEM);
    const { instance, result } = parseRun(run);
    // Who can take a freed seat (seatPlan): a free slot under the limit, or an upgrade from lower-ranked clubs at that time.
    const fits = (id: string, code: string) => {
      const s = instance.students.find((x) => x.id === id)!;
      const slots = (c: string) => instance.clubs.find((x) => x.id === c)!.slots;
      if (!slots(code).every((slot) => s.slots.includes(slot))) return false;
      const clashing = result.assignments[id].filter((c) => slots(c).some((slot) => slots(code).includes(slot)));
      if (clashing.length === 0) return result.assignments[id].length < s.maxClubs;
      return (
        clashing.every((c) => !s.pinned.includes(c) && s.choices.indexOf(c) > s.choices.indexOf(code)) &&
        s.choices.includes(code)
      );
    };
    const full = (c: string) => Object.values(result.assignments).filter((clubs) => clubs.includes(c)).length === 4;
    const [code] = Object.entries(result.waitlists).find(
      ([c, ids]) => full(c) && ids.filter((id) => fits(id, c)).length >= 4,
    )!;
    const club = await ctx.db.ds.getRepository(Club).findOneByOrFail({ code });
    const placed = await ctx.db.ds.getRepository(ClubPlacement).findBy({ roundId: round.id, clubId: club.id });
    // Without the round lock, PostgreSQL hands all four seats to the same first child.
    await Promise.all(placed.map((p) => withdrawPlacement(ctx.db.ds, round.id, p.studentId, club.id, SYSTEM, "test")));
    const offers = await ctx.db.ds
      .getRepository(WaitlistOffer)
      .findBy({ roundId: round.id, clubId: club.id, status: "open" });
    expect(offers).to.have.length(4);
    expect(new Set(offers.map((o) => o.studentId)).size).to.equal(4);
    const expected = await ctx.db.ds
      .getRepository(Student)
      .findBy({ studentNumber: In(result.waitlists[code].filter((id) => fits(id, code)).slice(0, 4)) });
    expect(offers.map((o) => o.studentId).sort()).to.deep.equal(expected.map((s) => s.id).sort());
  });

  it("When a child on the waitlist holds a lower-ranked club at the same time and accepts, then they move and their old seat is offered on", async () => {
    const offers = await ctx.db.ds.getRepository(WaitlistOffer).findBy({ roundId: round.id, status: "open" });
    let chosen: { offer: WaitlistOffer; from: number[] } | null = null;
    for (const offer of offers) {
      const held = await ctx.db.ds
        .getRepository(ClubPlacement)
        .findBy({ roundId: round.id, studentId: offer.studentId });
      if (held.length) {
        chosen = { offer, from: held.map((p) => p.clubId) };
        break;
      }
    }
    expect(chosen, "an open offer to a child who already has a club").to.not.equal(null);
    const { offer, from } = chosen!;
    const openBefore = await ctx.db.ds
      .getRepository(WaitlistOffer)
      .countBy({ roundId: round.id, clubId: from[0], status: "open" });
    const outcome = await answerOffer(ctx.db.ds, offer, true, SYSTEM);
    expect(outcome).to.equal("accepted");
    const held = (
      await ctx.db.ds.getRepository(ClubPlacement).findBy({ roundId: round.id, studentId: offer.studentId })
    ).map((p) => p.clubId);
    expect(held).to.deep.equal([offer.clubId]);
    const audit = await ctx.db.ds
      .getRepository(AuditEntry)
      .findOneByOrFail({ action: "waitlist.accept", entityId: String(offer.id) });
    expect(audit.details).to.deep.include({ replaced: from });
    // The freed seat went on: no seat of the old club stays free while a waiting child fits it.
    const em = ctx.db.ds.manager;
    const wctx = (await waitlistContext(em, round.id))!;
    const waiting = await ctx.db.ds
      .getRepository(WaitlistEntry)
      .findBy({ roundId: round.id, clubId: from[0], status: "waiting" });
    const anyFits = (await Promise.all(waiting.map((e) => seatPlan(em, wctx, e.studentId, from[0])))).some(
      (p) => p.fits,
    );
    const free = await freeSeats(em, wctx, from[0]);
    expect(free === 0 || !anyFits, `free ${free}, a waiting child fits: ${anyFits}`).to.equal(true);
    const openAfter = await ctx.db.ds
      .getRepository(WaitlistOffer)
      .countBy({ roundId: round.id, clubId: from[0], status: "open" });
    expect(openAfter).to.be.at.least(openBefore);
  });
});

describe("explanationView", () => {
  const names = (code: string) => ({ choir: "少儿合唱", chess: "国际象棋", go: "围棋" })[code] ?? code;
  const slot = () => ({ weekday: 4, time: "16:50–17:50" });

  it("When a better choice was full under optimal, then the line says full with its seats and demand, not the draw", () => {
    const view = explanationView(
      {
        studentId: "S1",
        mechanism: "optimal",
        clubs: ["chess"],
        reasons: [
          { clubId: "choir", rank: 1, code: "full", capacity: 45, rankedBy: 80 },
          { clubId: "chess", rank: 2, code: "met" },
        ],
      },
      names,
      slot,
      ["choir", "chess"],
    );
    expect(view.introKey).to.equal("assignment.explain.intro.optimal");
    expect(view.lines[0]).to.deep.include({
      key: "assignment.explain.reason.full",
      met: false,
      params: { rank: 1, club: "少儿合唱", capacity: 45, count: 45, rankedBy: 80 },
    });
    expect(view.lines[1].met).to.equal(true);
  });

  it("When a choice clashes with a held club, then the other club and the slot are named; a pin off the list is listed as assigned", () => {
    const view = explanationView(
      {
        studentId: "S1",
        mechanism: "lottery",
        clubs: ["go"],
        reasons: [{ clubId: "choir", rank: 1, code: "clash", with: "go", slot: "thu-2" }],
      },
      names,
      slot,
      ["choir"],
    );
    expect(view.introKey).to.equal("assignment.explain.intro.lottery");
    expect(view.lines[0].params).to.include({ with: "围棋" });
    expect(view.lines[0].slot).to.deep.equal({ weekday: 4, time: "16:50–17:50" });
    expect(view.assigned).to.deep.equal(["围棋"]);
  });
});
