import { expect } from "chai";
import { forEachDatabase } from "../../support/databases";
import { Setting, Term, Timetable } from "../../../src/db/entities";
import { publishedTimetable } from "../../../src/timetable/store/published";
import { inTransaction } from "../../../src/db/transaction";
import { openDatabase } from "../../../src/database";
import { currentTerm } from "../../../src/db/current-term";
import { keptRead } from "../../../src/db/kept-reads";
import { formatStored, localDate, schoolZone } from "../../../src/kernel";

// Kept reads are shared until the next write: a write, from this connection or any
// other, is seen by the very next read; inside a transaction nothing is kept.
forEachDatabase("kept reads", (ctx) => {
  const setZone = (value: string) =>
    inTransaction(ctx.db.ds, (em) => em.getRepository(Setting).save({ key: "school.timezone", value }));

  it("When nothing is written, then the second read is the first one's value; after a write it is read again", async () => {
    let loads = 0;
    const load = () => Promise.resolve(++loads);
    expect(await keptRead(ctx.db.ds, "test|count", load)).to.equal(1);
    expect(await keptRead(ctx.db.ds, "test|count", load)).to.equal(1);
    await setZone("Asia/Shanghai");
    expect(await keptRead(ctx.db.ds, "test|count", load)).to.equal(2);
  });

  it("When another app instance writes, then this one's next read sees it", async () => {
    let loads = 0;
    const load = () => Promise.resolve(++loads);
    await keptRead(ctx.db.ds, "test|other", load);
    await keptRead(ctx.db.ds, "test|other", load);
    const other = await openDatabase(ctx.db.url);
    try {
      await inTransaction(other, (em) =>
        em.getRepository(Setting).save({ key: "test.other", value: String(Date.now()) }),
      );
    } finally {
      await other.destroy();
    }
    await keptRead(ctx.db.ds, "test|other", load);
    expect(loads).to.equal(2);
  });

  it("When a read runs inside a transaction, then it is not kept", async () => {
    let loads = 0;
    await inTransaction(ctx.db.ds, async (em) => {
      await keptRead(em, "test|tx", () => Promise.resolve(++loads));
      await keptRead(em, "test|tx", () => Promise.resolve(++loads));
    });
    expect(loads).to.equal(2);
  });

  it("When the school's time zone setting changes, then the next page reads it at once; a zone that does not exist falls back to Asia/Shanghai", async () => {
    await setZone("Asia/Shanghai");
    expect(await schoolZone(ctx.db.ds.manager)).to.equal("Asia/Shanghai");
    expect(formatStored("2026-09-01T16:30:00.000Z", await schoolZone(ctx.db.ds.manager))).to.equal("2026-09-02 00:30");
    await setZone("Europe/Berlin");
    const berlin = await schoolZone(ctx.db.ds.manager);
    expect(berlin).to.equal("Europe/Berlin");
    expect(formatStored("2026-09-01T16:30:00.000Z", berlin)).to.equal("2026-09-01 18:30");
    expect(localDate(new Date("2026-09-01T22:30:00.000Z"), berlin)).to.equal("2026-09-02");
    await setZone("Mars/Olympus");
    expect(await schoolZone(ctx.db.ds.manager)).to.equal("Asia/Shanghai");
    await setZone("Asia/Shanghai");
  });

  it("When a stored instant is missing, malformed or in an unknown zone, then pages show empty, the text, or its first minutes — never an error", () => {
    expect(formatStored(null, "Asia/Shanghai")).to.equal("");
    expect(formatStored("not a date", "Asia/Shanghai")).to.equal("not a date");
    expect(formatStored("2026-09-01T08:40:00.000Z", "Mars/Olympus")).to.equal("2026-09-01 08:40");
    expect(formatStored("2026-09-01T08:40:00.000Z", "Asia/Shanghai")).to.equal("2026-09-01 16:40");
  });

  it("When another term becomes current, then currentTerm answers with it straight away", async () => {
    const save = (name: string, current: boolean) =>
      inTransaction(ctx.db.ds, (em) =>
        em.getRepository(Term).save({
          name,
          startDate: "2026-09-01",
          endDate: "2027-01-20",
          current,
        }),
      );
    const first = await save("first", true);
    expect((await currentTerm(ctx.db.ds))?.id).to.equal(first.id);
    await inTransaction(ctx.db.ds, (em) => em.getRepository(Term).update({ id: first.id }, { current: false }));
    const second = await save("second", true);
    expect((await currentTerm(ctx.db.ds))?.id).to.equal(second.id);
  });

  it("When the published timetable is read twice, then both share one frozen snapshot; a new publication shows at once", async () => {
    const term = (await currentTerm(ctx.db.ds))!;
    const row = (id: number, title: string) => ({
      id,
      termId: term.id,
      weekday: 1,
      periodId: 1,
      kind: "activity",
      title,
      grades: [3],
      classId: null,
      clubId: null,
      staffId: null,
      venueId: null,
      sequence: 0,
      updatedAt: "2026-09-01T00:00:00.000Z",
    });
    const publish = (rows: ReturnType<typeof row>[], at: string) =>
      inTransaction(ctx.db.ds, (em) =>
        em
          .getRepository(Timetable)
          .upsert({ termId: term.id, published: rows as never, publishedAt: at, updatedAt: at }, ["termId"]),
      );
    await publish([row(1, "合唱")], "2026-09-01T00:00:00.000Z");
    const first = await publishedTimetable(ctx.db.ds.manager);
    expect(first.rows.map((r) => r.title)).to.deep.equal(["合唱"]);
    expect(await publishedTimetable(ctx.db.ds.manager)).to.equal(first);
    expect(() => (first.rows as unknown[]).push(row(9, "x"))).to.throw(TypeError);
    expect(() => {
      first.rows[0].grades.push(4);
    }).to.throw(TypeError);
    await publish([row(1, "合唱"), row(2, "珠心算")], "2026-09-02T00:00:00.000Z");
    const second = await publishedTimetable(ctx.db.ds.manager);
    expect(second.rows.map((r) => r.title)).to.deep.equal(["合唱", "珠心算"]);
    expect(second.publishedAt).to.equal("2026-09-02T00:00:00.000Z");
  });
});
