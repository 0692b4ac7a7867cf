// Several app instances deliver the same outbox: on PostgreSQL each claims
// with FOR UPDATE SKIP LOCKED, so two dispatchers racing over the same rows
// never both send one. (On SQLite the same holds within one process, through
// the write queue and the claim's own condition.)
import { expect } from "chai";
import type { DataSource } from "typeorm";
import { forEachDatabase } from "../../support/databases";
import { openDatabase } from "../../../src/database";
import { inTransaction } from "../../../src/db";
import { OutboxDelivery, notifyStaffGroup } from "../../../src/notifications";
import { dispatchAll } from "../../../src/notifications/dispatcher";
import type { Sender } from "../../../src/notifications/channels";
import { pointAtReceivers } from "../support/school";

const NOTICES = 150;

forEachDatabase("outbox: two dispatchers racing", (ctx) => {
  let ds: DataSource;
  let second: DataSource;

  before(async function () {
    this.timeout(60_000);
    ds = ctx.db.ds;
    // A second connection pool, as a second app instance would have (PostgreSQL);
    // SQLite has one process and one connection, so both share it there.
    second = ctx.db.kind === "postgres" ? await openDatabase(ctx.db.url) : ds;
    await pointAtReceivers(ds, { robotUrl: "http://127.0.0.1:9" });
  });
  after(async () => {
    if (second !== ds && second.isInitialized) await second.destroy();
  });

  it("When two dispatchers deliver the same rows at once, then every row is sent exactly once and all are sent", async function () {
    this.timeout(120_000);
    await inTransaction(ds, async (em) => {
      for (let i = 0; i < NOTICES; i++) await notifyStaffGroup(em, "attendance.daySummary", { count: i });
    });
    const total = await ds.getRepository(OutboxDelivery).count();
    expect(total).to.equal(NOTICES * 2);
    const sentBy = new Map<string, string[]>();
    const recorder =
      (who: string): Sender =>
      async ({ delivery }) => {
        await new Promise((r) => setTimeout(r, 1 + Math.random() * 3));
        sentBy.set(delivery.idempotencyKey, [...(sentBy.get(delivery.idempotencyKey) ?? []), who]);
      };
    const run = (db: DataSource, who: string) =>
      dispatchAll(db, { workerId: who, batchSize: 10, senders: { wecom: recorder(who), dingtalk: recorder(who) } });
    const [a, b] = await Promise.all([run(ds, "A"), run(second, "B")]);
    const twice = [...sentBy.values()].filter((w) => w.length > 1);
    expect(twice, "rows sent by both").to.deep.equal([]);
    expect(sentBy.size).to.equal(total);
    expect(a.sent + b.sent).to.equal(total);
    expect(await ds.getRepository(OutboxDelivery).countBy({ status: "sent" })).to.equal(total);
    // Both took part (on PostgreSQL they run truly side by side).
    expect(a.sent, "A sent some").to.be.greaterThan(0);
    expect(b.sent, "B sent some").to.be.greaterThan(0);
  });
});
