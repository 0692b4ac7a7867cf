// The databases a fault script runs against: a fresh SQLite file always, and
// a scratch PostgreSQL database (created here, dropped afterwards) when
// BENCH_PG_URL or TEST_PG_URL names a role that may create databases.
import { randomBytes } from "node:crypto";
import { Client } from "pg";
import { tempSqliteUrl } from "./processes";

export interface ScratchDb {
  kind: "sqlite" | "postgres";
  url: string;
  drop(): Promise<void>;
}

export function benchPgUrl(): string | undefined {
  return process.env.BENCH_PG_URL || process.env.TEST_PG_URL || undefined;
}

async function admin(adminUrl: string, sql: string): Promise<void> {
  const c = new Client({ connectionString: adminUrl });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

export async function scratchPostgres(adminUrl: string): Promise<ScratchDb> {
  const name = `kehou_bench_${randomBytes(5).toString("hex")}`;
  await admin(adminUrl, `CREATE DATABASE ${name}`);
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return {
    kind: "postgres",
    url: u.toString(),
    drop: () => admin(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

export async function scratchDatabases(): Promise<ScratchDb[]> {
  const pg = benchPgUrl();
  const sqlite: ScratchDb = { kind: "sqlite", url: tempSqliteUrl(), drop: async () => {} };
  return pg ? [sqlite, await scratchPostgres(pg)] : [sqlite];
}
