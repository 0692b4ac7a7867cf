// The published timetable is a JSON snapshot written by whichever version of
// the app published it, and never migrated. Every reader must agree on which
// of its rows are sessions: a row that is not a valid entry is left out by
// all of them alike (never half-read by one, nor the whole snapshot dropped
// for the draft by another).
import { expect } from "chai";
import { forEachDatabase } from "../../support/databases";
import { CalendarDay, Club, Period, Term, Timetable, TimetableEntry } from "../../../src/db/entities";
import { inTransaction } from "../../../src/db/transaction";
import { clubSessions, publishedTimetable, sessionsOn, staffWeek } from "../../../src/timetable";
import { loadPolicyInput } from "../../../src/policy/store/policy-input";
import { loadClubOffer } from "../../../src/choices/store/club-offer";
import { clubSlots } from "../../../src/allocation/store/instance";

forEachDatabase("published timetable snapshot", (ctx) => {
  let term: Term;
  let club: Club;
  let period: Period;

  before(async function () {
    this.timeout(60_000);
    await inTransaction(ctx.db.ds, async (em) => {
      term = await em
        .getRepository(Term)
        .save({ name: "秋季学期", startDate: "2026-09-01", endDate: "2027-01-20", current: true });
      period = await em
        .getRepository(Period)
        .save({ termId: term.id, name: "第一节", startTime: "15:30", endTime: "16:30", grades: [3], position: 1 });
      club = await em
        .getRepository(Club)
        .save({ termId: term.id, code: "CHOIR", name: "合唱", category: "art", grades: [3], maxSize: 20 });
      // The draft differs from what was published: a reader that falls back to it is caught.
      await em.getRepository(TimetableEntry).save({
        termId: term.id,
        weekday: 4,
        periodId: period.id,
        kind: "club",
        title: "合唱（草稿）",
        grades: [3],
        clubId: club.id,
        updatedAt: "2026-09-01T00:00:00.000Z",
      });
    });
  });

  const good = () => ({
    id: 101,
    termId: term.id,
    weekday: 1,
    periodId: period.id,
    kind: "club",
    title: "合唱",
    grades: [3],
    classId: null,
    clubId: club.id,
    staffId: 7,
    venueId: null,
    sequence: 0,
    updatedAt: "2026-09-01T00:00:00.000Z",
  });

  before(async () => {
    const rows = [good(), { ...good(), id: 102, weekday: 2, kind: "party" }, { ...good(), id: 103, weekday: "3" }];
    await inTransaction(ctx.db.ds, (em) =>
      em.getRepository(Timetable).upsert(
        {
          termId: term.id,
          published: rows as never,
          publishedAt: "2026-09-01T00:00:00.000Z",
          updatedAt: "2026-09-01T00:00:00.000Z",
        },
        ["termId"],
      ),
    );
  });

  // The snapshot holds one valid row (101) and two that are not entries: an unknown kind, a weekday that is text.
  it("When the snapshot holds rows that are not entries, then the timetable page, feeds and registers read only the valid ones", async () => {
    expect((await publishedTimetable(ctx.db.ds.manager)).rows.map((r) => r.id)).to.deep.equal([101]);
  });

  it("When the snapshot holds rows that are not entries, then the policy check of the published timetable reads the same valid rows (not the draft)", async () => {
    const policy = await loadPolicyInput(ctx.db.ds, term.id, { timetable: "published", sizes: false });
    expect(policy.input.entries.map((e) => e.id)).to.deep.equal(["101"]);
  });

  it("When the snapshot holds rows that are not entries, then families' club offer shows only the valid meetings", async () => {
    const offer = await loadClubOffer(ctx.db.ds.manager, term.id);
    expect(offer.find((c) => c.id === club.id)?.meetings.map((m) => m.weekday)).to.deep.equal([1]);
  });

  it("When the snapshot holds rows that are not entries, then the allocation instance gives the club only the valid slots", async () => {
    expect((await clubSlots(ctx.db.ds, term.id)).get(club.id)).to.deep.equal(["mon-1"]);
  });

  it("When a Sunday is a make-up day following Monday, then sessionsOn gives Monday's valid sessions; a holiday and a date outside the term give none", async () => {
    await inTransaction(ctx.db.ds, (em) =>
      em.getRepository(CalendarDay).save([
        { termId: term.id, date: "2026-09-27", kind: "makeup", runsWeekday: 1, name: "调休" },
        { termId: term.id, date: "2026-10-05", kind: "holiday", runsWeekday: null, name: "国庆节" },
      ]),
    );
    const makeUp = await sessionsOn(ctx.db.ds.manager, "2026-09-27");
    expect(makeUp.day).to.include({ kind: "makeup", runsWeekday: 1 });
    expect(makeUp.sessions.map((s) => [s.entry.id, s.cancelled, s.covered])).to.deep.equal([[101, null, false]]);
    expect((await sessionsOn(ctx.db.ds.manager, "2026-10-05")).sessions).to.deep.equal([]);
    expect((await sessionsOn(ctx.db.ds.manager, "2027-03-01")).day).to.equal(null);
  });

  it("When a club's sessions or a staff member's week are asked for, then they come from the same valid rows", async () => {
    expect((await clubSessions(ctx.db.ds.manager, club.id)).map((r) => r.id)).to.deep.equal([101]);
    expect((await clubSessions(ctx.db.ds.manager, club.id, term.id)).map((r) => r.id)).to.deep.equal([101]);
    expect((await staffWeek(ctx.db.ds.manager, 7)).map((r) => r.id)).to.deep.equal([101]);
    expect(await staffWeek(ctx.db.ds.manager, 424242)).to.deep.equal([]);
  });
});
