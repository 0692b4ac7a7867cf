// Issue 23: migration 1766200000000 gives clubs made before it their planning
// fields: the leader as the one eligible staff member, the draft's club sessions
// as sessions a week (1–5), and their venue's kind as the kind they need.
import { expect } from "chai";
import { Club, Period, Staff, Term, TimetableEntry, Venue } from "../../../src/db/entities";
import { ClubPlanning1766200000000 } from "../../../src/db/migrations/common/1766200000000-ClubPlanning";
import { ClubPlanningRepair1766210000000 } from "../../../src/db/migrations/common/1766210000000-ClubPlanningRepair";
import { forEachDatabase } from "../../support/databases";

forEachDatabase("club planning migration", (ctx) => {
  it("When clubs were made before the migration, then each gets its leader, its draft session count and its venue's kind", async () => {
    const ds = ctx.db.ds;
    const term = await ds
      .getRepository(Term)
      .save({ name: "2026 秋", startDate: "2026-09-01", endDate: "2027-01-20", current: true });
    const now = new Date().toISOString();
    const leader = await ds.getRepository(Staff).save({
      staffNumber: "T001",
      name: "王老师",
      email: null,
      passwordHash: null,
      role: "teacher" as const,
      active: true,
      vettedOn: null,
      availableDays: [1, 2, 3, 4, 5],
      availableHours: null,
      locale: null,
      createdAt: now,
      updatedAt: now,
    });
    const music = await ds.getRepository(Venue).save({ name: "音乐教室", capacity: 45, indoor: true, kind: "music" });
    const period = await ds
      .getRepository(Period)
      .save({ termId: term.id, name: "社团", startTime: "16:50", endTime: "17:50", grades: [1, 2, 3], position: 0 });
    const club = (code: string, staffId: number | null, venueId: number | null) => ({
      termId: term.id,
      code,
      name: code,
      category: "arts",
      description: "",
      grades: [3],
      minSize: 0,
      maxSize: 30,
      staffId,
      venueId,
      cancelled: false,
    });
    const [choir, chess, busy] = await ds
      .getRepository(Club)
      .save([club("choir", leader.id, music.id), club("chess", null, null), club("busy", leader.id, null)]);
    const entry = (clubId: number, weekday: number, kind: "club" | "activity" = "club") => ({
      termId: term.id,
      weekday,
      periodId: period.id,
      kind,
      title: "x",
      grades: [3],
      classId: null,
      clubId,
      staffId: null,
      venueId: null,
      updatedAt: now,
    });
    await ds
      .getRepository(TimetableEntry)
      .save([
        entry(choir.id, 2),
        entry(choir.id, 4),
        entry(chess.id, 1, "activity"),
        ...[1, 2, 3, 4, 5, 1, 2].map((d) => entry(busy.id, d)),
      ]);

    // The database as it was before 1766200000000: without the three columns.
    const migration = new ClubPlanning1766200000000();
    const runner = ds.createQueryRunner();
    try {
      await migration.down(runner);
      await migration.up(runner);
    } finally {
      await runner.release();
    }
    const after = await ds.getRepository(Club).find({ where: { termId: term.id }, order: { id: "ASC" } });
    expect(after.map((c) => [c.code, c.eligibleStaffIds, c.sessionsPerWeek, c.venueKind])).to.deep.equal([
      ["choir", [leader.id], 2, "music"],
      ["chess", [], 1, null],
      ["busy", [leader.id], 5, null],
    ]);
  });

  it("When the first backfill encoded a club's eligible staff twice, then the repair decodes it and leaves good lists alone", async () => {
    const ds = ctx.db.ds;
    const [first, second] = await ds.getRepository(Club).find({ order: { id: "ASC" }, take: 2 });
    await ds.query(`UPDATE "club" SET "eligibleStaffIds" = '"[7, 9]"' WHERE "id" = ${first.id}`);
    await ds.query(`UPDATE "club" SET "eligibleStaffIds" = '[4]' WHERE "id" = ${second.id}`);
    const runner = ds.createQueryRunner();
    try {
      await new ClubPlanningRepair1766210000000().up(runner);
    } finally {
      await runner.release();
    }
    const repo = ds.getRepository(Club);
    expect((await repo.findOneByOrFail({ id: first.id })).eligibleStaffIds).to.deep.equal([7, 9]);
    expect((await repo.findOneByOrFail({ id: second.id })).eligibleStaffIds).to.deep.equal([4]);
  });
});
