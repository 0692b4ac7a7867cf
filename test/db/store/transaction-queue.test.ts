import { expect } from "chai";
import { forEachDatabase } from "../../support/databases";
import { inTransaction } from "../../../src/db/transaction";
import { Setting } from "../../../src/db/entities";

forEachDatabase("write transactions", (ctx) => {
  it("When 20 transactions overlap, then every one commits all its rows", async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        inTransaction(ctx.db.ds, async (em) => {
          await em.getRepository(Setting).insert({ key: `q.${i}.a`, value: "1" });
          await new Promise((r) => setTimeout(r, 2));
          await em.getRepository(Setting).insert({ key: `q.${i}.b`, value: "2" });
        }),
      ),
    );
    const rows = await ctx.db.ds.getRepository(Setting).count();
    expect(rows).to.equal(40);
  });

  it("When one transaction fails, then its rows are absent and the next one still runs", async () => {
    const failing = inTransaction(ctx.db.ds, async (em) => {
      await em.getRepository(Setting).insert({ key: "fail.a", value: "1" });
      throw new Error("boom");
    });
    const ok = inTransaction(ctx.db.ds, (em) => em.getRepository(Setting).insert({ key: "after.fail", value: "1" }));
    await failing.catch(() => undefined);
    await ok;
    expect(await ctx.db.ds.getRepository(Setting).existsBy({ key: "fail.a" })).to.equal(false);
    expect(await ctx.db.ds.getRepository(Setting).existsBy({ key: "after.fail" })).to.equal(true);
  });
});
