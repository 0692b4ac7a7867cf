import { expect } from "chai";
import Database from "better-sqlite3";
import { Client } from "pg";
import { forEachDatabase, type TestDb } from "../../support/databases";
import { seedDemo } from "../../../seeds/demo";
import { DailySport, Term } from "../../../src/db/entities";
import { inTransaction } from "../../../src/db/transaction";
import { runPolicy } from "../../../src/policy/service";

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
});
