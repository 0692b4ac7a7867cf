// Typed environment: everything the app reads from process.env, validated once.
import { z } from "zod";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { dirname, isAbsolute, join, resolve } from "node:path";

// The project root is where package.json lives; compiled code runs from dist/.
export function projectRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, "package.json"))) {
    const up = dirname(dir);
    if (up === dir) return process.cwd();
    dir = up;
  }
  return dir;
}

const envSchema = z.object({
  DATABASE_URL: z.string().default("sqlite:data/kehou.sqlite"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  SESSION_SECRET: z.string().min(16).optional(),
  NODE_ENV: z.string().default("development"),
  LOG_LEVEL: z.string().default("info"),
  TRUST_PROXY: z.string().optional(),
  // Where families and staff reach the site: the only source of absolute links.
  // An empty value (PUBLIC_URL= in a service file) counts as unset.
  PUBLIC_URL: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z
      .string()
      .trim()
      .regex(/^https?:\/\/[^/\s?#]+(\/[^\s?#]*)?$/, "an http:// or https:// address such as https://kehou.school.cn")
      .optional(),
  ),
});

export interface Config {
  databaseUrl: string;
  port: number;
  sessionSecret: string;
  production: boolean;
  logLevel: string;
  trustProxy: boolean;
  /** PUBLIC_URL without a trailing slash; http://localhost:PORT in development when unset. */
  publicUrl: string;
  /** PUBLIC_URL was given (not the development default): its host may name things that must outlive a move, such as feed UIDs. */
  publicUrlSet: boolean;
  dataDir: string;
}

/** Where a generated session secret is kept: beside the SQLite file, else (PostgreSQL, in-memory) data/. */
export function secretDirFor(databaseUrl: string, dataDir: string): string {
  if (!databaseUrl.startsWith("sqlite:")) return dataDir;
  const path = databaseUrl.slice("sqlite:".length);
  if (path === ":memory:" || path === "") return dataDir;
  return dirname(isAbsolute(path) ? path : resolve(projectRoot(), path));
}

// SESSION_SECRET may come from the environment; otherwise one is generated
// once and kept beside the database (secretDirFor) so sessions survive a
// restart. An install from before keeps the one in data/ while there is none
// beside the database.
// Said once per process (a command may load its config more than once).
const saidOldPlace = new Set<string>();

function sessionSecret(dir: string, dataDir: string, say: (line: string) => void, fromEnv?: string): string {
  if (fromEnv) return fromEnv;
  const file = join(dir, "session-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  const old = join(dataDir, "session-secret");
  if (old !== file && existsSync(old)) {
    if (!saidOldPlace.has(old))
      say(
        `kehou: using the session secret in ${old} (its old place); move it to ${file}, beside the database, or set SESSION_SECRET\n`,
      );
    saidOldPlace.add(old);
    return readFileSync(old, "utf8").trim();
  }
  mkdirSync(dir, { recursive: true });
  const secret = randomBytes(32).toString("hex");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

// A server hands out links, so in production it needs PUBLIC_URL; a `kehou`
// command (migrate, demo remove, backup…) run on the same machine does not.
/** `where`: for tests, data/'s place and where the old-place line goes (stderr). */
export function loadConfig(
  env: NodeJS.ProcessEnv = process.env,
  purpose: "server" | "command" = "server",
  where: { dataDir?: string; say?: (line: string) => void } = {},
): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Invalid environment: ${issue.path.join(".")}: ${issue.message}`);
  }
  const e = parsed.data;
  if (purpose === "server" && e.NODE_ENV === "production" && !e.PUBLIC_URL) {
    throw new Error(
      "Invalid environment: PUBLIC_URL: required under NODE_ENV=production (links in feeds, QR codes and code slips use it)",
    );
  }
  const dataDir = where.dataDir ?? resolve(projectRoot(), "data");
  return {
    databaseUrl: e.DATABASE_URL,
    port: e.PORT,
    sessionSecret: sessionSecret(
      secretDirFor(e.DATABASE_URL, dataDir),
      dataDir,
      where.say ?? ((line) => process.stderr.write(line)),
      e.SESSION_SECRET,
    ),
    production: e.NODE_ENV === "production",
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY === "1" || e.TRUST_PROXY === "true",
    publicUrl: e.PUBLIC_URL ? e.PUBLIC_URL.replace(/\/+$/, "") : `http://localhost:${e.PORT}`,
    publicUrlSet: e.PUBLIC_URL !== undefined,
    dataDir,
  };
}
