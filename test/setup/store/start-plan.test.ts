// `npm start`'s decision on the database it finds (issue 15): the demo school
// only on an empty development database, never in production, and a production
// start that finds demo accounts refuses to serve until `kehou demo remove`.
import { expect } from "chai";
import request from "supertest";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { forEachDatabase } from "../../support/databases";
import { appForPlan } from "../../../src/setup/start-plan";
import { planStart } from "../../../seeds/start";
import { projectRoot } from "../../../src/config";
import { createStaff } from "../../../src/school/staff-service";
import { SYSTEM } from "../../../src/audit";
import { Setting, Staff, Student } from "../../../src/db/entities";

const dev = { production: false, sessionSecret: "test-secret-test-secret", logLevel: "silent", trustProxy: false };
const prod = { ...dev, production: true };
const count = (ds: import("typeorm").DataSource, table: string) =>
  ds.query(`SELECT COUNT(*) AS n FROM ${table}`).then((rows: { n: string | number }[]) => Number(rows[0].n));

forEachDatabase("Start-up on a new database", (ctx) => {
  it("When production starts on an empty database, then no demo account is made and first-run setup is planned", async () => {
    const plan = await planStart(ctx.db.ds, prod);
    expect(plan.kind).to.equal("setup");
    expect(await ctx.db.ds.getRepository(Staff).count()).to.equal(0);
    expect(await ctx.db.ds.getRepository(Student).count()).to.equal(0);
    expect(await ctx.db.ds.getRepository(Setting).existsBy({ key: "demo.seeded" })).to.equal(false);
  });

  it("When development starts on a database that holds a staff member, then the demo is not seeded", async () => {
    await createStaff(
      ctx.db.ds,
      {
        staffNumber: "T1",
        name: "王老师",
        email: "wang@school.cn",
        role: "teacher",
        password: null,
        vettedOn: null,
        availableDays: [],
      },
      SYSTEM,
    );
    const plan = await planStart(ctx.db.ds, dev);
    expect(plan.kind).to.not.equal("seeded");
    expect(await ctx.db.ds.getRepository(Staff).count()).to.equal(1);
    expect(await ctx.db.ds.getRepository(Setting).existsBy({ key: "demo.seeded" })).to.equal(false);
  });
});

forEachDatabase("Start-up with the demo school", (ctx) => {
  it("When development starts on an empty database, then the demo is seeded and every page says 演示数据", async function () {
    this.timeout(300_000);
    const plan = await planStart(ctx.db.ds, dev);
    expect(plan.kind).to.equal("seeded");
    const app = appForPlan(ctx.db.ds, dev, plan)!;
    const login = await request(app).get("/login");
    expect(login.text).to.contain("演示数据");
    const en = await request(app).get("/login").set("Cookie", "kehou.lang=en");
    expect(en.text).to.contain("demo data");
  });

  it("When production starts on a database with demo accounts, then it refuses to serve and says how to remove them", async () => {
    const plan = await planStart(ctx.db.ds, prod);
    expect(plan.kind).to.equal("refuse");
    expect(plan.kind === "refuse" && plan.message).to.contain("kehou demo remove");
    expect(appForPlan(ctx.db.ds, prod, plan)).to.equal(null);
  });

  it("When `kehou demo remove` runs, then no demo row is left, it is audited, and production plans first-run setup", async function () {
    this.timeout(300_000);
    const res = spawnSync(process.execPath, [join(projectRoot(), "bin", "kehou.js"), "demo", "remove"], {
      env: {
        ...process.env,
        LOG_LEVEL: "silent",
        DATABASE_URL: ctx.db.url,
        NODE_ENV: "production",
        SESSION_SECRET: "cli-test-secret-cli-test",
      },
      encoding: "utf8",
      timeout: 240_000,
    });
    expect(res.status, res.stderr).to.equal(0);
    for (const table of [
      "staff",
      "family",
      "student",
      "school_class",
      "term",
      "club",
      "venue",
      "timetable",
      "timetable_entry",
      "service_enrollment",
      "attendance",
      "survey",
      "survey_receipt",
      "survey_response",
      "choice_round",
      "preference",
      "allocation_run",
      "club_placement",
      "homework_entry",
      "calendar_day",
      "period",
    ]) {
      expect(await count(ctx.db.ds, table), table).to.equal(0);
    }
    const demoSettings = await ctx.db.ds.query<{ key: string }[]>(
      `SELECT "key" FROM setting WHERE "key" LIKE 'demo.%' OR "key" LIKE 'school.%'`,
    );
    expect(demoSettings).to.deep.equal([]);
    expect(await count(ctx.db.ds, `audit_log WHERE action = 'demo.remove'`)).to.equal(1);
    const plan = await planStart(ctx.db.ds, prod);
    expect(plan.kind).to.equal("setup");
    // Removed on purpose: a development start on the emptied database does not seed it back.
    expect((await planStart(ctx.db.ds, dev)).kind).to.equal("setup");
    expect(await count(ctx.db.ds, "staff")).to.equal(0);
  });
});

describe("Start-up never loads the demo in production", () => {
  it("When a production server plans its start on a new database and builds its app, then no module under seeds/ is loaded", function () {
    this.timeout(120_000);
    const dir = join(projectRoot(), "dist");
    const script = `
      const { openDatabase } = require(${JSON.stringify(join(dir, "src", "database.js"))});
      const { planStart, appForPlan } = require(${JSON.stringify(join(dir, "src", "setup", "start-plan.js"))});
      (async () => {
        const ds = await openDatabase("sqlite::memory:");
        const config = { production: true, sessionSecret: "test-secret-test-secret", logLevel: "silent", trustProxy: false };
        const plan = await planStart(ds, config);
        appForPlan(ds, config, plan);
        const seeds = Object.keys(require.cache).filter((f) => /[\\/]seeds[\\/]/.test(f));
        process.stdout.write(JSON.stringify({ plan: plan.kind, seeds }));
        await ds.destroy();
      })().catch((e) => { process.stderr.write(String(e && e.stack || e)); process.exit(1); });`;
    const res = spawnSync(process.execPath, ["-e", script], {
      encoding: "utf8",
      timeout: 100_000,
      env: { ...process.env, LOG_LEVEL: "silent" },
    });
    expect(res.status, res.stderr).to.equal(0);
    expect(JSON.parse(res.stdout)).to.deep.equal({ plan: "setup", seeds: [] });
  });
});
