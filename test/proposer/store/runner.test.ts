import { expect } from "chai";
import { forEachDatabase } from "../../support/databases";
import { demoApp } from "../../support/demo-app";
import { randomSchool } from "../unit/support/random-school";
import { Term } from "../../../src/db/entities";
import { inTransaction } from "../../../src/db/transaction";
import { SYSTEM } from "../../../src/audit";
import { ProposalRun } from "../../../src/proposer/entities";
import { insertRun } from "../../../src/proposer/run-store";
import { launchRun, runSettled } from "../../../src/proposer/runner";
import { stopRun } from "../../../src/proposer/run-service";

// The worker thread on a school big enough to keep it busy: its progress
// reaches the database while it runs, and "stop" ends it with the best layout.
forEachDatabase("proposer: a run in its worker thread", (ctx) => {
  before(async function () {
    this.timeout(120_000);
    await demoApp(ctx.db);
  });

  it("When a long run writes progress and is then stopped, then it ends as stopped with the best proposal so far", async function () {
    this.timeout(90_000);
    const instance = randomSchool(11, { slots: 10, venues: 10, staff: 12, clubs: 24, students: 600, maxSessions: 2 });
    const term = await ctx.db.ds.getRepository(Term).findOneByOrFail({ current: true });
    const options = { clubIds: [], slots: [], budget: 100_000, timeLimit: 600, seed: 1 };
    const run = await inTransaction(ctx.db.ds, (em) =>
      insertRun(em, {
        termId: term.id,
        requestedByStaffId: null,
        options,
        budget: options.budget,
        fingerprint: "test",
        demand: "round",
        roundId: null,
        instance: JSON.stringify(instance),
      }),
    );
    launchRun(ctx.db.ds, run, instance);
    const repo = ctx.db.ds.getRepository(ProposalRun);
    let seen = await repo.findOneByOrFail({ id: run.id });
    for (let i = 0; i < 300 && seen.evaluations === 0; i++) {
      await new Promise((r) => setTimeout(r, 100));
      seen = await repo.findOneByOrFail({ id: run.id });
    }
    expect(seen.status).to.equal("running");
    expect(seen.evaluations).to.be.greaterThan(0);
    expect(seen.best).to.have.length(5);
    await stopRun(ctx.db.ds, run.id, SYSTEM);
    await runSettled(ctx.db.ds, run.id);
    const done = await repo.findOneByOrFail({ id: run.id });
    expect(done.status, done.error ?? "").to.equal("stopped");
    expect(done.evaluations).to.be.below(options.budget);
    const result = JSON.parse(done.result!) as { stoppedEarly?: boolean; entries: unknown[] };
    expect(result.stoppedEarly).to.equal(true);
    expect(result.entries.length).to.be.greaterThan(0);
  });
});
