import { expect } from "chai";
import { forEachDatabase } from "../../support/databases";
import { seedDemo } from "../../../seeds/demo";
import {
  Club,
  Family,
  SchoolClass,
  Staff,
  Student,
  CalendarDay,
  TimetableEntry,
  Venue,
} from "../../../src/db/entities";
import { availableAt } from "../../../src/kernel/core";

forEachDatabase("demo seed", (ctx) => {
  before(async function () {
    this.timeout(120_000);
    await seedDemo(ctx.db.ds);
  });

  it("When the demo school is seeded, then it has six grades of four classes and about 950 students", async () => {
    const classes = await ctx.db.ds.getRepository(SchoolClass).find();
    expect(classes).to.have.length(24);
    expect(new Set(classes.map((c) => c.grade))).to.deep.equal(new Set([1, 2, 3, 4, 5, 6]));
    const students = await ctx.db.ds.getRepository(Student).count();
    expect(students).to.be.within(900, 1000);
  });

  it("When the demo school is seeded, then some families have two children (siblings)", async () => {
    const rows: { familyId: number; n: string | number }[] = await ctx.db.ds.query(
      `SELECT "familyId", COUNT(*) AS n FROM student GROUP BY "familyId" HAVING COUNT(*) > 1`,
    );
    expect(rows.length).to.be.greaterThan(10);
    const families = await ctx.db.ds.getRepository(Family).count();
    const students = await ctx.db.ds.getRepository(Student).count();
    expect(families).to.equal(students - rows.reduce((sum, r) => sum + Number(r.n) - 1, 0));
  });

  it("When the demo school is seeded, then it has about 60 staff with 3 vetted external instructors and 23 clubs", async () => {
    const staff = await ctx.db.ds.getRepository(Staff).find();
    expect(staff.length).to.be.within(55, 65);
    const externals = staff.filter((s) => s.role === "external");
    expect(externals).to.have.length(3);
    expect(externals.every((s) => /^\d{4}-\d{2}-\d{2}$/.test(s.vettedOn ?? ""))).to.equal(true);
    expect(await ctx.db.ds.getRepository(Club).count()).to.equal(23);
  });

  it("When the demo school is seeded, then it has what a timetable proposal needs: venue kinds, each club's kind, eligible staff and sessions, external instructors' hours", async () => {
    const venues = await ctx.db.ds.getRepository(Venue).find();
    const kinds = new Set(venues.map((v) => v.kind));
    for (const kind of ["music", "art", "sportsHall", "field", "computer", "classroom"]) expect(kinds).to.include(kind);
    const clubs = await ctx.db.ds.getRepository(Club).find();
    const kindOf = new Map(venues.map((v) => [v.id, v.kind]));
    expect(clubs.every((c) => c.venueKind !== null && c.venueKind === kindOf.get(c.venueId!))).to.equal(true);
    expect(clubs.every((c) => c.eligibleStaffIds.length >= 1 && c.eligibleStaffIds.length <= 3)).to.equal(true);
    expect(clubs.every((c) => c.staffId !== null && c.eligibleStaffIds.includes(c.staffId))).to.equal(true);
    expect(clubs.filter((c) => c.eligibleStaffIds.length > 1).length).to.be.greaterThan(10);
    const twice = clubs.filter((c) => c.sessionsPerWeek === 2).map((c) => c.code);
    expect(twice.sort()).to.deep.equal(["basketball", "choir", "english", "football"]);
    expect(clubs.every((c) => [1, 2].includes(c.sessionsPerWeek))).to.equal(true);
    // External instructors come on set days, two of them only for a window around the club period,
    // and the draft's Thursday clubs sit inside it.
    const externals = await ctx.db.ds
      .getRepository(Staff)
      .find({ where: { role: "external" }, order: { staffNumber: "ASC" } });
    expect(externals.map((s) => [s.availableDays, Object.keys(s.availableHours ?? {})])).to.deep.equal([
      [
        [2, 4],
        ["2", "4"],
      ],
      [[1, 3, 4], []],
      [
        [1, 3, 4],
        ["1", "4"],
      ],
    ]);
    const entries = await ctx.db.ds.getRepository(TimetableEntry).find({ where: { kind: "club" } });
    for (const s of externals)
      for (const e of entries.filter((x) => x.staffId === s.id))
        expect(availableAt(s.availableDays, s.availableHours, e.weekday, "16:50", "17:50")).to.equal(true);
  });

  it("When the demo term is seeded, then it carries the 2026 holidays and make-up days", async () => {
    const days = await ctx.db.ds.getRepository(CalendarDay).find();
    const byDate = new Map(days.map((d) => [d.date, d]));
    expect(byDate.get("2026-10-01")?.kind).to.equal("holiday");
    expect(byDate.get("2026-09-20")?.kind).to.equal("makeup");
    expect(byDate.get("2026-10-10")?.runsWeekday).to.be.within(1, 5);
    expect(byDate.get("2027-01-01")?.kind).to.equal("holiday");
  });

  it("When the seed runs a second time, then nothing changes", async function () {
    this.timeout(60_000);
    const before = await ctx.db.ds.getRepository(Student).count();
    const result = await seedDemo(ctx.db.ds);
    expect(result.seeded).to.equal(false);
    expect(await ctx.db.ds.getRepository(Student).count()).to.equal(before);
  });
});
