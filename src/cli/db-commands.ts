// kehou migrate | create-admin | backup: the database commands.
// (kehou setup-token: src/setup/cli.ts; kehou seed demo and kehou demo: the
// demo's own entry point, seeds/cli.ts.)
import { parseArgs } from "node:util";
import { loadConfig } from "../config";
import { openDatabase } from "../database";
import { dbKind, sqlitePath } from "../db";
import { createStaff, staffForm } from "../school";
import { SYSTEM } from "../audit";
import { checkStaffPassword, STAFF_PASSWORD_MIN } from "../http";
import { UsageError } from "./usage-error";
import { staffEmailTaken } from "./store";

function fail(message: string): never {
  throw new UsageError(message);
}

export async function migrateCommand(_argv: string[]): Promise<number> {
  const ds = await openDatabase(loadConfig(process.env, "command").databaseUrl);
  const pending = await ds.showMigrations();
  await ds.destroy();
  process.stderr.write(pending ? "migrations pending\n" : "database schema is up to date\n");
  return 0;
}

export async function createAdminCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      email: { type: "string" },
      password: { type: "string" },
      name: { type: "string" },
      number: { type: "string" },
    },
    strict: true,
  });
  const parsed = staffForm.safeParse({
    staffNumber: values.number ?? `ADM${Date.now().toString(36).toUpperCase()}`,
    name: values.name ?? values.email ?? "",
    email: values.email ?? "",
    role: "admin",
    password: values.password ?? "",
    vettedOn: "",
    availableDays: [],
  });
  if (!values.email) fail("--email: required");
  if (!values.password) fail("--password: required");
  // This admin may be the school's first: the same strength as first-run setup asks for.
  const weak = checkStaffPassword(values.password);
  if (weak)
    fail(
      weak === "validation.passwordCommon"
        ? "--password: a common password; choose another"
        : `--password: at least ${STAFF_PASSWORD_MIN} characters`,
    );
  if (!parsed.success) fail(parsed.error.issues.map((i) => `--${String(i.path[0])}: ${i.message}`).join("; "));
  const ds = await openDatabase(loadConfig(process.env, "command").databaseUrl);
  try {
    if (await staffEmailTaken(ds, parsed.data.email!)) fail(`--email: an account with ${parsed.data.email} exists`);
    const staff = await createStaff(ds, parsed.data, SYSTEM);
    process.stdout.write(`admin ${staff.email} created (staff number ${staff.staffNumber})\n`);
  } finally {
    await ds.destroy();
  }
  return 0;
}

// SQLite online backup (consistent while the app writes); PostgreSQL uses pg_dump.
export async function backupCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { out: { type: "string" } }, strict: true });
  if (!values.out) fail("--out: required (a file path)");
  const url = loadConfig(process.env, "command").databaseUrl;
  if (dbKind(url) !== "sqlite") fail("backup: DATABASE_URL is PostgreSQL; use pg_dump (see README)");
  const Database = (await import("better-sqlite3")).default;
  const db = new Database(sqlitePath(url), { readonly: true, fileMustExist: true });
  try {
    await db.backup(values.out);
  } finally {
    db.close();
  }
  const check = new Database(values.out, { readonly: true });
  const result = check.pragma("integrity_check", { simple: true });
  check.close();
  if (result !== "ok") {
    process.stderr.write(`backup integrity check failed: ${String(result)}\n`);
    return 1;
  }
  process.stderr.write(`backup written to ${values.out} (integrity ok)\n`);
  return 0;
}
