// The same suites run on SQLite always and on PostgreSQL when TEST_PG_URL is
// set. Under CI=true a missing PostgreSQL is a failure, not a skip.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import { Client } from "pg";
import type { DataSource } from "typeorm";
import { openDatabase } from "../../src/database";

export interface TestDb {
  kind: "sqlite" | "postgres";
  url: string;
  ds: DataSource;
  drop(): Promise<void>;
}

async function sqliteDb(): Promise<TestDb> {
  const dir = mkdtempSync(join(tmpdir(), "kehou-test-"));
  const url = `sqlite:${join(dir, "test.sqlite")}`;
  const ds = await openDatabase(url);
  return {
    kind: "sqlite",
    url,
    ds,
    drop: async () => {
      if (ds.isInitialized) await ds.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function postgresDb(adminUrl: string): Promise<TestDb> {
  const name = `kehou_t_${randomBytes(5).toString("hex")}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  const url = u.toString();
  const ds = await openDatabase(url);
  return {
    kind: "postgres",
    url,
    ds,
    drop: async () => {
      if (ds.isInitialized) await ds.destroy();
      const c = new Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export function databaseKinds(): ("sqlite" | "postgres")[] {
  return process.env.TEST_PG_URL ? ["sqlite", "postgres"] : ["sqlite"];
}

export function openTestDb(kind: "sqlite" | "postgres"): Promise<TestDb> {
  return kind === "sqlite" ? sqliteDb() : postgresDb(process.env.TEST_PG_URL!);
}

// describe() once per database; `ctx.db` is ready inside the suite's tests.
export function forEachDatabase(title: string, body: (ctx: { db: TestDb }) => void): void {
  for (const kind of databaseKinds()) {
    describe(`${title} [${kind}]`, function () {
      const ctx = {} as { db: TestDb };
      before(async function () {
        this.timeout(120_000);
        ctx.db = await openTestDb(kind);
      });
      after(async () => ctx.db?.drop());
      body(ctx);
    });
  }
  if (!process.env.TEST_PG_URL) {
    describe(`${title} [postgres]`, () => {
      if (process.env.CI === "true") {
        it("When CI=true, then PostgreSQL must be available (TEST_PG_URL is not set)", () => {
          throw new Error("TEST_PG_URL is not set under CI=true");
        });
      } else {
        it.skip("PostgreSQL suite skipped: TEST_PG_URL is not set");
      }
    });
  }
}
