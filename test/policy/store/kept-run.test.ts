import { expect } from "chai";
import Database from "better-sqlite3";
import { Client } from "pg";
import { forEachDatabase, type TestDb } from "../../support/databases";
import { seedDemo } from "../../../seeds/demo";
import { DailySport, Term } from "../../../src/db/entities";
import { inTransaction } from "../../../src/db/transaction";
import { COUNTS_FRESH_MS, policyCounts, runPolicy, type PolicyRun } from "../../../src/policy/service";

// What bench/pages' busy table does: another connection commits small writes to a table of its own.
async function otherConnectionWrites(db: TestDb, count: number): Promise<void> {
  if (db.kind === "sqlite") {
    const other = new Database(db.url.replace(/^sqlite:/, ""));
    try {
      other.exec("CREATE TABLE IF NOT EXISTS bench_tick (at TEXT NOT NULL)");
      for (let i = 0; i < count; i++)
        other.prepare("INSERT INTO bench_tick (at) VALUES (?)").run(new Date().toISOString());
    } finally {
      other.close();
    }
    return;
  }
  const other = new Client({ connectionString: db.url });
  await other.connect();
  try {
    await other.query("CREATE TABLE IF NOT EXISTS bench_tick (at TEXT NOT NULL)");
    for (let i = 0; i < count; i++)
      await other.query("INSERT INTO bench_tick (at) VALUES ($1)", [new Date().toISOString()]);
  } finally {
    await other.end();
  }
}

forEachDatabase("the policy run is kept until what it reads changes", (ctx) => {
  let termId: number;
  before(async function () {
    this.timeout(120_000);
    await seedDemo(ctx.db.ds);
    termId = (await ctx.db.ds.getRepository(Term).findOneByOrFail({ current: true })).id;
  });

  it("When another connection commits writes to a table the policy does not read, then the kept run is used again, not read again", async () => {
    const first = await runPolicy(ctx.db.ds, termId);
    await otherConnectionWrites(ctx.db, 5);
    expect(await runPolicy(ctx.db.ds, termId)).to.equal(first);
  });

  it("When another connection changes a table the policy reads, then the next run reads it", async () => {
    const first = await runPolicy(ctx.db.ds, termId);
    const sport = await ctx.db.ds.getRepository(DailySport).findOneByOrFail({ grade: 4, weekday: 1 });
    const table = ctx.db.ds.getMetadata(DailySport).tableName;
    const sql = `UPDATE "${table}" SET "breakMinutes" = 0, "peMinutes" = 0 WHERE id = ${sport.id}`;
    if (ctx.db.kind === "sqlite") {
      const other = new Database(ctx.db.url.replace(/^sqlite:/, ""));
      try {
        other.exec(sql);
      } finally {
        other.close();
      }
    } else {
      const other = new Client({ connectionString: ctx.db.url });
      await other.connect();
      try {
        await other.query(sql);
      } finally {
        await other.end();
      }
    }
    try {
      const after = await runPolicy(ctx.db.ds, termId);
      expect(after).to.not.equal(first);
      expect(
        after.violations.filter((v) => v.ruleId === "daily-sport-hour" && v.target.grade === 4).length,
      ).to.be.greaterThan(0);
    } finally {
      await inTransaction(ctx.db.ds, (em) =>
        em
          .getRepository(DailySport)
          .update({ id: sport.id }, { peMinutes: sport.peMinutes, breakMinutes: sport.breakMinutes }),
      );
    }
    expect(
      (await runPolicy(ctx.db.ds, termId)).violations.filter((v) => v.ruleId === "daily-sport-hour"),
    ).to.deep.equal([]);
  });

  it("When callers ask while the policy's tables are being written, then each caller's run has read every write made before it asked (however runs are shared)", async function () {
    this.timeout(60_000);
    const ds = ctx.db.ds;
    const sport = await ds.getRepository(DailySport).findOneByOrFail({ grade: 4, weekday: 1 });
    const setBreak = (minutes: number) =>
      inTransaction(ds, (em) => em.getRepository(DailySport).update({ id: sport.id }, { breakMinutes: minutes }));
    const breakIn = (run: PolicyRun) =>
      run.input.dailySport.find((d) => d.grade === 4 && d.weekday === 1)?.breakMinutes ?? -1;
    try {
      // Each write moves the policy's stamp while a run may be under way (sharing itself: test/policy/unit/run-line).
      await setBreak(31);
      const a = runPolicy(ds, termId);
      await setBreak(32);
      const b = runPolicy(ds, termId);
      await setBreak(33);
      const c = runPolicy(ds, termId);
      await setBreak(34);
      const d = runPolicy(ds, termId);
      const [, rb, rc, rd] = await Promise.all([a, b, c, d]);
      expect(breakIn(rb)).to.be.at.least(32);
      expect(breakIn(rc)).to.be.at.least(33);
      expect(breakIn(rd)).to.equal(34);
      // Nothing written since: the last run is kept.
      expect(await runPolicy(ds, termId)).to.equal(rd);
    } finally {
      await setBreak(sport.breakMinutes);
    }
  });

  it("When a policy table changes, then the admin home's counts come from the last run, saying when it read, for a few seconds; after that a new run counts the change", async function () {
    this.timeout(60_000);
    const ds = ctx.db.ds;
    const before = await runPolicy(ds, termId);
    const count = (run: PolicyRun) => run.violations.length;
    const exact = await policyCounts(ds);
    expect(exact).to.include({ checkedAt: null });
    expect(exact!.errors + exact!.warnings).to.equal(count(before));
    const sport = await ds.getRepository(DailySport).findOneByOrFail({ grade: 4, weekday: 1 });
    await inTransaction(ds, (em) =>
      em.getRepository(DailySport).update({ id: sport.id }, { breakMinutes: 0, peMinutes: 0 }),
    );
    try {
      // Within COUNTS_FRESH_MS of the last run: its counts, marked with when it read.
      const soon = await policyCounts(ds);
      expect(soon!.errors + soon!.warnings).to.equal(count(before));
      expect(soon!.checkedAt).to.be.a("string");
      expect(Date.now() - Date.parse(soon!.checkedAt!)).to.be.below(COUNTS_FRESH_MS + 60_000);
      // Later: a new run, exact again, with the change's violations.
      const later = await policyCounts(ds, Date.now() + COUNTS_FRESH_MS);
      expect(later).to.include({ checkedAt: null });
      expect(later!.errors + later!.warnings).to.be.greaterThan(count(before));
      expect(later!.errors + later!.warnings).to.equal(count(await runPolicy(ds, termId)));
    } finally {
      await inTransaction(ds, (em) =>
        em
          .getRepository(DailySport)
          .update({ id: sport.id }, { peMinutes: sport.peMinutes, breakMinutes: sport.breakMinutes }),
      );
    }
  });
});
