// The demo school's own entry point (src/ never imports seeds/). The `kehou` bin
// (bin/kehou.js) hands it `seed` and `demo`; `npm start` runs `start` before the
// server in development:
//   kehou seed demo      seed the demo into an empty database (never in production),
//                        with its activity and its open top-up round
//   kehou demo remove    remove every demo row (audited), in any environment
//   kehou demo logins    print the demo's logins
//   node dist/seeds/cli.js start   the development start's seed step (seeds/start.ts)
// Bad usage exits 2.
import { loadConfig } from "../src/config";
import { openDatabase } from "../src/database";
import { UsageError } from "../src/cli";
import {
  adminExists,
  demoLoginLines,
  demoMarked,
  demoPresent,
  isEmptySchool,
  printLogins,
  DEMO_NOTE,
} from "../src/setup";
import type { DataSource } from "typeorm";

type Command = (argv: string[]) => Promise<number>;

async function withDatabase<T>(run: (ds: DataSource) => Promise<T>): Promise<T> {
  const ds = await openDatabase(loadConfig(process.env, "command").databaseUrl);
  try {
    return await run(ds);
  } finally {
    await ds.destroy();
  }
}

async function seedCommand(argv: string[]): Promise<number> {
  if (argv.length !== 1 || argv[0] !== "demo") throw new UsageError("usage: kehou seed demo");
  // Its passwords are public: never in production, never beside a real school's people.
  if (loadConfig(process.env, "command").production) throw new UsageError("seed demo: never under NODE_ENV=production");
  const { seedDemo } = await import("./demo");
  const { seedDemoActivity } = await import("./demo-activity");
  const { seedDemoOpenRound, demoOpenRoundLine } = await import("./demo-open-round");
  return withDatabase(async (ds) => {
    if (!(await demoMarked(ds)) && !(await isEmptySchool(ds)))
      throw new UsageError(
        "seed demo: this database holds staff or students; the demo is only seeded into an empty database",
      );
    const { seeded, logins } = await seedDemo(ds);
    if (seeded) {
      await seedDemoActivity(ds);
      await seedDemoOpenRound(ds);
    }
    process.stdout.write(
      seeded ? printLogins("(npm start)", true, logins) : "the demo school is already seeded; nothing changed\n",
    );
    if (seeded) process.stdout.write((await demoOpenRoundLine(ds)) ?? "");
    return 0;
  });
}

async function demoCommand(argv: string[]): Promise<number> {
  if (argv.length !== 1 || !["remove", "logins"].includes(argv[0]))
    throw new UsageError("usage: kehou demo remove|logins");
  if (argv[0] === "logins") {
    process.stdout.write(`${demoLoginLines(false, (await import("./demo")).demoLogins()).join("\n")}\n`);
    return 0;
  }
  const { removeDemo } = await import("./demo-remove");
  return withDatabase(async (ds) => {
    if (!(await demoPresent(ds))) {
      process.stderr.write("no demo accounts in this database; nothing changed\n");
      return 0;
    }
    const removed = await removeDemo(ds);
    process.stderr.write(
      `demo school removed (audited as demo.remove): ${Object.entries(removed)
        .map(([k, v]) => `${v} ${k}`)
        .join(", ")}\n`,
    );
    if (!(await adminExists(ds)))
      process.stderr.write("no admin is left: the next `npm start` offers first-run setup\n");
    return 0;
  });
}

// `npm start`'s step before the server: seed an empty development database, and
// print the demo's logins while the demo is there. Production: nothing is loaded.
async function startCommand(argv: string[]): Promise<number> {
  if (argv.length > 0) throw new UsageError("usage: node dist/seeds/cli.js start");
  const config = loadConfig(process.env, "command");
  if (config.production) return 0;
  const { seedStep } = await import("./start");
  const { demoLogins } = await import("./demo");
  const { demoOpenRoundLine } = await import("./demo-open-round");
  return withDatabase(async (ds) => {
    process.stdout.write("Checking the database for the demo school…\n");
    const seeded = await seedStep(ds, config);
    const present = seeded !== null || (await demoPresent(ds));
    if (seeded) process.stdout.write(`\n${demoLoginLines(true, seeded).join("\n")}\n${DEMO_NOTE}`);
    else if (present) process.stdout.write(`\n${demoLoginLines(false, demoLogins()).join("\n")}\n`);
    // While the demo's top-up is open, where a newcomer can try the family form.
    if (present) process.stdout.write((await demoOpenRoundLine(ds)) ?? "");
    return 0;
  });
}

export const commands: Record<string, Command> = { seed: seedCommand, demo: demoCommand, start: startCommand };

function isUsageError(err: unknown): boolean {
  return (
    err instanceof UsageError ||
    (err instanceof Error && (err as { code?: string }).code?.startsWith("ERR_PARSE_ARGS") === true)
  );
}

/** Runs one command; the exit code (2 for bad usage). */
export async function runSeedsCli(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const command = name ? commands[name] : undefined;
  if (!command) {
    process.stderr.write(
      `usage: kehou <${Object.keys(commands)
        .filter((c) => c !== "start")
        .join("|")}> [options]\n`,
    );
    return 2;
  }
  try {
    return await command(rest);
  } catch (err) {
    process.stderr.write(`kehou: ${err instanceof Error ? err.message : String(err)}\n`);
    return isUsageError(err) ? 2 : 1;
  }
}

if (require.main === module) {
  void runSeedsCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
