// kehou demo remove | kehou setup-token: the install commands.
import { loadConfig } from "../config";
import { openDatabase } from "../database";
import { UsageError } from "../commands/db-commands";
import { demoPresent, removeDemo } from "./demo-rows";
import { adminExists, setupDone } from "./setup-state";
import { issueSetupToken } from "./setup-token";
import { setupTokenLines } from "./start-message";

export async function demoCommand(argv: string[]): Promise<number> {
  if (argv.length !== 1 || argv[0] !== "remove") throw new UsageError("usage: kehou demo remove");
  const ds = await openDatabase(loadConfig(process.env, "command").databaseUrl);
  try {
    if (!(await demoPresent(ds))) {
      process.stderr.write("no demo accounts in this database; nothing changed\n");
      return 0;
    }
    const removed = await removeDemo(ds);
    process.stderr.write(`demo school removed (audited as demo.remove): ${Object.entries(removed).map(([k, v]) => `${v} ${k}`).join(", ")}\n`);
    if (!(await adminExists(ds))) process.stderr.write("no admin is left: the next `npm start` offers first-run setup\n");
  } finally {
    await ds.destroy();
  }
  return 0;
}

export async function setupTokenCommand(argv: string[]): Promise<number> {
  if (argv.length > 0) throw new UsageError("usage: kehou setup-token");
  const ds = await openDatabase(loadConfig(process.env, "command").databaseUrl);
  try {
    if (await setupDone(ds)) throw new UsageError("setup-token: first-run setup is already done");
    if (await adminExists(ds)) throw new UsageError("setup-token: an admin exists; log in as the admin to finish setup");
    const { token, expiresAt } = await issueSetupToken(ds, { replace: true });
    // stderr only, once: the token is a secret and stdout may be collected into logs.
    process.stderr.write(`First-run setup: open /setup on any instance and enter\n${setupTokenLines(token, expiresAt)}`);
  } finally {
    await ds.destroy();
  }
  return 0;
}
