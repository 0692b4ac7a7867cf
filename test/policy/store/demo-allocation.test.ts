import { expect } from "chai";
import { forEachDatabase } from "../../support/databases";
import { seedDemo } from "../../../seeds/demo";
import { seedDemoActivity } from "../../../seeds/demo-activity";
import { DEMO_ROUND_NAME, seedDemoAllocation } from "../../../seeds/demo-allocation";
import { seedDemoHomework } from "../../../seeds/demo-homework";
import { HomeworkEntry } from "../../../src/homework/entities";
import { currentTermCalendar } from "../../../src/kernel";
import { Club, Term, Venue } from "../../../src/db/entities";
import { ChoiceRound } from "../../../src/choices/entities";
import { AllocationPublication, AllocationRun, ClubPlacement } from "../../../src/allocation/entities";
import { inTransaction } from "../../../src/db/transaction";
import { runPolicy } from "../../../src/policy/service";
import { allocationBlockers } from "../../../src/allocation/publish-blockers";
import { dismissalDay } from "../../../src/attendance/dismissal";

// The demo as `npm start` seeds it: opt-ins, registers, survey, the published autumn allocation, the homework log.
forEachDatabase("policy over the demo school as npm start seeds it", (ctx) => {
  let termId: number;
  before(async function () {
    this.timeout(180_000);
    await seedDemo(ctx.db.ds);
    await seedDemoActivity(ctx.db.ds);
    termId = (await ctx.db.ds.getRepository(Term).findOneByOrFail({ current: true })).id;
  });

  const membersOf = async (code: string) => {
    const club = await ctx.db.ds.getRepository(Club).findOneByOrFail({ termId, code });
    return { club, members: await ctx.db.ds.getRepository(ClubPlacement).countBy({ clubId: club.id }) };
  };

  it("When the demo is seeded as npm start seeds it, then it passes every error-level rule and warns that 衍纸 drew too few children", async () => {
    const { violations } = await runPolicy(ctx.db.ds, termId);
    expect(violations.filter((v) => v.severity === "error").map((v) => v.message.en)).to.deep.equal([]);
    const warnings = violations.filter((v) => v.severity === "warning");
    const { club, members } = await membersOf("quilling");
    expect(members).to.be.greaterThan(0).and.lessThan(club.minSize);
    expect(warnings.map((v) => [v.ruleId, v.target.clubId])).to.deep.include(["club-min-size", String(club.id)]);
    const warning = warnings.find((v) => v.ruleId === "club-min-size")!;
    expect(warning.message["zh-CN"]).to.equal(`社团“衍纸”只有 ${members} 人，低于最低开班人数 ${club.minSize} 人。`);
    // Every other club reached its minimum: the warning is about the one realistic problem.
    expect(warnings.filter((v) => v.ruleId === "club-min-size")).to.have.length(1);
  });

  it("When the homework log is seeded, then every class has tiered homework on every school day and grades 1–2 have nothing written", async () => {
    const entries = await ctx.db.ds.getRepository(HomeworkEntry).find({ relations: { schoolClass: true } });
    const { input, violations } = await runPolicy(ctx.db.ds, termId);
    expect(input.homework).to.have.length(entries.length);
    expect(new Set(entries.map((e) => e.tier))).to.deep.equal(new Set(["basic", "improving", "extension"]));
    expect(entries.filter((e) => e.schoolClass.grade <= 2 && e.written)).to.deep.equal([]);
    const classDays = new Set(entries.map((e) => `${e.classId}|${e.date}`));
    expect(classDays.size).to.equal(24 * (await currentTermCalendar(ctx.db.ds))!.dates.length);
    expect(violations.filter((v) => v.ruleId.startsWith("homework"))).to.deep.equal([]);
  });

  it("When the demo is seeded again, then nothing changes", async () => {
    const homework = await ctx.db.ds.getRepository(HomeworkEntry).count();
    expect((await seedDemoHomework(ctx.db.ds)).seeded).to.equal(false);
    expect(await ctx.db.ds.getRepository(HomeworkEntry).count()).to.equal(homework);
    const rounds = await ctx.db.ds.getRepository(ChoiceRound).countBy({ termId });
    const runs = await ctx.db.ds.getRepository(AllocationRun).count();
    expect((await seedDemoAllocation(ctx.db.ds)).seeded).to.equal(false);
    expect(await ctx.db.ds.getRepository(ChoiceRound).countBy({ termId })).to.equal(rounds);
    expect(await ctx.db.ds.getRepository(AllocationRun).count()).to.equal(runs);
    const round = await ctx.db.ds.getRepository(ChoiceRound).findOneByOrFail({ termId, name: DEMO_ROUND_NAME });
    expect(await ctx.db.ds.getRepository(AllocationPublication).existsBy({ roundId: round.id })).to.equal(true);
  });

  it("When a club's room holds fewer than its members, then venue-capacity warns with the members, not the club's capacity", async () => {
    const { club, members } = await membersOf("football");
    const venue = await ctx.db.ds.getRepository(Venue).findOneByOrFail({ id: club.venueId! });
    await inTransaction(ctx.db.ds, (em) => em.getRepository(Venue).update({ id: venue.id }, { capacity: members - 1 }));
    try {
      const { violations } = await runPolicy(ctx.db.ds, termId);
      const room = violations.filter((v) => v.ruleId === "venue-capacity");
      expect(room).to.have.length(1);
      expect(room[0].message.en).to.contain(`holds ${members - 1} but ${members} are expected`);
    } finally {
      await inTransaction(ctx.db.ds, (em) =>
        em.getRepository(Venue).update({ id: venue.id }, { capacity: venue.capacity }),
      );
    }
  });

  it("When a run about to be published leaves choir with two children, then its publish blockers warn about choir, not the published sizes", async () => {
    const round = await ctx.db.ds.getRepository(ChoiceRound).findOneByOrFail({ termId, name: DEMO_ROUND_NAME });
    const pending = {
      roundId: round.id,
      instance: "{}",
      result: JSON.stringify({ assignments: { S1: ["choir"], S2: ["choir"], S3: [] } }),
    } as AllocationRun;
    const blockers = await allocationBlockers(ctx.db.ds, termId, pending);
    const under = blockers.violations.filter((v) => v.ruleId === "club-min-size").map((v) => v.message.en);
    // The pending run stands in for the whole round, so every other club of it is empty too.
    expect(under).to.include('Club "少儿合唱" has 2 members, below its minimum of 15.');
    expect(under).to.include('Club "衍纸" has 0 members, below its minimum of 8.');
    expect(blockers.errors).to.equal(0);
  });

  it("When the demo is checked per child, then every enrolled child's Thursday runs to 17:50: the children with no club are in the supervised activity, none leaves at 16:40", async () => {
    const { violations, summary } = await runPolicy(ctx.db.ds, termId);
    // The per-child rules ran and found nothing: no enrolled child has a short day or too little sport.
    expect(summary.map((s) => s.id)).to.include.members(["child-service-5-plus-2", "child-sport-hour"]);
    expect(violations.filter((v) => v.ruleId.startsWith("child-"))).to.deep.equal([]);
    const cal = (await currentTermCalendar(ctx.db.ds))!;
    const thursday = cal.dates.find((d) => cal.weekdayOf.get(d) === 4)!;
    const day = (await dismissalDay(ctx.db.ds, thursday, null, { role: "admin", id: 0 }))!;
    expect(day.batches.map((b) => b.time)).to.not.include("16:40");
    expect(day.batches.find((b) => b.time === "17:50")?.count).to.be.greaterThan(800);
  });
});
