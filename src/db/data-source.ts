// Builds the TypeORM DataSource from DATABASE_URL: `sqlite:PATH` (embedded
// default, WAL, foreign keys, busy timeout) or `postgres://…` for a district.
import "reflect-metadata";
import { DataSource } from "typeorm";
import { mkdirSync } from "node:fs";
import { dirname, isAbsolute, resolve } from "node:path";
import { projectRoot } from "../config";

export type DbKind = "sqlite" | "postgres";

export function dbKind(url: string): DbKind {
  if (url.startsWith("sqlite:")) return "sqlite";
  if (/^postgres(ql)?:\/\//.test(url)) return "postgres";
  throw new Error(`DATABASE_URL: expected sqlite:PATH or postgres://…, got "${url}"`);
}

export function sqlitePath(url: string): string {
  const path = url.slice("sqlite:".length);
  if (path === ":memory:") return path;
  return isAbsolute(path) ? path : resolve(projectRoot(), path);
}

function migrationsFor(kind: DbKind): string[] {
  // Generated per driver (initial schema) plus hand-written, driver-agnostic
  // ones (TypeORM's Table API) that each capability adds in migrations/common.
  return [resolve(__dirname, "migrations", kind, "*.js"), resolve(__dirname, "migrations", "common", "*.js")];
}

// The app hands over its entity list (src/entities.ts): db/ knows no capability.
export function createDataSource(url: string, entities: Function[], options: { logging?: boolean } = {}): DataSource {
  const kind = dbKind(url);
  if (kind === "sqlite") {
    const database = sqlitePath(url);
    if (database !== ":memory:") mkdirSync(dirname(database), { recursive: true });
    return new DataSource({
      type: "better-sqlite3",
      database,
      enableWAL: true,
      // Writers wait for each other instead of failing with "database is locked".
      timeout: 10_000,
      prepareDatabase: (db: { pragma(s: string): unknown }) => {
        db.pragma("busy_timeout = 10000");
        db.pragma("synchronous = NORMAL");
      },
      entities,
      migrations: migrationsFor(kind),
      logging: options.logging ?? false,
    });
  }
  return new DataSource({
    type: "postgres",
    url,
    entities,
    migrations: migrationsFor(kind),
    logging: options.logging ?? false,
    extra: { max: 10 },
  });
}
